package com.tierpilot.analytics;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tierpilot.base.Role;
import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnListService;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's read models, stored at the end of each run, against what the run's results say. */
@IntegrationTest
class DashboardReadModelsTest {

    private static final LocalDate D = LocalDate.of(2025, 7, 1);

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    DashboardService dashboards;
    @Autowired
    ChurnListService churn;

    TestTenant shop;

    /** Customer Sc bought c times, 100 × c each time: monetary 100 c², all in the window; S0 never bought. */
    @BeforeEach
    void aShopWithTenBuyersAndOneProspect() {
        shop = tenants.signUp("Dashboard Co").signInAsOwner();
        DashboardFixtures.tenBuyers(customers, shop.id(), "S", D);
        customers.upsertCustomers(shop.id(), List.of(customer("S0", "Never bought", "上海")));
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theDashboardIsEmptyBeforeTheFirstRun() {
        assertThat(dashboards.current(shop.id())).isEmpty();
    }

    @Test
    void aRunStoresTheKpisTiersParetoCurveAndHeatmapOfItsResults() {
        RunStatus run = segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);

        DashboardSnapshot dashboard = dashboards.current(shop.id()).orElseThrow();
        assertThat(dashboard.runId()).isEqualTo(run.id());
        assertThat(dashboard.asOf()).isEqualTo(D);
        assertThat(dashboard.customers()).isEqualTo(11);
        assertThat(dashboard.activeCustomers()).isEqualTo(10);
        // Σ 100 c² for c = 1..10 = 38,500.
        assertThat(dashboard.revenue()).isEqualByComparingTo("38500");
        int aCustomers = dashboard.abc().stream().filter(s -> s.key().equals("A")).mapToInt(s -> s.customers()).sum();
        BigDecimal aRevenue = dashboard.abc().stream().filter(s -> s.key().equals("A"))
                .map(DashboardSnapshot.Segment::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(aCustomers).isPositive();
        assertThat(dashboard.tierARevenueShare()).isCloseTo(aRevenue.doubleValue() / 38500, within(1e-9));
        // The top 20% are S10 and S9: 10,000 + 8,100 of 38,500.
        assertThat(dashboard.top20Share()).isCloseTo(18100.0 / 38500, within(1e-9));
        assertThat(dashboard.pareto()).hasSize(101);
        assertThat(dashboard.pareto().getFirst().revenueShare()).isZero();
        assertThat(dashboard.pareto().getLast().revenueShare()).isCloseTo(1.0, within(1e-9));
        assertThat(dashboard.pareto().get(10).revenueShare()).isCloseTo(10000.0 / 38500, within(1e-9));
        assertThat(dashboard.heatmap().stream().mapToInt(DashboardSnapshot.RfCell::customers).sum()).isEqualTo(10);
        assertThat(dashboard.rfm().stream().mapToInt(DashboardSnapshot.Segment::customers).sum()).isEqualTo(10);
        assertThat(dashboard.lifecycle().stream().mapToInt(DashboardSnapshot.Segment::customers).sum())
                .isEqualTo(11);
        assertThat(dashboard.lifecycle().getFirst().key()).isEqualTo("potential");
        assertThat(dashboard.migrations()).isEmpty();
        assertThat(dashboard.trend()).extracting(DashboardSnapshot.TrendPoint::runId).containsOnly(run.id());
    }

    @Test
    void theSecondRunStoresTheMovesBetweenSegmentsAndTheTrendCoversBothRuns() {
        RunStatus first = segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        RunStatus second = segmentation.runNow(shop.id(), D.plusDays(400), RunTrigger.MANUAL);

        DashboardSnapshot dashboard = dashboards.current(shop.id()).orElseThrow();
        assertThat(dashboard.runId()).isEqualTo(second.id());
        assertThat(dashboard.previousRunId()).isEqualTo(first.id());
        // 400 days on, nobody has bought in the window: every scored customer left its RFM segment and ABC tier.
        assertThat(dashboard.activeCustomers()).isZero();
        assertThat(dashboard.migrations()).filteredOn(m -> m.scheme().equals("RFM"))
                .allSatisfy(m -> assertThat(m.to()).isEqualTo(DashboardSnapshot.NONE))
                .extracting(DashboardSnapshot.Migration::customers).asList().isNotEmpty();
        assertThat(dashboard.migrations().stream().filter(m -> m.scheme().equals("LIFECYCLE"))
                .mapToInt(DashboardSnapshot.Migration::customers).sum()).isEqualTo(11);
        assertThat(dashboard.migrations().stream().filter(m -> m.scheme().equals("ABC"))
                .mapToInt(DashboardSnapshot.Migration::customers).sum()).isEqualTo(11);
        assertThat(dashboard.trend()).extracting(DashboardSnapshot.TrendPoint::runId)
                .containsOnly(first.id(), second.id());
    }

    @Test
    void aSecondRecomputeOnTheSameDayKeepsTheMovesTheTrendAndTheChurnListOfTheFirst() {
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        // S1 buys big after D: it rises to tier A and pushes others down.
        customers.upsertOrders(shop.id(), List.of(new OrderRecord("S1-BIG", "S1", D.plusDays(10).atTime(12, 0),
                new BigDecimal("50000"), 1, null, null, OrderStatus.COMPLETED)));
        RunStatus later = segmentation.runNow(shop.id(), D.plusDays(30), RunTrigger.MANUAL);
        DashboardSnapshot first = dashboards.current(shop.id()).orElseThrow();
        List<ChurnEntry> churnAfterFirst = churn.page(shop.id(), shop.owner().userId(), Role.OWNER, 0, 100);
        assertThat(first.migrations()).anyMatch(m -> m.scheme().equals("ABC") && !m.from().equals(m.to()));
        assertThat(churnAfterFirst).anyMatch(ChurnEntry::tierDropped);

        RunStatus again = segmentation.runNow(shop.id(), D.plusDays(30), RunTrigger.MANUAL);

        DashboardSnapshot second = dashboards.current(shop.id()).orElseThrow();
        assertThat(second.runId()).isEqualTo(again.id()).isNotEqualTo(later.id());
        // Compared with the run as of D again, not with the first run of the same day (which would be a diagonal).
        assertThat(second.migrations()).isEqualTo(first.migrations());
        assertThat(churn.page(shop.id(), shop.owner().userId(), Role.OWNER, 0, 100))
                .usingRecursiveFieldByFieldElementComparator().isEqualTo(churnAfterFirst);
        // One point per date: the later run of D + 30 replaces the earlier one.
        assertThat(second.trend()).extracting(DashboardSnapshot.TrendPoint::asOf).containsOnly(D, D.plusDays(30));
        assertThat(second.trend()).filteredOn(p -> p.asOf().equals(D.plusDays(30)))
                .extracting(DashboardSnapshot.TrendPoint::runId).containsOnly(again.id());
    }
}
