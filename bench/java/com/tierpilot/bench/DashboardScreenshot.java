package com.tierpilot.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;

/**
 * Takes the README's screenshot of the dashboard: signs in to a running TierPilot as the demo owner, in headless
 * Chromium, waits until every chart has drawn, and saves the page. Not a benchmark; it lives here because it runs the
 * same way, with the test classpath:
 * <pre>
 * ./mvnw spring-boot:run   # in another shell, on a fresh ./data
 * ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=com.tierpilot.bench.DashboardScreenshot \
 *     -Dbench.args="http://localhost:8080 docs/dashboard.png"
 * </pre>
 */
public final class DashboardScreenshot {

    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path file = Path.of(args.length > 1 ? args[1] : "docs/dashboard.png");
        try (Playwright playwright = HeadlessChromium.playwright()) {
            Browser browser = HeadlessChromium.launch(playwright);
            Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                    .setViewportSize(1440, 2200)).newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(base + "/login");
            page.locator("vaadin-login-form input[name='username']").fill("owner@demo.tierpilot.cn");
            page.locator("vaadin-login-form input[name='password']").fill("TierPilot-demo-2026");
            page.locator("vaadin-login-form vaadin-button").first().click();
            page.waitForURL(url -> !url.contains("/login"));
            // The demo owner speaks Chinese; the README is in English.
            page.locator("#user-menu vaadin-menu-bar-item").first().click();
            page.getByText("Language").or(page.getByText("语言")).first().click();
            page.locator("#language-en").click();
            page.waitForTimeout(2_000);
            page.navigate(base + "/");
            page.waitForFunction("() => document.querySelectorAll('tp-chart').length >= 7 && [...document"
                    + ".querySelectorAll('tp-chart')].every(c => c.shadowRoot?.querySelector('svg path'))");
            page.waitForTimeout(1_000);
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
            System.out.println("Saved " + file.toAbsolutePath());
        }
    }
}
