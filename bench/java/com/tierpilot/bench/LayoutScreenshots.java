package com.tierpilot.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Screenshots of every screen of a running TierPilot with the demo tenant, at 1366×768 and 1920×1080, in Chinese and
 * English (issue 17, item 7), into {@code target/layout/}; and a list of the grid cells whose text is cut off. Not a
 * benchmark; it runs the same way:
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=com.tierpilot.bench.LayoutScreenshots \
 *     -Dbench.args="http://localhost:8080"
 * </pre>
 */
public final class LayoutScreenshots {

    private static final List<String> SCREENS = List.of("", "customers", "customers/DS00001", "import", "segments",
            "segments/settings", "churn", "tasks", "revisit-plans", "campaigns", "campaigns/new", "coupons/redeem",
            "prediction", "rewards", "runs", "users", "settings");
    private static final List<int[]> SIZES = List.of(new int[] {1366, 768}, new int[] {1920, 1080});

    private static final String CLIPPED = """
            () => [...document.querySelectorAll('vaadin-grid-cell-content, vaadin-text-field, vaadin-button, h2, p')]
              .filter(e => e.offsetParent !== null)
              .flatMap(e => {
                if (e.localName === 'vaadin-text-field') {
                  const input = e.querySelector('input');
                  if (!input || !input.placeholder || input.value) return [];
                  const ctx = document.createElement('canvas').getContext('2d');
                  ctx.font = getComputedStyle(input).font;
                  return ctx.measureText(input.placeholder).width > input.clientWidth + 1
                    ? ['placeholder: ' + input.placeholder] : [];
                }
                const r = e.getBoundingClientRect();
                if (r.right > window.innerWidth + 1 && r.width > 0) return ['off-screen: ' + e.textContent.trim().slice(0, 40)];
                return e.scrollWidth > e.clientWidth + 1 && e.textContent.trim()
                  ? ['cut: ' + e.textContent.trim().slice(0, 40)] : [];
              })""";

    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path dir = Path.of(args.length > 1 ? args[1] : "target/layout");
        try (Playwright playwright = HeadlessChromium.playwright()) {
            Browser browser = HeadlessChromium.launch(playwright);
            for (String language : List.of("zh-CN", "en")) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(language)
                        .setViewportSize(1366, 768));
                context.setDefaultTimeout(60_000);
                Page page = context.newPage();
                for (String open : List.of("login", "signup")) {
                    for (int[] size : SIZES) {
                        shoot(page, base + "/" + open, dir, language, open, size);
                    }
                }
                page.navigate(base + "/login");
                page.locator("vaadin-login-form input[name='username']").fill("owner@demo.tierpilot.cn");
                page.locator("vaadin-login-form input[name='password']").fill("TierPilot-demo-2026");
                page.locator("vaadin-login-form vaadin-button").first().click();
                page.waitForURL(url -> !url.contains("/login"));
                page.locator("#user-menu vaadin-menu-bar-item").first().click();
                page.locator("vaadin-menu-bar-item, vaadin-context-menu-item")
                        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("Language|语言"))).first()
                        .click();
                page.locator("#language-" + language).click();
                page.waitForTimeout(3_000);
                for (String screen : SCREENS) {
                    for (int[] size : SIZES) {
                        shoot(page, base + "/" + screen, dir, language, screen.isEmpty() ? "dashboard" : screen,
                                size);
                    }
                }
                context.close();
            }
        }
    }

    private static void shoot(Page page, String url, Path dir, String language, String name, int[] size) {
        page.setViewportSize(size[0], size[1]);
        page.navigate(url);
        page.waitForLoadState();
        page.waitForTimeout(2_500);
        Path file = dir.resolve(language + "-" + size[0] + "-" + name.replace('/', '_') + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        Object clipped = page.evaluate(CLIPPED);
        System.out.printf("%-58s %s%n", file.getFileName(), clipped);
    }
}
