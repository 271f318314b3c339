package com.tierpilot.segmentation.ui;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.segmentation.SegmentSize;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetTester;
import com.vaadin.flow.component.textfield.IntegerField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SegmentationViewsTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;

    TestTenant shop;

    @BeforeEach
    void aShopWithCustomers() {
        shop = tenants.signUp("Views Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        List<OrderRecord> orders = new ArrayList<>();
        LocalDate today = segmentation.today(shop.id());
        for (int c = 1; c <= 20; c++) {
            customers.upsertCustomers(shop.id(), List.of(customer("V" + c, "Customer " + c, "上海")));
            for (int o = 0; o < c % 7 + 1; o++) {
                orders.add(new OrderRecord("V" + c + "-" + o, "V" + c, today.minusDays(3L * c + 20L * o).atTime(10, 0),
                        BigDecimal.valueOf(50L * c), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertOrders(shop.id(), orders);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aMarketerChangesTheSettingsPreviewsThemAndSavesThem() {
        TestTenants.signIn(shop.addUser(Role.MARKETER));
        navigate(SegmentationSettingsView.class);

        test(find(IntegerField.class).withId("rfm-window").single()).setValue(180);
        new TabSheetTester<>(find(TabSheet.class).single()).select(2);
        test(find(Button.class).withId("lifecycle-up-active").single()).click();
        test(find(Button.class).withId("segmentation-preview").single()).click();

        assertThat(find(Grid.class).withId("preview-lifecycle").exists()).isTrue();
        test(find(Button.class).withId("segmentation-save").single()).click();

        var saved = segmentation.settings(shop.id());
        assertThat(saved.rfm().windowDays()).isEqualTo(180);
        assertThat(saved.lifecycle().order()).containsExactly(LifecycleStage.NEW, LifecycleStage.ACTIVE,
                LifecycleStage.LOYAL, LifecycleStage.AT_RISK);
        assertThat(saved.version()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChangeHistoryShowsWhoChangedWhichSettingFromWhatToWhat() {
        var marketer = shop.addUser(Role.MARKETER);
        TestTenants.signIn(marketer);
        navigate(SegmentationSettingsView.class);
        test(find(IntegerField.class).withId("rfm-window").single()).setValue(180);
        test(find(Button.class).withId("segmentation-save").single()).click();

        test(find(Button.class).withId("settings-history-button").single()).click();

        Grid<com.tierpilot.segmentation.SettingsChangeEntry> history = find(Grid.class).withId("settings-history")
                .single();
        assertThat(test(history).size()).isEqualTo(1);
        var change = test(history).getRow(0);
        assertThat(change.userName()).isEqualTo(marketer.displayName());
        assertThat(change.scheme()).isEqualTo("RFM");
        assertThat(change.differences()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("windowDays");
            assertThat(d.before()).isEqualTo("365");
            assertThat(d.after()).isEqualTo("180");
        });
        assertThat(test(history).getCellText(0, 2)).isEqualTo("RFM");
    }

    @Test
    void theSchemeButtonsGiveWayToTheRuleSegmentsOwnOnTheRuleTab() {
        navigate(SegmentationSettingsView.class);
        var buttons = find(Button.class).withId("segmentation-save").single().getParent().orElseThrow();
        assertThat(buttons.isVisible()).isTrue();

        new TabSheetTester<>(find(TabSheet.class).single()).select(3);

        assertThat(buttons.isVisible()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSegmentBrowserShowsTheCurrentRunAndOpensTheCustomersOfASegment() {
        segmentation.runNow(shop.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);

        navigate(SegmentsView.class);

        assertThat(find(Paragraph.class).withId("segments-current-run").single().getText()).contains("20 customers");
        Grid<SegmentSize> lifecycle = find(Grid.class).withId("segments-lifecycle").single();
        int total = 0;
        for (int i = 0; i < test(lifecycle).size(); i++) {
            total += test(lifecycle).getRow(i).customers();
        }
        assertThat(total).isEqualTo(20);
        Grid<SegmentSize> abc = find(Grid.class).withId("segments-abc").single();
        assertThat(test(abc).getCellText(0, 0)).startsWith("A");
        Grid<SegmentSize> rfm = find(Grid.class).withId("segments-rfm").single();
        List<com.tierpilot.segmentation.RfmSegment> shown = new ArrayList<>();
        for (int i = 0; i < test(rfm).size(); i++) {
            shown.add(com.tierpilot.segmentation.RfmSegment.ofKey(test(rfm).getRow(i).segment()));
        }
        assertThat(shown).as("the R x F map's order, Champions first, not alphabetical").hasSizeGreaterThan(1)
                .isSorted();
    }

    @Test
    void anOwnerWhoKeepsSegmentsFreshWithinAMinuteSeesWhichCutPointsAreInForce() {
        LocalDate today = segmentation.today(shop.id());
        segmentation.runNow(shop.id(), null, com.tierpilot.segmentation.RunTrigger.SCHEDULE);
        navigate(SegmentationSettingsView.class);
        var fresh = find(com.vaadin.flow.component.checkbox.Checkbox.class).withId("segmentation-intraday").single();
        assertThat(fresh.getValue()).isFalse();
        assertThat(fresh.getHelperText()).contains("as of the next day");

        test(fresh).click();
        customers.upsertOrders(shop.id(), List.of(new OrderRecord("FRESH-1", "V3", today.atStartOfDay(),
                new BigDecimal("800"), 1, null, null, OrderStatus.COMPLETED)));
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> segmentation.currentRun(shop.id()).orElseThrow().trigger()
                        == com.tierpilot.segmentation.RunTrigger.INTRADAY);

        navigate(SegmentsView.class);
        assertThat(find(Paragraph.class).withId("segments-cut-points").single().getText())
                .startsWith("Cut points of the full run as of ").contains("; 1 customers updated since by API orders");
    }

    @Test
    void anAccountManagerSeesTheSegmentsButCannotRecompute() {
        segmentation.runNow(shop.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);
        TestTenants.signIn(shop.addUser(Role.ACCOUNT_MANAGER));

        navigate(SegmentsView.class);

        assertThat(find(Button.class).withId("segments-recompute").exists()).isFalse();
        assertThat(find(Grid.class).withId("segments-rfm").exists()).isTrue();
    }
}
