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
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pipeline: customers by stage and grade with the expected deals per stage; a manager's own and the pool's. */
@IntegrationTest
class PipelineViewTest extends BrowserlessViewTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    CustomerAssignmentService assignment;

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

    private static SalesState state(SalesStage stage, LocalDate close, String deal) {
        return new SalesState(stage, null, close, new BigDecimal(deal), SalesNeed.NOW, null, null);
    }
}
