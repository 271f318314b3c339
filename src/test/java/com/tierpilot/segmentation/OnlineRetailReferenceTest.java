package com.tierpilot.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.importing.FileAnalysis;
import com.tierpilot.importing.ImportService;
import com.tierpilot.support.Datasets;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The independent reference check: UCI Online Retail, imported as order lines, scored by the engine as of
 * 2011-12-10, and every customer's R, F and M scores and ABC tier compared with a reference computed another way:
 * plain SQL with window functions over the orders, written here from DESIGN.md's definitions. They must agree on
 * every customer.
 */
@IntegrationTest
class OnlineRetailReferenceTest {

    private static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);

    /**
     * RANK() − 1 is the number of rows with a strictly lower key: for F and M directly; for R, the customers who
     * bought strictly earlier have a strictly greater recency. ABC: the revenue of the customers ranked before,
     * over the total of positive revenue.
     */
    private static final String REFERENCE = """
            with window_orders as (
                select customer_id,
                       sum(case when status = 'COMPLETED' then 1 else 0 end) as f,
                       sum(case when status <> 'CANCELLED' then amount else 0 end) as m,
                       max(case when status = 'COMPLETED' then order_date end) as last_order
                  from customer_order
                 where tenant_id = :tenant and order_date >= :from and order_date < :asOf
                 group by customer_id),
            scored as (
                select w.*, c.code from window_orders w join customer c on c.id = w.customer_id where w.f > 0),
            ranked as (
                select customer_id, code, f, m,
                       rank() over (order by last_order) - 1 as r_lower,
                       rank() over (order by f) - 1 as f_lower,
                       rank() over (order by m) - 1 as m_lower,
                       count(*) over () as n,
                       coalesce(sum(m) over (order by m desc, code asc
                                             rows between unbounded preceding and 1 preceding), 0) as before_m,
                       sum(case when m > 0 then m else 0 end) over () as total_m
                  from scored)
            select customer_id,
                   1 + floor(5 * r_lower / n) as r, 1 + floor(5 * f_lower / n) as f_score,
                   1 + floor(5 * m_lower / n) as m_score,
                   case when m <= 0 then 'C' when before_m < 0.80 * total_m then 'A'
                        when before_m < 0.95 * total_m then 'B' else 'C' end as tier
              from ranked""";

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theEngineAgreesWithTheSqlReferenceOnEveryCustomerOfOnlineRetail() throws IOException {
        TestTenant shop = tenants.signUp("UK Retail", ZoneId.of("Europe/London"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        Path csv = dir.resolve("online_retail.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Datasets.onlineRetail()))) {
            Files.copy(in, csv);
        }
        FileAnalysis analysis = imports.analyze(shop.id(), csv);
        FinishedImports.run(imports, shop.id(), shop.owner().userId(), csv, "online_retail.csv", analysis.suggested());

        RunStatus run = segmentation.runNow(shop.id(), AS_OF, RunTrigger.MANUAL);

        Map<Long, String> reference = new HashMap<>();
        jdbc.sql(REFERENCE).param("tenant", shop.id().value()).param("from", AS_OF.minusDays(365))
                .param("asOf", AS_OF)
                .query(rs -> {
                    reference.put(rs.getLong(1), rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getInt(4) + "/"
                            + rs.getString(5));
                });
        Map<Long, String> engine = new HashMap<>();
        jdbc.sql("select customer_id, r_score, f_score, m_score, abc_tier from customer_segment"
                + " where tenant_id = ? and run_id = ? and r_score is not null").params(shop.id().value(), run.id())
                .query(rs -> {
                    engine.put(rs.getLong(1), rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getInt(4) + "/"
                            + rs.getString(5));
                });

        assertThat(run.customersScored()).isEqualTo(reference.size()).isGreaterThan(4000);
        assertThat(engine).hasSameSizeAs(reference);
        long agreeing = reference.entrySet().stream().filter(e -> e.getValue().equals(engine.get(e.getKey())))
                .count();
        assertThat(agreeing).as("customers on which the engine and the reference agree").isEqualTo(reference.size());
    }
}
