package com.tierpilot.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.campaign.ui.CampaignListView;
import com.tierpilot.campaign.ui.CampaignWizardView;
import com.tierpilot.churn.ui.ChurnListView;
import com.tierpilot.customer.ui.CustomerListView;
import com.tierpilot.importing.ui.ImportView;
import com.tierpilot.revisit.ui.TasksView;
import com.tierpilot.scheduling.ui.RunHistoryView;
import com.tierpilot.segmentation.ui.SegmentsView;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, item 5: every empty screen of a new company says what to do next, in the viewer's language, with a button
 * that goes there. A few representative screens, for an owner and an account manager, in English and in Chinese.
 */
@IntegrationTest
class EmptyScreensViewTest extends BrowserlessViewTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestTenants tenants;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void anEmptyCustomerListLeadsTheOwnerToTheImport() {
        signUp(SupportedLocales.ENGLISH);
        navigate(CustomerListView.class);

        assertThat(sentence("customer-empty")).startsWith("No customers yet. Import your customers and orders");
        click("customer-empty-action", "Import customers and orders");
        assertThat(getCurrentView()).isInstanceOf(ImportView.class);
    }

    @Test
    void aSearchThatFindsNobodySaysSoAndClearsTheFilters() {
        signUp(SupportedLocales.ENGLISH);
        navigate(CustomerListView.class);
        test(find(TextField.class).withId("customer-search").single()).setValue("nobody at all");

        assertThat(sentence("customer-no-match")).isEqualTo("No customer matches these filters.");
        click("customer-no-match-action", "Clear the filters");
        assertThat(find(TextField.class).withId("customer-search").single().getValue()).isEmpty();
    }

    @Test
    void anEmptyCampaignListLeadsToTheWizardInChinese() {
        signUp(SupportedLocales.CHINESE);
        navigate(CampaignListView.class);

        assertThat(sentence("campaign-empty")).startsWith("还没有营销活动。").doesNotContain(":");
        click("campaign-empty-action", "新建活动");
        assertThat(getCurrentView()).isInstanceOf(CampaignWizardView.class);
    }

    @Test
    void anEmptyRunHistoryAndEmptySegmentsLeadToTheFirstRecomputeAndTheImport() {
        signUp(SupportedLocales.ENGLISH);
        navigate(RunHistoryView.class);

        assertThat(sentence("runs-empty")).startsWith("No recompute has run yet.");
        click("runs-empty-action", "Open segments");
        assertThat(getCurrentView()).isInstanceOf(SegmentsView.class);
        assertThat(sentence("segments-empty")).startsWith("Nothing to show yet. Import customers and orders first");
        click("segments-empty-action", "Import customers and orders");
        assertThat(getCurrentView()).isInstanceOf(ImportView.class);
    }

    @Test
    void anAccountManagerWithAnEmptyChurnListIsSentToTheTasksInChinese() {
        TestTenant shop = signUp(SupportedLocales.CHINESE);
        TestTenants.signIn(shop.addUser(Role.ACCOUNT_MANAGER, SupportedLocales.CHINESE));
        openNewTab();
        navigate(ChurnListView.class);

        assertThat(sentence("churn-empty")).startsWith("您的客户目前都没有流失风险。");
        click("churn-empty-action", "打开我的任务");
        assertThat(getCurrentView()).isInstanceOf(TasksView.class);
        assertThat(sentence("tasks-empty")).startsWith("此时间范围内您没有待办任务。");
    }

    private TestTenant signUp(Locale language) {
        TestTenant shop = tenants.signUp("Empty " + language.toLanguageTag(), SHANGHAI, language).signInAsOwner();
        openNewTab();
        return shop;
    }

    private String sentence(String emptyStateId) {
        return find(Paragraph.class).withCondition(p -> p.getParent()
                .flatMap(parent -> parent.getId()).filter(emptyStateId::equals).isPresent()).single().getText();
    }

    private void click(String buttonId, String label) {
        Button button = find(Button.class).withId(buttonId).single();
        assertThat(button.getText()).isEqualTo(label);
        test(button).click();
    }
}
