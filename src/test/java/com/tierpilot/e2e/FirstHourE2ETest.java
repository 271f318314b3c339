package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17 where a user sees it: the import wizard proposing order lines and warning about dropped repeats, the
 * upload in Chinese, the revisit presets in each viewer's language and added once, the team's load ahead with each
 * manager's capacity, and a points entry on its day in the company's zone. Screenshots of these screens at 1366×768
 * and 1920×1080 in both languages go to target/screenshots.
 */
class FirstHourE2ETest extends EndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    com.tierpilot.customer.CustomerProfileService customerQueries;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theImportWizardProposesOrderLinesAndWarnsWhenOrdersWouldDropRows(@TempDir Path dir) throws Exception {
        TestTenant shop = tenants.signUp("明细茶行", SHANGHAI, SupportedLocales.CHINESE);
        TierPilotUser marketer = shop.addUser(Role.MARKETER, SupportedLocales.ENGLISH);
        Path file = dir.resolve("订单明细.csv");
        Files.writeString(file, """
                订单号,商品名称,数量,下单时间,单价,客户编号,金额
                SO-1,龙井,2,2025-03-01 10:00,100,C1,200
                SO-1,碧螺春,1,2025-03-01 10:00,80,C1,80
                SO-1,茶具,1,2025-03-01 10:00,300,C1,300
                SO-2,普洱,3,2025-03-02 11:00,50,C2,150
                SO-2,白茶,1,2025-03-02 11:00,120,C2,120
                SO-3,龙井,1,2025-03-03 12:00,100,C1,100
                """.replace("\n", "\r\n"), Charset.forName("GBK"));

        for (var who : List.of(Map.entry("zh", shop.owner()), Map.entry("en", marketer))) {
            Page page = browser.newPage("en-US");
            SignIn.as(page, url("/login"), who.getValue().email(), TestTenants.PASSWORD);
            page.navigate(url("/import"));
            if (who.getKey().equals("zh")) {
                // The upload component speaks Chinese too.
                assertThat(page.locator("#import-upload")).containsText("选择文件");
                assertThat(page.locator("#import-upload")).containsText("将文件拖放到此处");
            }
            page.locator("#import-upload input[type=file]").setInputFiles(file);
            // The data, not the column names, says order lines: several rows of one order with other products.
            assertThat(page.locator("#import-lines-detected")).containsText("SO-1");
            assertThat(page.locator("#import-kind vaadin-radio-button[checked]")).hasText(
                    who.getKey().equals("zh") ? "订单明细" : "Order lines");
            Screenshots.shoot(page, "import-mapping-" + who.getKey());

            // Choosing "Orders" anyway: the preview says how many rows would be dropped, before anything is imported.
            page.locator("#import-kind vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(
                    who.getKey().equals("zh") ? "订单" : "Orders").setHasNotText(
                    who.getKey().equals("zh") ? "明细" : "lines")).click();
            page.locator("#import-preview").click();
            assertThat(page.locator("#import-preview-repeats")).containsText(
                    who.getKey().equals("zh") ? "6 行中有 3 行" : "3 of the 6 rows");
            Screenshots.shoot(page, "import-preview-repeats-" + who.getKey());
            page.locator("#import-use-lines").click();
            assertThat(page.locator("#import-kind vaadin-radio-button[checked]")).hasText(
                    who.getKey().equals("zh") ? "订单明细" : "Order lines");
            page.context().close();
        }
    }

    @Test
    void presetsShowInEachViewersLanguageAreAddedOnceAndTheTeamSeesItsLoadAhead() throws Exception {
        TestTenant shop = tenants.signUp("回访茶行", SHANGHAI, SupportedLocales.CHINESE);
        TierPilotUser marketer = shop.addUser(Role.MARKETER, SupportedLocales.ENGLISH);
        TierPilotUser manager = shop.addUser(Role.ACCOUNT_MANAGER, SupportedLocales.CHINESE);
        TestTenants.signIn(shop.owner());
        LocalDate today = segmentation.today(shop.id());
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("V" + i, "客户 " + i, null, null,
                    null, null, null, null, null, null, null, Set.of(), manager.userId(), LocalDate.of(2024, 1, 1),
                    true, Map.of())));
            orders.add(new OrderRecord("VO-" + i, "V" + i, today.minusDays(3).atTime(10, 0),
                    BigDecimal.valueOf(100L * i * i), 1, null, null, OrderStatus.COMPLETED));
        }
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        // Shown in the company's zone (the server runs in UTC): today's date in Shanghai.
        ledger.award(shop.id(), customerQueries.byCode(shop.id(), "V12").orElseThrow().id(), 120, PointsReason.MANUAL, null, "welcome", null);
        TestTenants.signOut();

        Page zh = browser.newPage("en-US");
        SignIn.as(zh, url("/login"), shop.owner().email(), TestTenants.PASSWORD);
        zh.navigate(url("/revisit-plans"));
        zh.locator("#plan-preset-abc").click();
        assertThat(zh.locator("#plan-grid")).containsText("A 类客户：每月拜访");
        assertThat(zh.locator("#plan-grid")).containsText("ABC 层级：");
        assertThat(zh.locator("#plan-preset-abc")).hasText("已添加 ABC 回访计划");
        assertThat(zh.locator("#plan-preset-abc")).isDisabled();
        Screenshots.shoot(zh, "revisit-plans-zh");
        // Before saving, the form says how many tasks a week the plan gives each manager.
        zh.locator("#plan-new").click();
        zh.locator("#plan-segment").click();
        zh.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("A 类")).click();
        assertThat(zh.locator("#plan-weekly-tasks")).containsText("每周约");
        assertThat(zh.locator("#plan-weekly-tasks")).containsText(manager.displayName());
        Screenshots.shoot(zh, "revisit-plan-form-zh");
        zh.keyboard().press("Escape");

        zh.navigate(url("/tasks"));
        assertThat(zh.locator("#tasks-team")).containsText(manager.displayName());
        assertThat(zh.locator("#tasks-team")).containsText("每日任务上限");
        Screenshots.shoot(zh, "tasks-team-zh");
        zh.navigate(url("/customers/V12"));
        assertThat(zh.locator("#customer-points")).containsText(String.valueOf(LocalDate.now(SHANGHAI).getDayOfMonth()));
        Screenshots.shoot(zh, "customer-points-zh");
        zh.context().close();

        Page en = browser.newPage("en-US");
        SignIn.as(en, url("/login"), marketer.email(), TestTenants.PASSWORD);
        en.navigate(url("/revisit-plans"));
        // The same plans, added by a Chinese-speaking owner, in English for this viewer.
        assertThat(en.locator("#plan-grid")).containsText("Tier A: monthly visit");
        assertThat(en.locator("#plan-preset-abc")).hasText("ABC plans added");
        Screenshots.shoot(en, "revisit-plans-en");
        en.navigate(url("/customers/V12"));
        Screenshots.shoot(en, "customer-points-en");
        en.context().close();
    }
}
