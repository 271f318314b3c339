package com.tierpilot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tierpilot.analytics.DashboardService;
import com.tierpilot.analytics.DashboardSnapshot;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.churn.ChurnListService;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.prediction.PredictionService;
import com.tierpilot.revisit.ContactChannel;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, item 5: "try it with sample data, loaded into this company and removable in one click". The sample goes
 * into the company itself and is scored at once; one removal takes the sample customers and everything hanging off
 * them in every module, and the recomputes that scored them, so that every table holds for the company what it held
 * before, and another company is untouched.
 */
@IntegrationTest
class SampleDataServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    SampleDataService sample;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    DashboardService dashboards;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ChurnListService churn;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    PredictionService predictions;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        ((MutableClock) clock).reset();
        TestTenants.signOut();
    }

    @Test
    void theSampleIsScoredInTheCompanyAndOneClickLeavesEveryTableAsItWasBefore() {
        TestTenant other = tenants.signUp("Other Co", CampaignFixtures.SHANGHAI, SupportedLocales.ENGLISH)
                .signInAsOwner();
        var otherFixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        otherFixtures.atRiskCustomers(other.id(), "O", 3);
        segmentation.runNow(other.id(), null, RunTrigger.MANUAL);
        TestTenant shop = tenants.signUp("Sample Co", CampaignFixtures.SHANGHAI, SupportedLocales.ENGLISH)
                .signInAsOwner();
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "OWN", 3);
        segmentation.runNow(shop.id(), segmentation.today(shop.id()).minusDays(1), RunTrigger.MANUAL);
        long template = fixtures.launchedOnAtRisk(shop, "Win-back 10 off", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "10", null, "0", 1, 1, null)).id();
        DashboardSnapshot ownDashboard = dashboards.current(shop.id()).orElseThrow();
        Map<String, Long> before = counts(shop.id());
        Map<String, Long> otherBefore = counts(other.id());

        // No pause between the recompute above and the load: the recompute of the same second stays with the company.
        long run = sample.load(shop.id());
        scored(shop.id(), run);

        assertThat(sample.loaded(shop.id())).get().satisfies(loaded -> {
            assertThat(loaded.customers()).isEqualTo(SampleDataService.CUSTOMERS);
            assertThat(loaded.orders()).isGreaterThan(SampleDataService.ORDERS / 2);
        });
        assertThat(dashboards.current(shop.id())).get().satisfies(dashboard -> {
            assertThat(dashboard.runId()).isEqualTo(run);
            assertThat(dashboard.customers()).isEqualTo(SampleDataService.CUSTOMERS + 3);
            assertThat(dashboard.activeCustomers()).isPositive();
        });
        assertThatThrownBy(() -> sample.load(shop.id())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("sample.error.loaded");
        // The company works with the sample as with its own customers: points, a contact, a win-back coupon, and
        // another recompute.
        long sampleCustomer = queries.byCode(shop.id(), SampleDataService.PREFIX + "DS00001").orElseThrow().id();
        ledger.award(shop.id(), sampleCustomer, 50, PointsReason.MANUAL, null, "sample-points", null);
        churn.logContact(shop.id(), shop.owner().userId(), Role.OWNER, sampleCustomer, ContactChannel.CALL, "Hi");
        churn.issueWinBackCoupon(shop.id(), shop.owner().userId(), Role.OWNER, sampleCustomer, template);
        int membersWithSample = campaigns.find(shop.id(), template).orElseThrow().targetMembers();
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
        assertThat(counts(shop.id())).isNotEqualTo(before);
        assertThat(counts(shop.id()).get("palive_move")).as("the sample's recomputes recorded P(alive) moves")
                .isGreaterThan(before.get("palive_move"));

        int removed = sample.remove(shop.id());

        assertThat(removed).isEqualTo(SampleDataService.CUSTOMERS);
        assertThat(sample.loaded(shop.id())).isEmpty();
        assertThat(counts(shop.id())).as("every table of the company").isEqualTo(before);
        assertThat(before.get("palive_move")).as("the company's own P(alive) moves, kept").isPositive();
        assertThat(counts(other.id())).as("another company").isEqualTo(otherBefore);
        assertThat(dashboards.current(shop.id())).get().extracting(DashboardSnapshot::runId)
                .isEqualTo(ownDashboard.runId());
        assertThat(campaigns.find(shop.id(), template).orElseThrow().targetMembers()).isEqualTo(membersWithSample - 1);
        assertThatThrownBy(() -> sample.remove(shop.id())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("sample.error.none");
    }

    @Test
    void aCompanyWithoutDataGoesBackToNoRunAtAll() {
        TestTenant shop = tenants.signUp("Empty Co", CampaignFixtures.SHANGHAI, SupportedLocales.CHINESE)
                .signInAsOwner();
        Map<String, Long> before = counts(shop.id());

        long run = sample.load(shop.id());
        scored(shop.id(), run);
        assertThat(segmentation.currentRun(shop.id())).isPresent();
        sample.remove(shop.id());

        assertThat(counts(shop.id())).isEqualTo(before);
        assertThat(segmentation.currentRun(shop.id())).isEmpty();
        assertThat(dashboards.current(shop.id())).isEmpty();
    }

    @Test
    void theSampleIsNotRemovedWhileARecomputeRuns() {
        TestTenant shop = tenants.signUp("Busy Co", CampaignFixtures.SHANGHAI, SupportedLocales.ENGLISH)
                .signInAsOwner();
        long run = sample.load(shop.id());
        scored(shop.id(), run);
        long running = segmentation.openRun(shop.id(), null, RunTrigger.MANUAL);

        assertThatThrownBy(() -> sample.remove(shop.id())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("sample.error.running");
        assertThat(sample.loaded(shop.id())).isPresent();

        segmentation.abandon(shop.id(), running, "test");
        assertThat(sample.remove(shop.id())).isEqualTo(SampleDataService.CUSTOMERS);
    }

    @Test
    void theSampleIsNotLoadedWhileARecomputeRuns() {
        TestTenant shop = tenants.signUp("Loading Co", CampaignFixtures.SHANGHAI, SupportedLocales.ENGLISH)
                .signInAsOwner();
        long running = segmentation.openRun(shop.id(), null, RunTrigger.MANUAL);

        assertThatThrownBy(() -> sample.load(shop.id())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("segmentation.error.alreadyRunning");
        assertThat(sample.loaded(shop.id())).isEmpty();
        segmentation.abandon(shop.id(), running, "test");
    }

    /** Waits until the run is scored and its predictions (made in the run's thread after it) are written. */
    private void scored(TenantId tenant, long run) {
        var loadedAt = sample.loaded(tenant).orElseThrow().loadedAt();
        await().atMost(Duration.ofMinutes(2)).until(() -> segmentation.run(tenant, run).finished()
                && predictions.model(tenant).filter(m -> !m.computedAt().isBefore(loadedAt)).isPresent());
    }

    /** The company's row count in every table that has a tenant_id column. */
    private Map<String, Long> counts(TenantId tenant) {
        var tables = new TreeSet<String>();
        try (Connection connection = dataSource.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(),
                        connection.getSchema(), "%", "%")) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase("tenant_id")) {
                    tables.add(columns.getString("TABLE_NAME"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(tables).hasSizeGreaterThan(40);
        var jdbc = new JdbcTemplate(dataSource);
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table.toLowerCase(), jdbc.queryForObject("select count(*) from " + table
                    + " where tenant_id = ?", Long.class, tenant.value()));
        }
        return counts;
    }
}
