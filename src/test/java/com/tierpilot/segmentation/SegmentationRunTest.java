package com.tierpilot.segmentation;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recompute runs against the database: what they store, how they switch, and what they record. */
@IntegrationTest
class SegmentationRunTest {

    private static final LocalDate D = LocalDate.of(2025, 7, 1);

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService customerQueries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    SegmentResultService queries;
    @Autowired
    RuleSegmentService rules;
    @Autowired
    JdbcClient jdbc;

    TestTenant shop;

    @BeforeEach
    void aShopWithTenCustomers() {
        shop = tenants.signUp("Segment Co").signInAsOwner();
        List<OrderRecord> orders = new ArrayList<>();
        for (int c = 1; c <= 10; c++) {
            customers.upsertCustomers(shop.id(), List.of(customer("S" + c, "Customer " + c, c <= 5 ? "上海" : "北京")));
            for (int o = 0; o < c; o++) {
                orders.add(new OrderRecord("S" + c + "-" + o, "S" + c, D.minusDays(10L * c + o).atTime(12, 0),
                        BigDecimal.valueOf(100L * c), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        // A cancelled order counts for nothing; a refund nets against revenue.
        orders.add(new OrderRecord("S10-X", "S10", D.minusDays(2).atTime(9, 0), new BigDecimal("5000"), 1, null, null,
                OrderStatus.CANCELLED));
        orders.add(new OrderRecord("S10-R", "S10", D.minusDays(1).atTime(9, 0), new BigDecimal("-500"), 1, null, null,
                OrderStatus.REFUNDED));
        customers.upsertOrders(shop.id(), orders);
        customers.upsertCustomers(shop.id(), List.of(customer("S0", "Never bought", "上海")));
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aRunScoresEveryCustomerAsOfTheGivenDateAndPublishesItsResult() {
        RunStatus run = segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);

        assertThat(run.state()).isEqualTo(RunStatus.State.SUCCEEDED);
        assertThat(run.customers()).isEqualTo(11);
        assertThat(run.customersScored()).isEqualTo(10);
        var top = queries.forCustomer(shop.id(), id("S10")).orElseThrow();
        assertThat(top.frequency()).isEqualTo(10);
        assertThat(top.monetary()).isEqualByComparingTo("9500.00"); // 10 × 1,000 − 500 refunded
        assertThat(top.recencyDays()).isEqualTo(100);
        assertThat(top.f()).isEqualTo(5);
        assertThat(top.abcTier()).isEqualTo(AbcTier.A);
        var never = queries.forCustomer(shop.id(), id("S0")).orElseThrow();
        assertThat(never.lifecycleStage()).isEqualTo(LifecycleStage.POTENTIAL);
        assertThat(never.rfmSegment()).isNull();
        assertThat(segmentation.currentRun(shop.id())).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(run.id()));
        Map<String, Integer> lifecycle = queries.sizes(shop.id()).stream().filter(s -> s.scheme().equals("LIFECYCLE"))
                .collect(Collectors.toMap(SegmentSize::segment, SegmentSize::customers));
        assertThat(lifecycle.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(11);
    }

    @Test
    void theSameDateOnTheSameDataGivesTheSameResult() {
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        List<String> first = assignments(shop.id());
        RunStatus second = segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);

        assertThat(assignments(shop.id())).isEqualTo(first);
        assertThat(second.changes()).isZero();
    }

    @Test
    void aLaterRunRecordsWhoChangedSegmentAndKeepsTheRunBefore() {
        RunStatus first = segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        // A year later, without new orders, everyone has left the window.
        RunStatus later = segmentation.runNow(shop.id(), D.plusDays(400), RunTrigger.SCHEDULE);

        assertThat(later.changes()).isPositive();
        var timeline = queries.timeline(shop.id(), id("S10"));
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.scheme()).isEqualTo("ABC");
            assertThat(e.from()).isEqualTo("A");
            assertThat(e.to()).isNull();
            assertThat(e.asOf()).isEqualTo(D.plusDays(400));
        });
        assertThat(rows(shop.id(), first.id())).as("the previous run is kept").isEqualTo(11);
        segmentation.runNow(shop.id(), D.plusDays(401), RunTrigger.SCHEDULE);
        assertThat(rows(shop.id(), first.id())).as("older runs are removed").isZero();
    }

    @Test
    void theChangeLogHoldsExactlyTheCustomersWhoseSegmentDiffersBetweenTheTwoRuns() {
        RunStatus first = segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        customers.upsertCustomers(shop.id(), List.of(customer("S11", "New customer", "上海")));
        customers.upsertOrders(shop.id(), List.of(new OrderRecord("S1-big", "S1", D.plusDays(20).atTime(9, 0),
                BigDecimal.valueOf(5_000), 1, null, null, OrderStatus.COMPLETED)));
        RunStatus second = segmentation.runNow(shop.id(), D.plusDays(30), RunTrigger.MANUAL);

        // The reference: the two stored runs joined in SQL, scheme by scheme.
        List<String> expected = new ArrayList<>();
        for (String[] scheme : new String[][] {{"RFM", "rfm_segment"}, {"ABC", "abc_tier"},
            {"LIFECYCLE", "lifecycle"}}) {
            expected.addAll(jdbc.sql("select c.code, n." + scheme[1] + " as to_segment, o." + scheme[1]
                    + " as from_segment from customer_segment n join customer c on c.id = n.customer_id"
                    + " left join customer_segment o on o.tenant_id = n.tenant_id and o.run_id = :previous"
                    + " and o.customer_id = n.customer_id where n.tenant_id = :tenant and n.run_id = :run"
                    + " and coalesce(n." + scheme[1] + ", '-') <> coalesce(o." + scheme[1] + ", '-')")
                    .param("previous", first.id()).param("tenant", shop.id().value()).param("run", second.id())
                    .query((rs, i) -> rs.getString(1) + " " + scheme[0] + " " + rs.getString(3) + "->"
                            + rs.getString(2)).list());
        }
        List<String> logged = jdbc.sql("select c.code, s.scheme, s.from_segment, s.to_segment from segment_change s"
                + " join customer c on c.id = s.customer_id where s.tenant_id = :tenant and s.run_id = :run")
                .param("tenant", shop.id().value()).param("run", second.id())
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + "->"
                        + rs.getString(4)).list();

        assertThat(logged).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(logged).contains("S11 LIFECYCLE null->potential");
        assertThat(second.changes()).isEqualTo(expected.size()).isPositive();
    }

    @Test
    void aFailedRunLeavesReadersOnThePreviousRun() {
        RunStatus good = segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        // A rule that fails inside the run: an attribute condition whose value is a broken number.
        jdbc.sql("insert into rule_segment (tenant_id, seg_key, name, definition, active, created_at, updated_at)"
                + " values (?, 'broken', 'Broken', '{\"type\":\"condition\",\"field\":\"MONETARY\","
                + "\"operator\":\"GREATER\",\"values\":[\"abc\"]}', true, current_timestamp, current_timestamp)")
                .param(shop.id().value()).update();

        RunStatus bad = segmentation.runNow(shop.id(), D.plusDays(1), RunTrigger.MANUAL);

        assertThat(bad.state()).isEqualTo(RunStatus.State.FAILED);
        assertThat(segmentation.currentRun(shop.id())).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(good.id()));
        assertThat(rows(shop.id(), bad.id())).as("nothing of the failed run stays").isZero();
    }

    @Test
    void aTenantRunsOneRecomputeAtATime() {
        jdbc.sql("insert into segmentation_state (tenant_id) values (?)").param(shop.id().value()).update();
        long running = jdbc.sql("insert into segmentation_run (tenant_id, as_of, trigger_source, status, phase,"
                + " started_at, heartbeat_at, settings_version) values (?, ?, 'SCHEDULE', 'RUNNING', 'READING',"
                + " current_timestamp, current_timestamp, 0)").params(shop.id().value(), D).update();
        long runId = jdbc.sql("select max(id) from segmentation_run where tenant_id = ?").param(shop.id().value())
                .query(Long.class).single();
        jdbc.sql("update segmentation_state set running_run_id = ? where tenant_id = ?")
                .params(runId, shop.id().value()).update();

        assertThatThrownBy(() -> segmentation.runNow(shop.id(), D, RunTrigger.MANUAL))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("segmentation.error.alreadyRunning");
        assertThat(running).isEqualTo(1);
    }

    @Test
    void ruleSegmentsGetTheirMembersInTheRunAndAreMeasuredInTheSizes() {
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        RuleNode shanghaiRegulars = new RuleNode.Group(RuleNode.Logic.AND, List.of(
                new RuleNode.Condition(RuleField.REGION, RuleOperator.EQUALS, List.of("上海"), null),
                new RuleNode.Condition(RuleField.FREQUENCY, RuleOperator.GREATER_OR_EQUAL, List.of("3"), null)));

        assertThat(rules.preview(shop.id(), shanghaiRegulars)).hasValueSatisfying(p -> {
            assertThat(p.customers()).isEqualTo(3); // S3, S4, S5
            assertThat(p.totalCustomers()).isEqualTo(11);
        });
        var segment = rules.create(shop.id(), shop.owner().userId(), "上海常客", shanghaiRegulars);
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);

        assertThat(queries.forCustomer(shop.id(), id("S4")).orElseThrow().ruleSegments()).contains(segment.key());
        assertThat(queries.sizes(shop.id())).anySatisfy(s -> {
            assertThat(s.scheme()).isEqualTo("RULE");
            assertThat(s.name()).isEqualTo("上海常客");
            assertThat(s.customers()).isEqualTo(3);
        });
    }

    private long id(String code) {
        return customerQueries.byCode(shop.id(), code).orElseThrow().id();
    }

    private List<String> assignments(TenantId tenant) {
        long run = segmentation.currentRun(tenant).orElseThrow().id();
        return jdbc.sql("select customer_id, r_score, f_score, m_score, rfm_segment, abc_tier, lifecycle"
                + " from customer_segment where tenant_id = ? and run_id = ? order by customer_id")
                .params(tenant.value(), run)
                .query((rs, i) -> rs.getLong(1) + ":" + rs.getObject(2) + rs.getObject(3) + rs.getObject(4)
                        + rs.getString(5) + rs.getString(6) + rs.getString(7)).list();
    }

    private int rows(TenantId tenant, long run) {
        return jdbc.sql("select count(*) from customer_segment where tenant_id = ? and run_id = ?")
                .params(tenant.value(), run).query(Integer.class).single();
    }
}
