package com.tierpilot.delivery;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The providers' endpoints from configuration (their public API addresses by default). */
@Configuration(proxyBeanMethods = false)
class DeliveryConfig {

    @Bean
    ProviderEndpoints providerEndpoints(
            @Value("${tierpilot.delivery.aliyun.endpoint:https://dysmsapi.aliyuncs.com/}") URI aliyun,
            @Value("${tierpilot.delivery.tencent.endpoint:https://sms.tencentcloudapi.com/}") URI tencent,
            @Value("${tierpilot.delivery.provider-timeout:PT10S}") Duration timeout) {
        return new ProviderEndpoints(aliyun, tencent, timeout);
    }

    @Bean
    SenderSettings senderSettings(@Value("${tierpilot.delivery.sender.batch-size:50}") int batchSize,
            @Value("${tierpilot.delivery.sender.lease:PT5M}") Duration lease,
            @Value("${tierpilot.delivery.rate.per-company:20}") int perCompany,
            @Value("${tierpilot.delivery.rate.aliyun-sms:100}") int aliyun,
            @Value("${tierpilot.delivery.rate.tencent-sms:100}") int tencent,
            @Value("${tierpilot.delivery.rate.smtp-email:50}") int smtp,
            @Value("${tierpilot.delivery.sender.max-attempts:5}") int maxAttempts,
            @Value("${tierpilot.delivery.sender.first-retry:PT1M}") Duration firstRetry,
            @Value("${tierpilot.node-name:}") String nodeId) {
        String node = nodeId.isBlank() ? ProcessHandle.current().pid() + "@" + hostName() : nodeId;
        return new SenderSettings(batchSize, lease, perCompany, java.util.Map.of(Provider.ALIYUN_SMS, aliyun,
                Provider.TENCENT_SMS, tencent, Provider.SMTP_EMAIL, smtp), maxAttempts, firstRetry,
                node + "/" + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
