package com.tierpilot.sales.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.ui.CustomerDetailView;
import com.tierpilot.customer.ui.CustomerListView;
import com.tierpilot.sales.FollowUpKind;
import com.tierpilot.sales.SalesFixtures;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared pool screen and the customer page's owner section, as an account manager and the owner use them: claim
 * from the pool, see the count against the limit, log a follow-up, give a customer back; in both languages.
 */
@IntegrationTest
class SharedPoolViewTest extends BrowserlessViewTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    CustomerAssignmentService assignment;
    @Autowired
    CustomerProfileService queries;

    TestTenant shop;
    TierPilotUser east;

    @BeforeEach
    void aCompanyWithAPoolAndAManager() {
        shop = fixtures.companyWith("Pool View Co", "Q1", "Q2");
        east = shop.addUser(Role.ACCOUNT_MANAGER);
        TestTenants.signIn(east);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aManagerClaimsFromThePoolSeesTheCountAgainstTheLimitAndLogsAFollowUpOnTheCustomerPage() {
        navigate("pool", SharedPoolView.class);
        assertThat(text("pool-load")).isEqualTo("You own 0 of at most 800 customers; 20 claims left today.");
        Grid<?> pool = find(Grid.class).withId("pool-grid").single();
        assertThat(test(pool).size()).isEqualTo(2);

        test(claimButton(pool, 0, "pool-claim-Q1")).click();

        assertThat(text("pool-load")).isEqualTo("You own 1 of at most 800 customers; 19 claims left today.");
        assertThat(test(pool).size()).isEqualTo(1);
        long q1 = fixtures.id(shop, "Q1");
        assertThat(queries.byId(shop.id(), q1).orElseThrow().accountManager()).isEqualTo(east.userId());

        navigate("customers/Q1", CustomerDetailView.class);
        assertThat(text("ownership-status")).isEqualTo("Owner: " + east.displayName());
        assertThat(text("followup-logs-none")).startsWith("No follow-up logged yet");
        test(find(TextArea.class).withId("followup-log-note").single()).setValue("Asked for a quote");
        test(find(Button.class).withId("followup-log-save").single()).click();
        Grid<?> logged = find(Grid.class).withId("followup-logs").single();
        assertThat(test(logged).size()).isEqualTo(1);
        assertThat(test(logged).getCellText(0, 2)).isEqualTo("Call");
        assertThat(test(logged).getCellText(0, 4)).isEqualTo("Asked for a quote");
        assertThat(test(find(Grid.class).withId("owner-history").single()).getCellText(0, 2)).isEqualTo("claimed");

        test(find(Button.class).withId("ownership-release").single()).click();
        assertThat(text("ownership-status")).isEqualTo("In the shared pool: nobody owns this customer.");
        assertThat(find(Button.class).withId("ownership-claim").single().isVisible()).isTrue();
    }

    @Test
    void aManagerCannotOpenAColleaguesCustomerNorSeeItInTheListAndTheOwnerSeesEachManagersCount() {
        TierPilotUser south = shop.addUser(Role.ACCOUNT_MANAGER);
        TestTenants.signIn(south);
        assignment.claim(shop.id(), south.userId(), fixtures.id(shop, "Q2"));
        TestTenants.signIn(east);
        openNewTab();
        navigate("customers/Q2", CustomerDetailView.class);
        assertThat(find(H2.class).withId("customer-not-found").single().getText())
                .as("a colleague's customer by its address reads as unknown").isEqualTo(notFound());
        assertThat(find(Button.class).withId("ownership-release").all()).isEmpty();
        assertThat(find(Button.class).withId("followup-log-save").all()).isEmpty();
        navigate(CustomerListView.class);
        Grid<?> list = find(Grid.class).withId("customer-grid").single();
        assertThat(test(list).size()).as("east's list: the pool's Q1, not south's Q2").isEqualTo(1);

        shop.signInAsOwner();
        openNewTab();
        navigate("pool", SharedPoolView.class);
        Grid<?> team = find(Grid.class).withId("pool-team").single();
        assertThat(test(team).size()).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, 2).mapToObj(row -> test(team).getCellText(row, 1)))
                .containsExactlyInAnyOrder("0", "1");
        assertThat(test(team).getCellText(0, 2)).isEqualTo("Within 800");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScreensSpeakChinese() {
        TestTenants.signIn(east.withLocale(Locale.SIMPLIFIED_CHINESE));
        openNewTab();
        navigate("pool", SharedPoolView.class);
        assertThat(text("pool-load")).isEqualTo("您负责 0 位客户，上限 800 位；今天还可认领 20 位。");
        test(claimButton(find(Grid.class).withId("pool-grid").single(), 1, "pool-claim-Q2")).click();
        navigate("customers/Q2", CustomerDetailView.class);
        assertThat(text("ownership-status")).startsWith("负责人：");
        assertThat(((ComboBox<FollowUpKind>) find(ComboBox.class).withId("followup-log-kind").single())
                .getItemLabelGenerator().apply(FollowUpKind.VISIT)).isEqualTo("拜访");
        assertThat(find(Button.class).withId("followup-log-save").single().getText()).isEqualTo("记录跟进");
    }

    /** The claim button of a row of the pool (rows in code order), checked by its id. */
    private Button claimButton(Grid<?> pool, int row, String id) {
        Button claim = (Button) test(pool).getCellComponent(row, 4);
        assertThat(claim.getId()).hasValue(id);
        return claim;
    }

    private String notFound() {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation("customers.detail.notFound");
    }

    private String text(String id) {
        return find(Paragraph.class).withId(id).single().getText();
    }
}
