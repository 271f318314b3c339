package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.sales.ProspectGradeService;
import com.tierpilot.sales.SalesFixtures;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account manager works the shared pool (公海): claims a prospect from the pool, logs a follow-up on its page,
 * sees its A-E grade, and cannot open a colleague's customer by its address.
 */
class SharedPoolE2ETest extends EndToEndTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    CustomerAssignmentService assignment;

    @Test
    void aManagerClaimsFromThePoolLogsAFollowUpSeesTheGradeAndCannotOpenAColleaguesCustomer() {
        TestTenant shop = fixtures.companyWith("Pool Tea House", "POOL-1", "POOL-2", "COL-1");
        TierPilotUser east = shop.addUser(Role.ACCOUNT_MANAGER);
        TierPilotUser south = shop.addUser(Role.ACCOUNT_MANAGER, SupportedLocales.CHINESE);
        LocalDate today = grades.today(shop.id());
        fixtures.set(shop, "POOL-1", new SalesState(SalesStage.NEGOTIATING, null, today.plusDays(20), null,
                SalesNeed.NOW, null, null));
        grades.regrade(shop.id(), today);
        assignment.assignOne(shop.id(), "COL-1", south.userId().value());
        TestTenants.signOut();

        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), east.email(), TestTenants.PASSWORD);
        page.navigate(url("/pool"));
        assertThat(page.locator("#pool-load")).containsText("You own 0 of at most 800 customers");
        assertThat(page.locator("#pool-grid")).containsText("POOL-1");
        assertThat(page.locator("#pool-grid")).not().containsText("COL-1");
        shot(page, "pool-en");
        page.locator("[id='pool-claim-POOL-1']").click();
        assertThat(page.locator("#pool-load")).containsText("You own 1 of at most 800 customers");

        page.navigate(url("/customers/POOL-1"));
        assertThat(page.locator("#ownership-status")).containsText("Owner: " + east.displayName());
        assertThat(page.locator("#sales-grade")).containsText("Grade A");
        page.locator("#followup-log-note textarea").fill("Wants a quote for 200 boxes");
        page.locator("#followup-log-save").click();
        assertThat(page.locator("#followup-logs")).containsText("Wants a quote for 200 boxes");
        shot(page, "customer-en");

        page.navigate(url("/customers/COL-1"));
        assertThat(page.locator("#customer-not-found")).isVisible();
        assertThat(page.locator("body")).not().containsText("Prospect COL-1");

        Page chinese = browser.newPage("en-US"); // south works in Chinese, the language of the account
        SignIn.as(chinese, url("/login"), south.email(), TestTenants.PASSWORD);
        chinese.navigate(url("/pool"));
        assertThat(chinese.locator("#pool-load")).containsText("您负责 1 位客户");
        shot(chinese, "pool-zh");
        chinese.navigate(url("/customers/COL-1"));
        assertThat(chinese.locator("#ownership-status")).containsText("负责人：");
        shot(chinese, "customer-zh");
        chinese.navigate(url("/customers/POOL-1"));
        assertThat(chinese.locator("#customer-not-found")).isVisible();
    }

    /** Screenshots at both sizes, to look at (target/e2e, outside the repository). */
    private static void shot(Page page, String name) {
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            page.setViewportSize(size[0], size[1]);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "e2e", "pool-" + name + "-" + size[0] + ".png")));
        }
    }
}
