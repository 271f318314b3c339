package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sign-up, sign-out, lockout and sign-in, in a real browser against the running application. */
class AuthenticationE2ETest extends EndToEndTest {

    /** The dashboard, possibly with the query Spring Security adds after a login. */
    private static final Pattern DASHBOARD = Pattern.compile("http://localhost:\\d+/(\\?.*)?");

    @Autowired
    TestTenants tenants;

    @Test
    void aNewCompanySignsUpSignsOutIsLockedOutAfterFiveWrongPasswordsAndAnotherCompanyStillSignsIn() {
        TestTenant other = tenants.signUp("Other Company");
        String email = "founder-" + UUID.randomUUID() + "@example.com";
        String password = "a-good-password-1";
        Page page = browser.newPage("en-US");

        // Sign up.
        page.navigate(url("/signup"));
        SignUp.andActivate(page, "Playwright Tea House", "Mei Chen", email, password);

        // The mailed link's button landed on the dashboard, signed in.
        page.waitForURL(DASHBOARD);
        assertThat(page.locator("#tenant-name")).hasText("Playwright Tea House");
        assertThat(page.getByText("Welcome, Mei Chen")).isVisible();

        // Sign out.
        signOut(page);
        page.waitForURL(Pattern.compile(".*/login.*"));

        // Wrong passwords make this browser wait, with the same answer as a wrong password: nothing says "locked".
        for (int attempt = 1; attempt <= 8; attempt++) {
            login(page, email, "wrong-password-" + attempt);
            assertThat(page.getByText("Incorrect e-mail or password")).isVisible();
        }
        login(page, email, password);
        assertThat(page.getByText("Incorrect e-mail or password")).isVisible();
        assertThat(page.getByText("locked")).hasCount(0);

        // Another company's owner signs in, with a fresh session id, to their own company.
        String sessionBefore = sessionId(page);
        login(page, other.owner().email(), TestTenants.PASSWORD);
        page.waitForURL(DASHBOARD);
        assertThat(page.locator("#tenant-name")).hasText("Other Company");
        assertThat(sessionId(page)).isNotEqualTo(sessionBefore);
    }

    @Test
    void theUserMenuOfTheFirstPageAfterLoginCanBeClickedWithNoDeveloperToolsOverTheProduct() {
        TestTenant shop = tenants.signUp("Menu Tea House");
        // An English browser; the owner's account speaks Chinese, so the pages after login are in Chinese.
        Page page = browser.newPage("en-US");
        page.setViewportSize(1366, 768);
        SignIn.as(page, url("/login"), shop.owner().email(), TestTenants.PASSWORD);
        assertThat(page.locator("#tenant-name")).hasText("Menu Tea House");

        // Nothing of Vaadin's development mode lies over the product (its pop-up used to cover this very menu).
        page.waitForLoadState();
        assertThat(page.locator("vaadin-dev-tools, copilot-main")).hasCount(0);

        // The menu opens with a normal click (Playwright refuses to click an element that something covers), and
        // the language can be switched from it.
        page.locator("#user-menu vaadin-menu-bar-button").first().click(new Locator.ClickOptions().setTimeout(5_000));
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("语言")).click();
        page.locator("#language-en").click();
        assertThat(page.locator("#main-nav")).containsText("Dashboard");
    }

    private void login(Page page, String email, String password) {
        page.navigate(url("/login"));
        SignIn.fill(page, email, password);
        page.waitForLoadState();
    }

    private static void signOut(Page page) {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
    }

    private static String sessionId(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map((Cookie c) -> c.value)
                .findFirst().orElse("");
    }
}
