package com.tierpilot.sales.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.customer.SalesStage;
import com.tierpilot.sales.GradeThresholds;
import com.tierpilot.sales.ProspectGrade;
import com.tierpilot.sales.SalesFixtures;
import com.tierpilot.sales.SalesSettingsService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner's sales settings: the seed's rules in words, its figures as defaults, and changes that hold. */
@IntegrationTest
class SalesSettingsViewTest extends BrowserlessViewTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    SalesSettingsService settings;

    TestTenant shop;

    @BeforeEach
    void aCompany() {
        shop = fixtures.companyWith("Settings Co");
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theOwnerSeesTheSeedsFiguresAsDefaultsAndChangesThem() {
        navigate("settings/sales", SalesSettingsView.class);
        assertThat(find(UnorderedList.class).withId("sales-settings-seed").single().getElement().getTextRecursively())
                .contains("followed up daily", "followed up weekly", "every 15 days", "every 30 days",
                        "500 to 800 customers");
        assertThat(number("sales-settings-limit").getValue()).isEqualTo(800);
        assertThat(number("sales-settings-a").getValue()).isEqualTo(30);
        assertThat(number("sales-settings-c").getValue()).isEqualTo(180);
        assertThat(number("sales-settings-return-A").getValue()).isEqualTo(7);
        assertThat(number("sales-settings-return-none").getValue()).as("ungraded buyers stay with their manager")
                .isZero();
        assertThat(number("sales-settings-return-none").getHelperText()).startsWith("0: never");

        test(number("sales-settings-limit")).setValue(600);
        test(number("sales-settings-b")).setValue(75);
        test(number("sales-settings-return-B")).setValue(10);
        test(find(TextField.class).withId("sales-settings-stage-POTENTIAL").single()).setValue("Lead");
        test(find(Button.class).withId("sales-settings-save").single()).click();

        assertThat(settings.poolRules(shop.id()).managerLimit()).isEqualTo(600);
        assertThat(settings.poolRules(shop.id()).returnDays(ProspectGrade.B)).isEqualTo(10);
        assertThat(settings.settings(shop.id()).thresholds()).isEqualTo(new GradeThresholds(30, 75, 180));
        assertThat(settings.settings(shop.id()).stageLabels()).containsEntry(SalesStage.POTENTIAL, "Lead");
    }

    @Test
    void thresholdsThatDoNotRiseAreRefusedAndNothingIsSaved() {
        navigate("settings/sales", SalesSettingsView.class);
        test(number("sales-settings-limit")).setValue(500);
        test(number("sales-settings-b")).setValue(20);
        test(find(Button.class).withId("sales-settings-save").single()).click();

        assertThat(settings.poolRules(shop.id()).managerLimit()).as("neither part saved").isEqualTo(800);
        assertThat(settings.settings(shop.id()).thresholds()).isEqualTo(GradeThresholds.DEFAULT);
    }

    @Test
    void theScreenSpeaksChinese() {
        TestTenants.signIn(shop.owner().withLocale(Locale.SIMPLIFIED_CHINESE));
        openNewTab();
        navigate("settings/sales", SalesSettingsView.class);
        assertThat(find(UnorderedList.class).withId("sales-settings-seed").single().getElement().getTextRecursively())
                .contains("每天跟进", "500 至 800 位客户");
        assertThat(find(Button.class).withId("sales-settings-save").single().getText()).isEqualTo("保存销售设置");
    }

    private IntegerField number(String id) {
        return find(IntegerField.class).withId(id).single();
    }
}
