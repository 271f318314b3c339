package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerSegmentSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer list's segment columns and filters over this module's published result tables. */
@Repository
class CustomerListSegmentQueries implements CustomerSegmentSql {

    private final JdbcClient jdbc;

    CustomerListSegmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String currentSegmentJoins() {
        return """
                 left join segmentation_state st on st.tenant_id = c.tenant_id
                 left join customer_segment s on s.tenant_id = c.tenant_id and s.run_id = st.current_run_id
                       and s.customer_id = c.id""";
    }

    @Override
    public String inRuleSegment() {
        return """
                exists (select 1 from rule_segment_member m join rule_segment r
                        on r.tenant_id = m.tenant_id and r.id = m.segment_id where m.tenant_id = c.tenant_id
                       and m.run_id = st.current_run_id and m.customer_id = c.id and r.seg_key = ?)""";
    }

    @Override
    public long scoredCustomers(TenantId tenant) {
        return jdbc.sql("""
                        select r.customers from segmentation_state st
                          join segmentation_run r on r.tenant_id = st.tenant_id and r.id = st.current_run_id
                         where st.tenant_id = ?""")
                .param(tenant.value()).query(Long.class).optional().orElse(0L);
    }

    @Override
    public double smallestShare(TenantId tenant, Map<String, String> segmentsByScheme) {
        if (segmentsByScheme.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(tenant.value(), tenant.value()));
        List<String> wanted = new ArrayList<>();
        segmentsByScheme.forEach((scheme, segment) -> {
            wanted.add("(z.scheme = ? and z.segment = ?)");
            params.add(scheme);
            params.add(segment);
        });
        Double share = jdbc.sql("""
                select coalesce(min(z.customers * 1.0 / greatest(r.customers, 1)), 0) from segment_size z
                  join segmentation_state st on st.tenant_id = z.tenant_id and st.current_run_id = z.run_id
                  join segmentation_run r on r.tenant_id = z.tenant_id and r.id = z.run_id
                 where z.tenant_id = ? and st.tenant_id = ? and (""" + String.join(" or ", wanted) + ")")
                .params(params).query(Double.class).single();
        return share == null ? 0 : share;
    }
}
