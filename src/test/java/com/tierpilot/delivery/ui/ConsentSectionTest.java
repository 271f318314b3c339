package com.tierpilot.delivery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.ui.CustomerDetailView;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.MarketingConsentService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer page shows the marketing consent per channel, and staff record it with how the customer said so. */
@IntegrationTest
class ConsentSectionTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    MarketingConsentService consent;

    TestTenant shop;
    long customer;

    @BeforeEach
    void aCustomerWithoutConsent() {
        shop = tenants.signUp("Consent Desk Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("C-9", "Chen", "13700137000",
                "chen@example.com", null, null, null, null, null, null, null, Set.of(), null, LocalDate.of(2025, 1, 1),
                true, Map.of())));
        customer = queries.byCode(shop.id(), "C-9").orElseThrow().id();
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void staffRecordThatTheCustomerAgreedToSmsAtTheCounter() {
        navigate("customers/C-9", CustomerDetailView.class);
        assertThat(find(Span.class).withId("consent-sms-state").single().getText()).isEqualTo("SMS: not given");
        find(TextField.class).withId("consent-sms-note").single().setValue("signed the form at the counter");
        test(find(Button.class).withId("consent-sms-toggle").single()).click();

        assertThat(find(Span.class).withId("consent-sms-state").single().getText())
                .startsWith("SMS: given (recorded by staff, ").endsWith("· signed the form at the counter");
        assertThat(find(Span.class).withId("consent-email-state").single().getText()).isEqualTo("E-mail: not given");
        assertThat(consent.mayReceive(shop.id(), customer, ChannelKind.SMS)).isTrue();
        assertThat(find(Button.class).withId("consent-sms-toggle").single().getText())
                .isEqualTo("Record withdrawal");
    }
}
