package com.tierpilot.base.persistence;

import com.tierpilot.base.TenantId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many computed rows of one tenant: bulk-loaded from a {@link LocalInfile} when {@link BulkLoad} gave a
 * directory and there are enough rows for a file to pay, in JDBC batches otherwise.
 */
public final class BulkInsert {

    private static final int BATCH = 5000;
    /** Below this many rows a file costs more than it saves. */
    private static final int BULK_FROM = 1000;

    private BulkInsert() {
    }

    /**
     * Inserts rows 0..count-1 given by {@code row} into {@code table}'s {@code columns}. {@code fileTag} names the
     * file (a run id, say) so that concurrent loads never share one.
     */
    public static void insert(JdbcTemplate jdbc, TenantId tenant, long fileTag, String table, List<String> columns,
            int count, IntFunction<Object[]> row, @Nullable Path bulkDir) {
        if (bulkDir != null && count >= BULK_FROM) {
            try (LocalInfile file = new LocalInfile(bulkDir, table, columns, fileTag)) {
                for (int i = 0; i < count; i++) {
                    file.append(row.apply(i));
                }
                file.load(jdbc, tenant);
            }
            return;
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            batch.add(row.apply(i));
            if (batch.size() == BATCH) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(sql, batch);
        }
    }
}
