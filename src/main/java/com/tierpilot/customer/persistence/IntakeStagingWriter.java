package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.LocalInfile;
import com.tierpilot.customer.IntakeRow;
import com.tierpilot.customer.IntakeRow.CustomerRow;
import com.tierpilot.customer.IntakeRow.LineRow;
import com.tierpilot.customer.IntakeStaging;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collects checked rows and writes them to the staging tables in JDBC batches, each batch in its own short
 * transaction (staging is never read by a screen, so these commits are invisible to users).
 */
final class IntakeStagingWriter implements IntakeStaging {

    static final int BATCH = 5000;

    private final JdbcTemplate jdbc;
    private final TenantId tenant;
    private final long runId;
    private final List<CustomerRow> customers = new ArrayList<>();
    private final List<LineRow> lines = new ArrayList<>();
    private final List<@Nullable String> lineLists = new ArrayList<>();
    private final java.util.function.Consumer<Runnable> transaction;
    private final @Nullable Files files;
    private final boolean combineLines;
    private @Nullable Fragment fragment;

    /**
     * @param bulkDir where to write staging files for {@code LOAD DATA LOCAL INFILE}, or null to stage with batched
     *                inserts
     */
    IntakeStagingWriter(JdbcTemplate jdbc, TenantId tenant, long runId, java.util.function.Consumer<Runnable> transaction,
            java.nio.file.@Nullable Path bulkDir, boolean combineLines) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.runId = runId;
        this.transaction = transaction;
        this.files = bulkDir == null ? null : new Files(bulkDir, runId);
        this.combineLines = combineLines;
    }

    @Override
    public void add(IntakeRow row) {
        switch (row) {
            case CustomerRow c -> {
                if (files != null) {
                    files.customer(tenant, runId, c);
                } else {
                    customers.add(c);
                }
            }
            case LineRow l -> {
                if (!combineLines) {
                    stage(l, null);
                } else if (fragment != null && fragment.takes(l)) {
                    fragment.add(l);
                } else {
                    emitFragment();
                    fragment = new Fragment(l);
                }
            }
        }
        if (customers.size() + lines.size() >= BATCH) {
            flush();
        }
    }

    private void stage(LineRow line, @Nullable String lineList) {
        if (files != null) {
            files.line(tenant, runId, line, lineList);
        } else {
            lines.add(line);
            lineLists.add(lineList);
        }
    }

    private void emitFragment() {
        if (fragment != null) {
            stage(fragment.total(), fragment.lineList());
            fragment = null;
        }
    }

    /** Writes what is pending. */
    void flush() {
        if (!customers.isEmpty() || !lines.isEmpty()) {
            transaction.accept(this::flushNow);
        }
    }

    @Override
    public void finish() {
        emitFragment();
        flush();
        if (files != null) {
            transaction.accept(() -> files.load(jdbc, tenant));
        }
    }

    @Override
    public void discard() {
        if (files != null) {
            files.close();
        }
    }

    private void flushNow() {
        writeCustomers(tenant);
        writeLines(tenant);
    }

    private void writeLines(TenantId tenant) {
        if (lines.isEmpty()) {
            return;
        }
        java.util.Iterator<@Nullable String> lists = lineLists.iterator();
        jdbc.batchUpdate("""
                insert into import_stage_line (tenant_id, run_id, line_no, order_no, customer_code, ordered_at, amount,
                                               quantity, category, channel, status, region, line_list)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, lines.size(), (ps, l) -> {
            ps.setLong(1, tenant.value());
            ps.setLong(2, runId);
            ps.setInt(3, l.rowNumber());
            ps.setString(4, l.orderNo());
            ps.setString(5, l.customerCode());
            ps.setTimestamp(6, Timestamp.valueOf(l.orderedAt()));
            ps.setBigDecimal(7, l.amount());
            ps.setInt(8, l.quantity());
            setText(ps, 9, l.category());
            setText(ps, 10, l.channel());
            setText(ps, 11, l.status());
            setText(ps, 12, l.region());
            setText(ps, 13, lists.next());
        });
        lines.clear();
        lineLists.clear();
    }

    private void writeCustomers(TenantId tenant) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into import_stage_customer (tenant_id, run_id, line_no, code, name, phone, email, gender, birthday,
                                                   region, city, industry, company_size, source_channel,
                                                   account_manager_id, created_on, marketing_consent, sms_consent,
                                                   email_consent, consent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", customers, customers.size(),
                (ps, c) -> {
            ps.setLong(1, tenant.value());
            ps.setLong(2, runId);
            ps.setInt(3, c.rowNumber());
            ps.setString(4, c.code());
            setText(ps, 5, c.name());
            setText(ps, 6, c.phone());
            setText(ps, 7, c.email());
            setText(ps, 8, c.gender());
            ps.setObject(9, c.birthday() == null ? null : Date.valueOf(c.birthday()), Types.DATE);
            setText(ps, 10, c.region());
            setText(ps, 11, c.city());
            setText(ps, 12, c.industry());
            setText(ps, 13, c.companySize());
            setText(ps, 14, c.sourceChannel());
            ps.setObject(15, c.accountManager(), Types.BIGINT);
            ps.setObject(16, c.createdOn() == null ? null : Date.valueOf(c.createdOn()), Types.DATE);
            ps.setObject(17, c.marketingConsent(), Types.BOOLEAN);
            ps.setObject(18, c.smsConsent(), Types.BOOLEAN);
            ps.setObject(19, c.emailConsent(), Types.BOOLEAN);
            ps.setObject(20, c.consentAt() == null ? null : Timestamp.from(c.consentAt()), Types.TIMESTAMP);
        });
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> attributes = new ArrayList<>();
        for (CustomerRow c : customers) {
            c.tags().forEach(t -> tags.add(new Object[] {tenant.value(), runId, c.rowNumber(), c.code(), t}));
            c.attributes().forEach((name, value) -> attributes.add(
                    new Object[] {tenant.value(), runId, c.rowNumber(), c.code(), name, value}));
        }
        jdbc.batchUpdate("insert into import_stage_tag (tenant_id, run_id, line_no, customer_code, tag)"
                + " values (?, ?, ?, ?, ?)", dedupeTags(tags));
        jdbc.batchUpdate("insert into import_stage_attribute (tenant_id, run_id, line_no, customer_code, name,"
                + " attr_value) values (?, ?, ?, ?, ?, ?)", attributes);
        List<Object[]> sales = new ArrayList<>();
        for (CustomerRow c : customers) {
            if (c.sales() != null) {
                sales.add(salesValues(tenant.value(), runId, c));
            }
        }
        jdbc.batchUpdate("insert into import_stage_sales (" + String.join(", ", SALES_COLUMNS) + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sales);
        customers.clear();
    }

    /** The columns of the sales staging table (issue 20), in the order of {@link #salesValues}. */
    private static final List<String> SALES_COLUMNS = List.of("tenant_id", "run_id", "line_no", "customer_code",
            "stage", "lost_reason", "expected_close_on", "expected_deal_size", "need", "customer_type",
            "next_followup_on");

    private static Object[] salesValues(long tenant, long run, CustomerRow c) {
        var s = java.util.Objects.requireNonNull(c.sales());
        return new Object[] {tenant, run, c.rowNumber(), c.code(), s.stage() == null ? null : s.stage().name(),
            s.lostReason(), s.expectedCloseOn(), s.expectedDealSize(), s.need() == null ? null : s.need().name(),
            s.customerType() == null ? null : s.customerType().name(), s.nextFollowUpOn()};
    }

    /** Tags that differ only in case are one tag, as the database compares them. */
    private static List<Object[]> dedupeTags(List<Object[]> tags) {
        List<Object[]> unique = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Object[] t : tags) {
            if (seen.add(t[2] + "\u0000" + ((String) t[4]).toLowerCase(java.util.Locale.ROOT))) {
                unique.add(t);
            }
        }
        return unique;
    }

    /**
     * Consecutive lines of one order and one customer, summed up as the merge would sum them, so that a file of
     * order lines stages one row per order instead of one per line. The rows it came from are kept, for the report
     * should the order be rejected.
     */
    private static final class Fragment {
        static final int MAX_LINES = 200;

        private LineRow total;
        private final StringBuilder rows = new StringBuilder();
        private int count;

        Fragment(LineRow first) {
            this.total = first;
            rows.append(first.rowNumber());
            count = 1;
        }

        boolean takes(LineRow line) {
            return count < MAX_LINES && line.orderNo().equalsIgnoreCase(total.orderNo())
                    && line.customerCode().equalsIgnoreCase(total.customerCode());
        }

        void add(LineRow line) {
            total = new LineRow(total.rowNumber(), total.orderNo(), total.customerCode(),
                    line.orderedAt().isBefore(total.orderedAt()) ? line.orderedAt() : total.orderedAt(),
                    total.amount().add(line.amount()), total.quantity() + line.quantity(),
                    min(total.category(), line.category()), min(total.channel(), line.channel()), total.status(),
                    max(total.region(), line.region()));
            rows.append(',').append(line.rowNumber());
            count++;
        }

        LineRow total() {
            return total;
        }

        @Nullable
        String lineList() {
            return count == 1 ? null : rows.toString();
        }

        private static @Nullable String min(@Nullable String a, @Nullable String b) {
            return a == null ? b : b == null ? a : (a.compareToIgnoreCase(b) <= 0 ? a : b);
        }

        private static @Nullable String max(@Nullable String a, @Nullable String b) {
            return a == null ? b : b == null ? a : (a.compareToIgnoreCase(b) >= 0 ? a : b);
        }
    }

    /** The staging files of one run, one per staging table. */
    private static final class Files implements AutoCloseable {
        private final LocalInfile customers;
        private final LocalInfile tags;
        private final LocalInfile attributes;
        private final LocalInfile lines;
        private final LocalInfile sales;

        Files(java.nio.file.Path dir, long run) {
            customers = new LocalInfile(dir, "import_stage_customer", List.of("tenant_id", "run_id", "line_no", "code",
                    "name", "phone", "email", "gender", "birthday", "region", "city", "industry", "company_size",
                    "source_channel", "account_manager_id", "created_on", "marketing_consent", "sms_consent",
                    "email_consent", "consent_at"), run);
            tags = new LocalInfile(dir, "import_stage_tag", List.of("tenant_id", "run_id", "line_no",
                    "customer_code", "tag"), run);
            attributes = new LocalInfile(dir, "import_stage_attribute", List.of("tenant_id", "run_id", "line_no",
                    "customer_code", "name", "attr_value"), run);
            lines = new LocalInfile(dir, "import_stage_line", List.of("tenant_id", "run_id", "line_no", "order_no",
                    "customer_code", "ordered_at", "amount", "quantity", "category", "channel", "status", "region",
                    "line_list"), run);
            sales = new LocalInfile(dir, "import_stage_sales", SALES_COLUMNS, run);
        }

        void customer(TenantId tenant, long run, CustomerRow c) {
            customers.append(tenant.value(), run, c.rowNumber(), c.code(), c.name(), c.phone(), c.email(),
                    c.gender(), c.birthday(), c.region(), c.city(), c.industry(), c.companySize(), c.sourceChannel(),
                    c.accountManager(), c.createdOn(), c.marketingConsent(), c.smsConsent(), c.emailConsent(),
                    c.consentAt() == null ? null : java.time.LocalDateTime.ofInstant(c.consentAt(),
                            java.time.ZoneId.systemDefault()));
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String tag : c.tags()) {
                if (seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                    tags.append(tenant.value(), run, c.rowNumber(), c.code(), tag);
                }
            }
            c.attributes().forEach((name, value) -> attributes.append(tenant.value(), run, c.rowNumber(), c.code(),
                    name, value));
            if (c.sales() != null) {
                sales.append(salesValues(tenant.value(), run, c));
            }
        }

        void line(TenantId tenant, long run, LineRow l, @Nullable String lineList) {
            lines.append(tenant.value(), run, l.rowNumber(), l.orderNo(), l.customerCode(), l.orderedAt(),
                    l.amount(), l.quantity(), l.category(), l.channel(), l.status(), l.region(), lineList);
        }

        void load(JdbcTemplate jdbc, TenantId tenant) {
            for (LocalInfile file : List.of(customers, tags, attributes, lines, sales)) {
                file.load(jdbc, tenant);
            }
        }

        @Override
        public void close() {
            for (LocalInfile file : List.of(customers, tags, attributes, lines, sales)) {
                file.close();
            }
        }
    }

    private static void setText(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
