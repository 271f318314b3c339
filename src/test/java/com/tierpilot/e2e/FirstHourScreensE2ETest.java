package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.demo.DemoStore;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.scheduling.NightlyPipelineService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.security.Principals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17, item 7, where a user sees it: at 1366×768 and 1920×1080, in Chinese (the owner) and English (an owner for
 * the owner's screens, a marketer for the others), on a copy of the demo store after a nightly run with the ABC
 * revisit plans, nothing that the issue names is cut off or off-screen: the users grid (names, e-mail, role, last
 * sign-in), the tasks' scripts, the customer search's placeholder, the nightly runs' steps; the sign-up card is
 * centred under its heading, and a customer's orders grid is as tall as its orders. Screenshots go to
 * target/screenshots.
 */
class FirstHourScreensE2ETest extends EndToEndTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantProvisioningService provisioning;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    Principals principals;
    @Autowired
    MutableClock clock;
    @Autowired
    RevisitPlanService plans;
    @Autowired
    NightlyPipelineService pipeline;
    @Autowired
    JdbcTemplate jdbc;

    /** What was found cut off, misplaced or empty, per screen: checked at the end, so one run shows all of it. */
    private final List<String> findings = new ArrayList<>();

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theScreensOfTheFirstHourShowEveryTextWholeAtBothSizesInBothLanguages() throws Exception {
        TestTenant shop = tenants.signUp("版面茶行", CampaignFixtures.SHANGHAI, SupportedLocales.CHINESE)
                .signInAsOwner();
        new DemoStore(provisioning, customers, transaction, segmentation, principals, clock).copyInto(shop.id());
        plans.addAbcPresets(shop.id());
        pipeline.runScheduled(shop.id(), RunTrigger.SCHEDULE, 1, false, null);
        TierPilotUser englishOwner = shop.addUser(Role.OWNER, SupportedLocales.ENGLISH);
        TierPilotUser marketer = shop.addUser(Role.MARKETER, SupportedLocales.ENGLISH);
        // A customer with a few orders: the grid shows them all, without empty rows below.
        String fewOrders = jdbc.queryForObject("""
                select c.code from customer c join customer_order o on o.tenant_id = c.tenant_id and o.customer_id = c.id
                 where c.tenant_id = ? group by c.code having count(*) between 2 and 4 order by c.code limit 1""",
                String.class, shop.id().value());
        TestTenants.signOut();

        for (String language : List.of("zh", "en")) {
            boolean zh = language.equals("zh");
            Page owner = browser.newPage("en-US");
            SignIn.as(owner, url("/login"), (zh ? shop.owner() : englishOwner).email(), TestTenants.PASSWORD);

            // Users: the names ("Manager 0"), e-mail, role and last sign-in are whole.
            Locator users = owner.locator("#users-grid");
            screen(owner, "users", language, "/users", () -> {
                assertThat(users).containsText("Manager 0");
                assertThat(users).containsText(zh ? "最近登录" : "Last sign-in");
            }, () -> Clipping.inGrid(users));

            // Nightly runs: the steps of the run are on screen, in sentences that wrap.
            Locator runs = owner.locator("#runs-grid");
            screen(owner, "runs", language, "/runs",
                    () -> assertThat(runs).containsText(zh ? "流失预测" : "Churn prediction"), () -> {
                        // The run's start stands at the top of its row, beside the first step, not below the fold.
                        List<String> cut = new ArrayList<>(Clipping.inGrid(runs));
                        double gap = ((Number) runs.evaluate("grid => {"
                                + " const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
                                + "   .filter(c => c.assignedSlot && c.assignedSlot.parentElement.localName === 'td');"
                                + " const row = cells[0].assignedSlot.parentElement.parentElement;"
                                + " const tops = cells.filter(c => c.assignedSlot.parentElement.parentElement === row)"
                                + "   .filter(c => c.textContent.trim()).map(c => c.getBoundingClientRect().top);"
                                + " return Math.max(...tops) - Math.min(...tops); }")).doubleValue();
                        if (gap > 20) {
                            cut.add("the first run's figures stand " + Math.round(gap) + " px apart in its row");
                        }
                        return cut;
                    });
            if (zh) {
                screensOfEveryone(owner, language, fewOrders);
            }
            owner.context().close();
        }
        Page english = browser.newPage("en-US");
        SignIn.as(english, url("/login"), marketer.email(), TestTenants.PASSWORD);
        screensOfEveryone(english, "en", fewOrders);
        english.context().close();

        // The sign-up card sits under its heading, in the middle of the page.
        for (String locale : List.of("zh-CN", "en-US")) {
            Page visitor = browser.newPage(locale);
            screen(visitor, "signup", locale.substring(0, 2), "/signup",
                    () -> assertThat(visitor.locator("#signup-company")).isVisible(), () -> {
                        double heading = centre(visitor.locator("h1.auth-title"));
                        double card = centre(visitor.locator(".signup-form"));
                        double middle = visitor.viewportSize().width / 2.0;
                        return Math.abs(card - heading) > 4 || Math.abs(card - middle) > 24
                                ? List.of("the card's centre at " + card + ", the heading's at " + heading)
                                : List.of();
                    });
            visitor.context().close();
        }
        assertThat(findings).as("cut off, misplaced or empty").isEmpty();
    }

    /** Tasks, customers and a customer page, as the signed-in user sees them. */
    private void screensOfEveryone(Page page, String language, String fewOrders) throws Exception {
        boolean zh = language.equals("zh");
        // My tasks: the scripts are read whole (they wrap), and no column runs off the grid.
        Locator tasks = page.locator("#tasks-grid");
        screen(page, "tasks", language, "/tasks", () -> assertThat(tasks.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(zh ? "A 类客户：每月拜访" : "Tier A: monthly visit"))
                .first()).isAttached(), () -> {
                    List<String> cut = new ArrayList<>(Clipping.inGrid(tasks));
                    double height = tasks.boundingBox().height;
                    if (height < 300) {
                        cut.add("the tasks grid is " + Math.round(height) + " px high, room for a row or two");
                    }
                    return cut;
                });

        // Customers: the search field's placeholder fits, and the grid's columns are whole.
        Locator search = page.locator("#customer-search");
        Locator grid = page.locator("#customer-grid");
        screen(page, "customers", language, "/customers",
                () -> assertThat(grid.locator("vaadin-grid-cell-content").nth(20)).isAttached(), () -> {
                    List<String> cut = new ArrayList<>(Clipping.ofPlaceholder(search));
                    cut.addAll(Clipping.inGrid(grid));
                    return cut;
                });

        // A customer with a few orders: the orders grid holds them without a tall empty part.
        Locator orders = page.locator("#customer-orders");
        screen(page, "customer", language, "/customers/" + fewOrders,
                () -> assertThat(orders.locator("vaadin-grid-cell-content").first()).isAttached(), () -> {
                    double empty = ((Number) orders.evaluate("grid => {"
                            + " const table = grid.shadowRoot.querySelector('#table');"
                            + " const rows = [...grid.shadowRoot.querySelectorAll('#items tr, thead tr')]"
                            + "   .filter(r => !r.hidden);"
                            + " const used = rows.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0);"
                            + " return table.getBoundingClientRect().height - used; }")).doubleValue();
                    List<String> cut = new ArrayList<>(Clipping.inGrid(orders));
                    if (empty > 10) {
                        cut.add(Math.round(empty) + " px empty under the orders");
                    }
                    return cut;
                });
    }

    /** Opens the screen at both sizes, waits until it shows what {@code ready} expects, and checks it. */
    private void screen(Page page, String name, String language, String path, Runnable ready,
            Supplier<List<String>> check) throws Exception {
        Clipping.atBothSizes(page, "layout-" + name + "-" + language, () -> {
            page.navigate(url(path));
            ready.run();
        }, check).forEach(cut -> findings.add(name + ", " + language + ", " + cut));
    }

    private static double centre(Locator element) {
        var box = element.boundingBox();
        return box.x + box.width / 2;
    }
}
