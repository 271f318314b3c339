package com.tierpilot.sales.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.customer.ui.CustomerDetailView;
import com.tierpilot.sales.GradeThresholds;
import com.tierpilot.sales.ProspectGradeService;
import com.tierpilot.sales.SalesFixtures;
import com.tierpilot.sales.SalesSettings;
import com.tierpilot.sales.SalesSettingsService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sales state on the customer page: the form, the grade it gives at once, and the history of changes. */
@IntegrationTest
class SalesSectionTest extends BrowserlessViewTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    SalesStateService states;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    SalesSettingsService settings;

    TestTenant shop;

    @BeforeEach
    void aCompanyWithAProspect() {
        shop = fixtures.companyWith("Section Co", "S1");
        settings.save(shop.id(), new SalesSettings(GradeThresholds.DEFAULT, Map.of(SalesStage.NEGOTIATING,
                "In talks"), Map.of()));
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerSetsTheStateSeesTheGradeAtOnceAndTheChangesWithTheirAuthor() {
        navigate("customers/S1", CustomerDetailView.class);
        assertThat(grade()).startsWith("No grade yet");
        ComboBox<SalesStage> stage = find(ComboBox.class).withId("sales-stage").single();
        assertThat(stage.getItemLabelGenerator().apply(SalesStage.NEGOTIATING)).as("the company's wording")
                .isEqualTo("In talks");
        LocalDate close = grades.today(shop.id()).plusDays(45);

        test(stage).selectItem("In talks");
        test((ComboBox<SalesNeed>) find(ComboBox.class).withId("sales-need").single()).selectItem(
                "Clear need (now)");
        test((ComboBox<CustomerType>) find(ComboBox.class).withId("sales-customer-type").single()).selectItem(
                "Ideal");
        test(find(DatePicker.class).withId("sales-close-on").single()).setValue(close);
        test(find(BigDecimalField.class).withId("sales-deal-size").single()).setValue(new BigDecimal("8000"));
        test(find(Button.class).withId("sales-save").single()).click();

        assertThat(grade()).isEqualTo("Grade B: closes within three months");
        Grid<?> history = find(Grid.class).withId("sales-history").single();
        assertThat(test(history).size()).isEqualTo(5);
        assertThat(test(history).getCellText(0, 1)).isEqualTo(shop.owner().displayName());
        assertThat(java.util.stream.IntStream.range(0, 5).mapToObj(row -> test(history).getCellText(row, 4)))
                .containsExactlyInAnyOrder("In talks", "Clear need (now)", "Ideal", "8000.00", close.toString());
        long id = fixtures.id(shop, "S1");
        assertThat(states.find(shop.id(), id).expectedCloseOn()).isEqualTo(close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLostCustomerIsNotSavedWithoutItsReason() {
        navigate("customers/S1", CustomerDetailView.class);
        test((ComboBox<SalesStage>) find(ComboBox.class).withId("sales-stage").single()).selectItem("Lost");
        TextField reason = find(TextField.class).withId("sales-lost-reason").single();
        assertThat(reason.isVisible()).isTrue();

        test(find(Button.class).withId("sales-save").single()).click();

        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Say why the customer was lost.");
        long id = fixtures.id(shop, "S1");
        assertThat(states.history(shop.id(), id, 10)).isEmpty();
    }

    @Test
    void theSectionSpeaksChinese() {
        TestTenants.signIn(shop.owner().withLocale(Locale.SIMPLIFIED_CHINESE));
        openNewTab();
        navigate("customers/S1", CustomerDetailView.class);
        assertThat(grade()).startsWith("暂无意向等级");
        assertThat(find(Button.class).withId("sales-save").single().getText()).isEqualTo("保存销售状态");
    }

    private String grade() {
        return find(Paragraph.class).withId("sales-grade").single().getText();
    }
}
