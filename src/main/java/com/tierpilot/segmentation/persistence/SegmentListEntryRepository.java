package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerSortKeyCopies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer list's view of a run's segments ({@code segment_list_entry}, issue 21): one row per segment a customer
 * is in (RFM, ABC tier, lifecycle stage, each rule segment), with a copy of the customer's sort keys, so that a page
 * of a segment in any sort order is a range of one index. Written with the run, removed with it; the copies are kept
 * in step with the customers in the transaction of every change of a sort key ({@link CustomerSortKeyCopies}).
 *
 * <p>A recompute writing a run's entries and a change of sort keys both lock the tenant's {@code segmentation_state}
 * row first: either the change committed before the entries are read from the customers (so they carry it), or it
 * waits for the run's entries to commit and then updates them too.
 */
@Repository
public class SegmentListEntryRepository implements CustomerSortKeyCopies {

    private static final int CHUNK = 1000;
    private static final String INSERT = "insert into segment_list_entry (tenant_id, run_id, customer_id, scheme,"
            + " segment, code, name, region, city, created_on)";
    private static final String FROM_SEGMENTS = """
              from customer_segment s
              join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
             where s.tenant_id = ? and s.run_id = ?""";

    private final JdbcClient jdbc;

    SegmentListEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the run's entries from its segments and rule segment members (in the caller's transaction). */
    public void write(TenantId tenant, long run) {
        long t = tenant.value();
        lock(tenant);
        for (String[] scheme : new String[][] {{"RFM", "s.rfm_segment"}, {"ABC", "s.abc_tier"},
            {"LIFECYCLE", "s.lifecycle"}}) {
            jdbc.sql(INSERT + " select s.tenant_id, s.run_id, s.customer_id, '" + scheme[0] + "', " + scheme[1]
                    + ", c.code, c.name, c.region, c.city, c.created_on" + FROM_SEGMENTS + " and " + scheme[1]
                    + " is not null").params(t, run).update();
        }
        jdbc.sql(INSERT + """
                 select m.tenant_id, m.run_id, m.customer_id, 'RULE', r.seg_key, c.code, c.name, c.region, c.city,
                        c.created_on
                  from rule_segment_member m
                  join rule_segment r on r.tenant_id = m.tenant_id and r.id = m.segment_id
                  join customer c on c.tenant_id = m.tenant_id and c.id = m.customer_id
                 where m.tenant_id = ? and m.run_id = ?""").params(t, run).update();
    }

    /** Copies these customers' sort keys again into the entries of every run that is kept or being written. */
    @Override
    public void sortKeysChanged(TenantId tenant, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        List<Long> runs = lock(tenant);
        if (runs.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(customerIds);
        String inRuns = String.join(", ", Collections.nCopies(runs.size(), "?"));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Object> params = new ArrayList<>();
            params.add(tenant.value());
            params.addAll(runs);
            params.addAll(chunk);
            jdbc.sql("update segment_list_entry set "
                    + copy("name") + ", " + copy("region") + ", " + copy("city") + ", " + copy("created_on")
                    + " where tenant_id = ? and run_id in (" + inRuns + ") and customer_id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")").params(params).update();
        }
    }

    private static String copy(String column) {
        return column + " = (select c." + column + " from customer c where c.tenant_id = segment_list_entry.tenant_id"
                + " and c.id = segment_list_entry.customer_id)";
    }

    /** Locks the tenant's segmentation state row and returns its current, previous and running runs. */
    private List<Long> lock(TenantId tenant) {
        List<Long> runs = new ArrayList<>();
        jdbc.sql("select current_run_id, previous_run_id, running_run_id from segmentation_state where tenant_id = ?"
                + " for update").param(tenant.value()).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    for (int i = 1; i <= 3; i++) {
                        long run = rs.getLong(i);
                        if (!rs.wasNull() && !runs.contains(run)) {
                            runs.add(run);
                        }
                    }
                });
        return runs;
    }
}
