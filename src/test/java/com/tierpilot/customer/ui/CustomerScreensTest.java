package com.tierpilot.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerLinks;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.CustomerRow;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CustomerScreensTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    PointsLedgerService points;
    @Autowired
    com.tierpilot.customer.CustomerProfileService queries;
    @Autowired
    com.tierpilot.support.MutableClock clock;

    TestTenant shop;

    @BeforeEach
    void aShopWithSixCustomersAfterARecompute() {
        shop = tenants.signUp("Screens Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        LocalDate today = segmentation.today(shop.id());
        List<OrderRecord> orders = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("K" + n, "Customer " + n, null, null,
                    null, null, n % 2 == 0 ? "上海" : "北京", null, null, null, null,
                    n == 6 ? Set.of("VIP") : Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of())));
            orders.add(new OrderRecord("K-O" + n, "K" + n, today.minusDays(5).atTime(10, 0),
                    BigDecimal.valueOf(1000L * n * n), 1, "茶叶", null, OrderStatus.COMPLETED));
        }
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSegmentBrowsersLinkOpensTheListFilteredToThatTier() {
        com.vaadin.flow.component.UI.getCurrent().navigate(CustomerListView.class,
                com.vaadin.flow.router.QueryParameters.simple(Map.of("abc", "A")));

        Grid<CustomerRow> grid = find(Grid.class).withId("customer-grid").single();
        ComboBox<String> abc = find(ComboBox.class).withId("customer-abc").single();
        assertThat(abc.getValue()).isEqualTo("A");
        assertThat(rows(grid)).isNotEmpty().allSatisfy(r -> assertThat(r.abcTier()).isEqualTo("A"))
                .extracting(CustomerRow::code).contains("K6");
        assertThat(find(Span.class).withId("customer-count").single().getText()).endsWith("customers");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchingAndFilteringNarrowTheListAndUnknownFiltersFromTheUrlAreIgnored() {
        com.vaadin.flow.component.UI.getCurrent().navigate(CustomerListView.class,
                com.vaadin.flow.router.QueryParameters.simple(Map.of("region", "上海", "manager", "999999", "rfm",
                        "not-a-segment")));
        Grid<CustomerRow> grid = find(Grid.class).withId("customer-grid").single();
        assertThat(rows(grid)).extracting(CustomerRow::code).containsExactly("K2", "K4", "K6");
        assertThat(find(ComboBox.class).withId("customer-manager").single().getValue()).isNull();

        test(find(TextField.class).withId("customer-search").single()).setValue("Customer 6");

        assertThat(rows(grid)).extracting(CustomerRow::code).containsExactly("K6");
        assertThat(find(Span.class).withId("customer-count").single().getText()).isEqualTo("1 customers");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theColumnChooserHidesAColumn() {
        CustomerListView view = navigate(CustomerListView.class);
        Grid<CustomerRow> grid = find(Grid.class).withId("customer-grid").single();
        var tags = grid.getColumns().stream().filter(c -> c.getHeaderText().equals("Tags")).findFirst().orElseThrow();
        assertThat(tags.isVisible()).isTrue();

        var item = view.columnMenu().getItems().stream().filter(i -> i.getText().equals("Tags")).findFirst()
                .orElseThrow();
        item.setChecked(false);
        com.vaadin.flow.component.ComponentUtil.fireEvent(item, new com.vaadin.flow.component.ClickEvent<>(item));

        assertThat(tags.isVisible()).isFalse();
    }

    @Test
    void anAccountManagerCannotDownloadTheList() {
        TestTenants.signIn(shop.addUser(Role.ACCOUNT_MANAGER));

        navigate(CustomerListView.class);

        assertThat(find(Anchor.class).withId("customer-export-csv").exists()).isFalse();
    }

    @Test
    void theCustomerPageShowsProfileOrdersSegmentsPredictionAndPoints() {
        points.award(shop.id(), idOf("K6"), 360, PointsReason.ORDER, "K-O6", "order:K-O6", null);

        navigate("customers/K6", CustomerDetailView.class);

        assertThat(find(H2.class).withId("customer-title").single().getText()).isEqualTo("Customer 6 · K6");
        assertThat(find(Paragraph.class).withId("customer-order-summary").single().getText())
                .startsWith("1 orders");
        assertThat(find(com.vaadin.flow.component.orderedlayout.VerticalLayout.class).withId("customer-segments")
                .single().getElement().getTextRecursively()).contains("value tier A");
        assertThat(find(Paragraph.class).withId("customer-prediction-figures").single().getText())
                .startsWith("Still a customer with a probability of").contains("worth about CN¥");
        assertThat(find(Paragraph.class).withId("customer-points-balance").single().getText())
                .isEqualTo("360 points.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPointsEntryBookedAtTwentyToOneAtNightShowsOnItsDayInTheCompanysTimeZone() {
        // 00:34 tomorrow in Shanghai is 16:34 today in UTC, the server's zone.
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        java.time.ZonedDateTime night = LocalDate.now(clock.withZone(shanghai)).plusDays(1).atTime(0, 34)
                .atZone(shanghai);
        clock.advance(java.time.Duration.between(clock.instant(), night.toInstant()));
        points.award(shop.id(), idOf("K6"), 50, PointsReason.MANUAL, null, "late-night", null);

        navigate("customers/K6", CustomerDetailView.class);

        Grid<com.tierpilot.loyalty.PointsEntry> entries = find(Grid.class).withId("customer-points-entries").single();
        String when = test(entries).getCellText(0, 0);
        assertThat(when).isEqualTo(java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                .withLocale(java.util.Locale.ENGLISH).format(night))
                .contains(String.valueOf(night.getDayOfMonth())).contains("12:34");
        assertThat(when).doesNotContain(night.minusDays(1).getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                java.util.Locale.ENGLISH) + " " + night.minusDays(1).getDayOfMonth() + ",");
    }

    @Test
    void aCustomerWhoseCodeHasSlashesSpacesAndSignsOpensFromItsLink() {
        for (String code : List.of("KH/2024/001", "A 1#2?x=3", "50%OFF", "B+C", "客户/甲")) {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord(code, "Odd " + code, null, null, null,
                    null, null, null, null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of())));

            navigate(CustomerLinks.page(code), CustomerDetailView.class);

            assertThat(find(H2.class).withId("customer-title").single().getText()).as(code)
                    .isEqualTo("Odd " + code + " · " + code);
        }
        assertThat(CustomerLinks.page("KH/2024/001")).isEqualTo("customers/KH/2024/001");
        assertThat(CustomerLinks.page("A 1#2?x=3")).isEqualTo("customers/A%201%232%3Fx%3D3");
    }

    @Test
    void anotherCompanysCustomerIsNotFound() {
        TestTenant other = tenants.signUp("Other Screens Co");
        customers.upsertCustomers(other.id(), List.of(new CustomerRecord("SECRET", "Secret", null, null, null,
                null, null, null, null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of())));

        navigate("customers/SECRET", CustomerDetailView.class);

        assertThat(find(H2.class).withId("customer-not-found").exists()).isTrue();
        assertThat(find(H2.class).withId("customer-title").exists()).isFalse();
    }

    private long idOf(String code) {
        return queries.byCode(shop.id(), code).orElseThrow().id();
    }

    private static List<CustomerRow> rows(Grid<CustomerRow> grid) {
        return grid.getGenericDataView().getItems().toList();
    }
}
