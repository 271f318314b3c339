package com.tierpilot.sales.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.sales.ProspectGradeService;
import com.tierpilot.sales.SalesFixtures;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pipeline: customers by stage and grade with the expected deals per stage; a manager's own and the pool's. */
@IntegrationTest
class PipelineViewTest extends BrowserlessViewTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    CustomerAssignmentService assignment;
    @Autowired
    MutableClock clock;

    TestTenant shop;
    TierPilotUser east;

    @BeforeEach
    void prospectsAtSeveralStages() {
        shop = fixtures.companyWith("Pipeline Co", "F1", "F2", "F3", "F4");
        east = shop.addUser(Role.ACCOUNT_MANAGER);
        LocalDate today = grades.today(shop.id());
        fixtures.set(shop, "F1", state(SalesStage.NEGOTIATING, today.plusDays(20), "10000"));
        fixtures.set(shop, "F2", state(SalesStage.NEGOTIATING, today.plusDays(60), "5000.50"));
        fixtures.set(shop, "F3", state(SalesStage.POTENTIAL, today.plusDays(150), "2000"));
        fixtures.set(shop, "F4", state(SalesStage.NEGOTIATING, today.plusDays(20), "70000"));
        grades.regrade(shop.id(), today);
        assignment.assignOne(shop.id(), "F1", east.userId().value());
        assignment.assignOne(shop.id(), "F4", shop.addUser(Role.ACCOUNT_MANAGER).userId().value());
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
        clock.reset();
    }

    @Test
    void theOwnerSeesEachStageByGradeWithItsExpectedDeals() {
        navigate("pipeline", PipelineView.class);
        Grid<?> grid = find(Grid.class).withId("pipeline-grid").single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Potential");
        assertThat(test(grid).getCellText(0, 3)).as("C").isEqualTo("1");
        assertThat(test(grid).getCellText(1, 0)).isEqualTo("Negotiating");
        assertThat(test(grid).getCellText(1, 1)).as("A").isEqualTo("2");
        assertThat(test(grid).getCellText(1, 2)).as("B").isEqualTo("1");
        assertThat(test(grid).getCellText(1, 7)).isEqualTo("3");
        assertThat(test(grid).getCellText(1, 8)).contains("85,000.50");
    }

    @Test
    void aManagerSeesTheirOwnAndThePoolsNotAColleagues() {
        TestTenants.signIn(east);
        openNewTab();
        navigate("pipeline", PipelineView.class);
        Grid<?> grid = find(Grid.class).withId("pipeline-grid").single();
        assertThat(test(grid).getCellText(1, 7)).as("F1 and the pool's F2, not F4").isEqualTo("2");
        assertThat(test(grid).getCellText(1, 8)).contains("15,000.50");
    }

    @Test
    void anEmptyPipelineSaysWhatToDoAndTheScreenSpeaksChinese() {
        TestTenant empty = fixtures.companyWith("Empty Pipeline Co", "E1");
        TestTenants.signIn(empty.owner().withLocale(Locale.SIMPLIFIED_CHINESE));
        openNewTab();
        navigate("pipeline", PipelineView.class);
        assertThat(find(Paragraph.class).withId("pipeline-empty").single().getText()).startsWith("还没有客户设置销售状态");
    }

    /**
     * Issue 20: the conversion chart counts, per month, the moves from potential to negotiating, from negotiating
     * to signed and to lost, with the win rate of those who left negotiating; a manager's are their own and the
     * pool's customers'.
     */
    @Test
    void theConversionChartCountsTheMovesBetweenStagesPerMonth() {
        LocalDate today = grades.today(shop.id());
        fixtures.set(shop, "F3", state(SalesStage.NEGOTIATING, today.plusDays(60), "2000"));
        fixtures.set(shop, "F1", state(SalesStage.SIGNED, today, "10000"));
        fixtures.set(shop, "F4", state(SalesStage.SIGNED, today, "70000"));
        fixtures.set(shop, "F2", new SalesState(SalesStage.LOST, "Too dear", null, null, SalesNeed.NONE, null, null));
        clock.advance(Duration.ofDays(40));
        fixtures.set(shop, "F3", state(SalesStage.SIGNED, today.plusDays(40), "2000"));

        navigate("pipeline", PipelineView.class);
        JsonNode owner = option();
        assertThat(owner.at("/xAxis/data")).hasSize(12);
        assertThat(last(owner, 0, 2)).as("potential to negotiating, F3, last month").isEqualTo("1");
        assertThat(last(owner, 1, 2)).as("signed last month: F1 and F4").isEqualTo("2");
        assertThat(last(owner, 2, 2)).as("lost last month: F2").isEqualTo("1");
        assertThat(last(owner, 3, 2)).as("2 of the 3 who left negotiating signed").isEqualTo("66.7");
        assertThat(last(owner, 1, 1)).as("signed this month: F3").isEqualTo("1");
        assertThat(last(owner, 3, 1)).isEqualTo("100.0");
        assertThat(last(owner, 1, 3)).as("the month before").isEqualTo("0");
        assertThat(owner.at("/series/3/data/9").isNull()).as("no win rate without anyone leaving negotiating")
                .isTrue();
        assertThat(owner.at("/legend/data/1").asString()).isEqualTo("Negotiating → Signed");

        TestTenants.signIn(east);
        openNewTab();
        navigate("pipeline", PipelineView.class);
        JsonNode manager = option();
        assertThat(last(manager, 1, 2)).as("F1 only, not a colleague's F4").isEqualTo("1");
        assertThat(last(manager, 3, 2)).isEqualTo("50.0");
    }

    private JsonNode option() {
        return JsonMapper.builder().build().readTree(find(EChart.class).withId("pipeline-conversion").single()
                .getOption());
    }

    /** The value of a series {@code back} months before the end (1: this month). */
    private static String last(JsonNode option, int series, int back) {
        JsonNode data = option.at("/series/" + series + "/data");
        return data.get(data.size() - back).asString();
    }

    private static SalesState state(SalesStage stage, LocalDate close, String deal) {
        return new SalesState(stage, null, close, new BigDecimal(deal), SalesNeed.NOW, null, null);
    }
}
