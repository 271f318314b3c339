package com.tierpilot.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromium for the end-to-end tests: Debian's browser (no download), with the flags this sandbox needs.
 * Set {@code CHROMIUM} to use another binary. Started at a test class's first page, closed after the class.
 */
final class BrowserSupport implements AfterTestExecutionCallback, AfterAllCallback {

    private final List<Page> pages = new ArrayList<>();

    private @Nullable Playwright playwright;
    private @Nullable Browser browser;

    static {
        // Assertions wait for what a user would see; 5 s (Playwright's default) was too short for a chart or a
        // notification while CI's two cores also ran other builds. A passing assertion returns as soon as it holds.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    private Browser browser() {
        if (browser == null) {
            String executable = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
            if (!Files.isExecutable(Path.of(executable))) {
                throw new IllegalStateException("End-to-end tests need Chromium at " + executable
                        + " (apt-get install chromium), or CHROMIUM=/path/to/chrome");
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(Path.of(executable))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
        }
        return browser;
    }

    /** A new browser window with an empty profile, speaking the given language. */
    Page newPage(String locale) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions().setLocale(locale)
                .setTimezoneId("Asia/Shanghai").setViewportSize(1400, 900));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        pages.add(page);
        return page;
    }

    /** Leaves a screenshot of every open page in target/e2e when a test fails. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < pages.size(); i++) {
                Path file = Path.of("target", "e2e", context.getRequiredTestMethod().getName() + "-" + i + ".png");
                pages.get(i).screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            }
        }
        pages.forEach(p -> p.context().close());
        pages.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
