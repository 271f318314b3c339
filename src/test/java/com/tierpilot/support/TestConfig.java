package com.tierpilot.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Beans every integration test shares: the movable clock, the tenant fixtures, a nightly step that fails on demand,
 * and a database outage to cause.
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

    @Bean
    TestTenants testTenants() {
        return new TestTenants();
    }
}
