package com.tierpilot.support;

import static org.awaitility.Awaitility.await;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportService;
import com.tierpilot.importing.ImportSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Runs an import the way a user's upload runs ({@link ImportService#start}: checked at once, then in the import
 * executor) and waits until its task is over, staging cleared. The import deletes its file then, so it is given a
 * copy: a test may import the same file again.
 */
public final class FinishedImports {

    private FinishedImports() {
    }

    /** The import's final status; a file refused before it starts throws as {@code start} does. */
    public static ImportRunStatus run(ImportService imports, TenantId tenant, UserId user, Path file, String fileName,
            ImportSettings settings) {
        Path upload;
        try {
            upload = Files.createTempFile(file.toAbsolutePath().getParent(), "upload-", ".tmp");
            Files.copy(file, upload, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long run;
        try {
            run = imports.start(tenant, user, upload, fileName, settings);
        } catch (RuntimeException refused) {
            upload.toFile().delete();
            throw refused;
        }
        // The executor deletes the file when the import's task is over, after the import has finished and its
        // staging rows are cleared: the status alone says finished before the clearing.
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> !Files.exists(upload));
        ImportRunStatus status = imports.status(tenant, run);
        if (!status.finished()) {
            throw new AssertionError("the import's task ended but the import did not finish: " + status);
        }
        return status;
    }
}
