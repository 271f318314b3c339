package com.tierpilot.importing.persistence;

import com.tierpilot.base.StoredText;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.customer.IntakeCounts;
import com.tierpilot.importing.ConvertedRow.Problem;
import com.tierpilot.importing.ConvertedRow.Rejected;
import com.tierpilot.importing.ImportKind;
import com.tierpilot.importing.RejectReason;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportRunStatus.Phase;
import com.tierpilot.importing.ImportRunStatus.State;
import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The import runs of a tenant: their state and progress, their rejected rows, and remembered mappings. */
@Repository
public class ImportRunRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportRunRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long create(TenantId tenant, UserId user, String fileName, long fileSize, ImportKind kind, String settings,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_run (tenant_id, user_id, file_name, file_size, kind, status, phase, started_at,
                                        heartbeat_at, settings)
                values (:tenant, :user, :file, :size, :kind, 'RUNNING', 'QUEUED', :now, :now, :settings)""")
                .param("tenant", tenant.value()).param("user", user.value()).param("file", fileName)
                .param("size", fileSize).param("kind", kind.name()).param("now", Timestamp.from(now))
                .param("settings", settings).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void progress(TenantId tenant, long run, Phase phase, int rowsRead, int rejected, int permille, Instant now) {
        jdbc.sql("""
                update import_run set phase = ?, rows_read = ?, rows_rejected = ?, progress_permille = ?,
                       heartbeat_at = ?
                 where tenant_id = ? and id = ?""")
                .params(phase.name(), rowsRead, rejected, permille, Timestamp.from(now), tenant.value(), run).update();
    }

    /** The run is alive: a write of its own, outside any transaction of the import. */
    public void beat(TenantId tenant, long run, Instant now) {
        jdbc.sql("update import_run set heartbeat_at = ? where tenant_id = ? and id = ? and status = 'RUNNING'")
                .params(Timestamp.from(now), tenant.value(), run).update();
    }

    /** Keeps rows that were not imported, with their first problem as the reason, in one JDBC batch. */
    public void addRejections(TenantId tenant, long run, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into import_rejection (tenant_id, run_id, line_no, reason, field, detail, raw_values)
                values (?, ?, ?, ?, ?, ?, ?)""", rejected, rejected.size(), (ps, r) -> {
            Problem first = r.problems().getFirst();
            ps.setLong(1, tenant.value());
            ps.setLong(2, run);
            ps.setInt(3, r.rowNumber());
            ps.setString(4, first.reason().name());
            ps.setObject(5, first.field() == null ? null : first.field().name(), java.sql.Types.VARCHAR);
            ps.setObject(6, first.detail().isEmpty() ? null : first.detail(), java.sql.Types.VARCHAR);
            ps.setObject(7, r.raw(), java.sql.Types.VARCHAR);
        });
    }

    /**
     * Keeps the lines that the customer module's merge turned away (duplicates, orders with conflicting customers),
     * which it hands back in its published {@code import_stage_rejection}: one set-based copy, in the merge's
     * transaction.
     */
    public int takeMergeRejections(TenantId tenant, long run) {
        return jdbc.sql("""
                insert into import_rejection (tenant_id, run_id, line_no, reason, field, detail, raw_values)
                select r.tenant_id, r.run_id, r.line_no, r.reason, r.field, r.detail, null
                  from import_stage_rejection r
                 where r.tenant_id = ? and r.run_id = ?""").params(tenant.value(), run).update();
    }

    public void succeed(TenantId tenant, long run, IntakeCounts counts, int rowsRead, Instant now) {
        Map<RejectReason, Integer> byReason = rejectionsByReason(tenant, run);
        int rejected = byReason.values().stream().mapToInt(Integer::intValue).sum();
        jdbc.sql("""
                update import_run set status = 'SUCCEEDED', phase = 'DONE', finished_at = :now, heartbeat_at = :now,
                       rows_read = :read, rows_rejected = :rejected, progress_permille = 1000,
                       customers_created = :cc, customers_updated = :cu, orders_created = :oc, orders_updated = :ou,
                       rejections_by_reason = :reasons
                 where tenant_id = :tenant and id = :run""")
                .param("now", Timestamp.from(now)).param("read", rowsRead).param("rejected", rejected)
                .param("cc", counts.customersCreated()).param("cu", counts.customersUpdated())
                .param("oc", counts.ordersCreated()).param("ou", counts.ordersUpdated())
                .param("reasons", encode(byReason)).param("tenant", tenant.value()).param("run", run).update();
    }

    public void fail(TenantId tenant, long run, String errorKey, String detail, Instant now) {
        jdbc.sql("""
                update import_run set status = 'FAILED', phase = 'DONE', finished_at = ?, heartbeat_at = ?,
                       error_key = ?, error_detail = ?
                 where tenant_id = ? and id = ?""")
                .params(Timestamp.from(now), Timestamp.from(now), errorKey,
                        StoredText.clip(detail), tenant.value(), run).update();
        // Nothing of a failed import is kept, its rejected rows neither.
        jdbc.sql("delete from import_rejection where tenant_id = ? and run_id = ?").params(tenant.value(), run)
                .update();
    }

    public Optional<ImportRunStatus> find(TenantId tenant, long run) {
        return jdbc.sql("select * from import_run where tenant_id = ? and id = ?").params(tenant.value(), run)
                .query((rs, i) -> status(rs)).optional();
    }

    public List<ImportRunStatus> history(TenantId tenant, int offset, int limit) {
        return jdbc.sql("select * from import_run where tenant_id = ? order by started_at desc, id desc"
                + " limit ? offset ?").params(tenant.value(), limit, offset).query((rs, i) -> status(rs)).list();
    }

    public int count(TenantId tenant) {
        return jdbc.sql("select count(*) from import_run where tenant_id = ?").param(tenant.value())
                .query(Integer.class).single();
    }

    /** Runs whose node stopped reporting progress: they died with their node and are marked failed. */
    public int failAbandoned(TenantId tenant, Instant silentSince, Instant now) {
        return jdbc.sql("""
                update import_run set status = 'FAILED', phase = 'DONE', finished_at = ?, error_key = ?
                 where tenant_id = ? and status = 'RUNNING' and heartbeat_at < ?""")
                .params(Timestamp.from(now), "import.error.abandoned", tenant.value(), Timestamp.from(silentSince))
                .update();
    }

    public Map<RejectReason, Integer> rejectionsByReason(TenantId tenant, long run) {
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        jdbc.sql("select reason, count(*) from import_rejection where tenant_id = ? and run_id = ? group by reason")
                .params(tenant.value(), run)
                .query(rs -> {
                    counts.put(RejectReason.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    /** Writes the run's rejected rows as CSV (UTF-8 with BOM, so that Excel and WPS show Chinese correctly). */
    public void writeRejections(TenantId tenant, long run, Writer out, java.util.function.Function<String, String> label)
            throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = CSVFormat.EXCEL.builder().get().print(out);
        csv.printRecord(label.apply("import.report.row"), label.apply("import.report.reason"),
                label.apply("import.report.field"), label.apply("import.report.value"),
                label.apply("import.report.raw"));
        template.query("""
                select line_no, reason, field, detail, raw_values from import_rejection
                 where tenant_id = ? and run_id = ? order by line_no, reason""", rs -> {
            try {
                csv.printRecord(rs.getInt(1), label.apply("import.reason." + rs.getString(2)),
                        rs.getString(3) == null ? "" : label.apply("import.field." + rs.getString(3)),
                        neutralize(rs.getString(4)), neutralize(rs.getString(5)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, tenant.value(), run);
        csv.flush();
    }

    /** A cell that a spreadsheet would run as a formula is written as text. */
    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    public Optional<String> rememberedSettings(TenantId tenant, String layout) {
        return jdbc.sql("select settings from import_mapping where tenant_id = ? and layout_hash = ?"
                + " order by updated_at desc limit 1").params(tenant.value(), layout).query(String.class).optional();
    }

    public void remember(TenantId tenant, String layout, ImportKind kind, String settings, Instant now) {
        int updated = jdbc.sql("update import_mapping set settings = ?, updated_at = ?"
                + " where tenant_id = ? and layout_hash = ? and kind = ?")
                .params(settings, Timestamp.from(now), tenant.value(), layout, kind.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into import_mapping (tenant_id, layout_hash, kind, settings, updated_at)"
                    + " values (?, ?, ?, ?, ?)")
                    .params(tenant.value(), layout, kind.name(), settings, Timestamp.from(now)).update();
        }
    }

    private static String encode(Map<RejectReason, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static Map<RejectReason, Integer> decode(String text) {
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=");
                counts.put(RejectReason.valueOf(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return counts;
    }

    private static ImportRunStatus status(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRunStatus(rs.getLong("id"), rs.getLong("user_id"), rs.getString("file_name"),
                rs.getLong("file_size"), ImportKind.valueOf(rs.getString("kind")),
                State.valueOf(rs.getString("status")), Phase.valueOf(rs.getString("phase")),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getInt("rows_read"), rs.getInt("rows_rejected"), rs.getInt("customers_created"),
                rs.getInt("customers_updated"), rs.getInt("orders_created"), rs.getInt("orders_updated"),
                rs.getInt("progress_permille"), decode(rs.getString("rejections_by_reason")),
                rs.getString("error_key"), rs.getString("error_detail"));
    }
}
