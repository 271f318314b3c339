package com.tierpilot.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor Vaadin uses for its own background work. Feature modules define their own, named executors (imports,
 * recomputes); with more than one executor in the context, Vaadin needs the one meant for it to be named.
 */
@Configuration(proxyBeanMethods = false)
class ExecutorConfig {

    @Bean("VaadinTaskExecutor")
    ThreadPoolTaskExecutor vaadinTaskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setThreadNamePrefix("vaadin-");
        return executor;
    }
}
