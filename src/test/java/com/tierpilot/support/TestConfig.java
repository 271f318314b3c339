package com.tierpilot.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Beans every integration test shares: the movable clock, the tenant fixtures, a nightly step that fails on demand,
 * a database outage to cause, and the SMS providers played on local ports.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    FailingNightlyStep failingNightlyStep() {
        return new FailingNightlyStep();
    }

    /** A bean post-processor: static, so that it does not make this configuration be created early. */
    @Bean
    static DatabaseOutage databaseOutage() {
        return new DatabaseOutage();
    }

    /** Alibaba Cloud SMS played on a local port; the application's adapter sends there. */
    @Bean(destroyMethod = "close")
    AliyunSmsSimulator aliyunSmsSimulator() {
        return new AliyunSmsSimulator();
    }

    /** Tencent Cloud SMS played on a local port; the application's adapter sends there. */
    @Bean(destroyMethod = "close")
    TencentSmsSimulator tencentSmsSimulator() {
        return new TencentSmsSimulator();
    }

    @Bean
    @Primary
    com.tierpilot.delivery.ProviderEndpoints testProviderEndpoints(AliyunSmsSimulator aliyun,
            TencentSmsSimulator tencent) {
        return new com.tierpilot.delivery.ProviderEndpoints(aliyun.uri(), tencent.uri(),
                java.time.Duration.ofSeconds(5));
    }

    @Bean
    TestTenants testTenants() {
        return new TestTenants();
    }

    @Bean
    com.tierpilot.sales.SalesFixtures salesFixtures() {
        return new com.tierpilot.sales.SalesFixtures();
    }
}
