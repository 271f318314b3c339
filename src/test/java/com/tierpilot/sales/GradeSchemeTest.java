package com.tierpilot.sales;

import static com.tierpilot.customer.CustomerFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.analytics.DashboardService;
import com.tierpilot.analytics.ui.DashboardView;
import com.tierpilot.base.Role;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnListService;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.segmentation.AudienceQuery;
import com.tierpilot.segmentation.AudienceService;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentResultService;
import com.tierpilot.segmentation.SegmentSize;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.segmentation.ui.SegmentsView;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.grid.Grid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20: the A-E grade is a scheme like the others. Four prospects graded A, A, B and C, and one customer who is
 * not a prospect: the segment browser and the API's segment sizes count the grades, a rule segment tests the grade,
 * a campaign's audience aims at grades, the dashboard charts them and the churn list shows them.
 */
@IntegrationTest
class GradeSchemeTest extends BrowserlessViewTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    RuleSegmentService rules;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    SegmentResultService segments;
    @Autowired
    AudienceService audiences;
    @Autowired
    DashboardService dashboards;
    @Autowired
    ChurnListService churn;
    @Autowired
    CustomerBulkService customers;

    TestTenant shop;

    @BeforeEach
    void fourProspectsGradedAndOneBuyer() {
        shop = fixtures.companyWith("Grades Co", "G1", "G2", "G3", "G4", "BUYER");
        LocalDate today = grades.today(shop.id());
        fixtures.set(shop, "G1", state(SalesStage.NEGOTIATING, today.plusDays(20), "1000"));
        fixtures.set(shop, "G2", state(SalesStage.NEGOTIATING, today.plusDays(25), "2000"));
        fixtures.set(shop, "G3", state(SalesStage.NEGOTIATING, today.plusDays(70), "3000"));
        fixtures.set(shop, "G4", state(SalesStage.POTENTIAL, today.plusDays(150), "4000"));
        grades.regrade(shop.id(), today);
        rules.create(shop.id(), shop.owner().userId(), "Hot prospects", new RuleNode.Condition(RuleField.GRADE,
                RuleOperator.IN, List.of("A", "B"), null));
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theSegmentBrowserRuleSegmentsAndCampaignAudiencesSeeTheGrade() {
        List<SegmentSize> sizes = segments.sizes(shop.id());
        assertThat(sizes).filteredOn(s -> s.scheme().equals("GRADE")).extracting(s -> s.segment() + " "
                + s.customers()).containsExactly("A 2", "B 1", "C 1");
        assertThat(sizes).filteredOn(s -> s.scheme().equals("RULE")).extracting(SegmentSize::customers)
                .as("the rule 'grade is A or B'").containsExactly(3);
        assertThat(segments.sizes(shop.id(), DataScope.of(shop.addUser(Role.ACCOUNT_MANAGER).userId())))
                .filteredOn(s -> s.scheme().equals("GRADE")).extracting(SegmentSize::customers)
                .as("a manager's count: the pool's prospects").containsExactly(2, 1, 1);

        assertThat(audiences.count(shop.id(), new AudienceQuery(List.of("GRADE:A", "GRADE:C"), List.of(), null)))
                .isEqualTo(3);
        assertThat(audiences.count(shop.id(), new AudienceQuery(List.of("LIFECYCLE:" + sizes.stream()
                .filter(s -> s.scheme().equals("LIFECYCLE")).findFirst().orElseThrow().segment()),
                List.of("GRADE:A"), null))).as("excluding grade A").isEqualTo(sizes.stream().filter(s -> s.scheme()
                        .equals("LIFECYCLE")).findFirst().orElseThrow().customers() - 2);

        navigate(SegmentsView.class);
        Grid<?> grid = find(Grid.class).withId("segments-grade").single();
        assertThat(test(grid).size()).isEqualTo(3);
        assertThat(test(grid).getCellText(0, 0)).startsWith("A: clear need");
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("2");
    }

    @Test
    void theDashboardChartsTheGradesAndTheChurnListShowsThem() {
        Map<String, Object[]> byGrade = dashboards.grades(shop.id(), DataScope.ALL);
        assertThat(byGrade.keySet()).containsExactly("A", "B", "C", "D", "E");
        assertThat(byGrade.get("A")).containsExactly(2, new BigDecimal("3000.00"));
        assertThat(byGrade.get("E")[0]).isEqualTo(0);

        navigate(DashboardView.class);
        assertThat(find(EChart.class).withId("chart-grades").single().getOption()).contains("\"Grade A\"")
                .contains("\"value\":2");

        LocalDateTime longAgo = grades.today(shop.id()).minusDays(130).atTime(11, 0);
        customers.upsertOrders(shop.id(), List.of(order("G1-O", "G1", longAgo, "100.00"),
                order("G1-P", "G1", longAgo.minusDays(20), "100.00"), order("B-O", "BUYER", longAgo, "90.00"),
                order("B-P", "BUYER", longAgo.minusDays(20), "90.00")));
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
        List<ChurnEntry> list = churn.page(shop.id(), shop.owner().userId(), Role.OWNER, 0, 50);
        assertThat(list).extracting(e -> e.code() + " " + e.grade()).containsExactlyInAnyOrder("G1 A",
                "BUYER null");
    }

    private static SalesState state(SalesStage stage, LocalDate close, String deal) {
        return new SalesState(stage, null, close, new BigDecimal(deal), SalesNeed.NOW, null, null);
    }
}
