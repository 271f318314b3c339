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
}
