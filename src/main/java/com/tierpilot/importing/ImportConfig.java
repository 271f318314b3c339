package com.tierpilot.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Where uploads wait for their import, and the threads that run imports in the background. */
@Configuration(proxyBeanMethods = false)
class ImportConfig {

    @Bean
    ImportFiles importFiles(@Value("${tierpilot.import.work-dir:${java.io.tmpdir}/tierpilot-imports}") Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import work directory " + dir, e);
        }
        return new ImportFiles(dir);
    }

    @Bean
    ThreadPoolTaskExecutor importExecutor(@Value("${tierpilot.import.threads:2}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(50);
        executor.setThreadNamePrefix("import-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(60);
        return executor;
    }

    /** The upload directory. */
    record ImportFiles(Path dir) {
    }
}
