package com.tierpilot.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the user waits for, measured through a browser against a running TierPilot with the demo tenant (issue 17,
 * item 9): signing in until the dashboard has drawn its charts, switching the language until the page is back, an
 * account manager's churn list until its rows show, and a campaign's results until the figures show. Each is taken
 * several times and reported as median and range of
 * <ul>
 *   <li><b>wall</b>: from the click (or navigation) until the user sees the result, in headless Chromium;</li>
 *   <li><b>server</b>: the summed time-to-first-byte of the page and Vaadin's UIDL requests of that interval
 *   (they run one after another, so their sum is the time the server made the user wait).</li>
 * </ul>
 * The machine's load average is printed with every figure, because the figures mean little without it.
 * <pre>
 * PORT=8097 ./mvnw spring-boot:run     # in another shell, demo seeded
 * ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=com.tierpilot.bench.UiLatencyBench \
 *     -Dbench.args="http://localhost:8097 --samples 7"
 * </pre>
 * {@code --only login} with {@code --samples 1} right after a start measures the first login of a fresh JVM.
 */
public final class UiLatencyBench {

    private static final String PASSWORD = "TierPilot-demo-2026";
    private static final String OWNER = "owner@demo.tierpilot.cn";
    private static final String MANAGER = "am.east@demo.tierpilot.cn";
    private static final Pattern SERVER_REQUEST = Pattern.compile(".*(v-r=uidl|/login|:\\d+/(\\?.*)?$|/churn|"
            + "/campaigns/\\d+/results|/$).*");

    private static final boolean TRACE = Boolean.getBoolean("trace");

    private final String base;
    private final Browser browser;
    private final Map<String, List<double[]>> figures = new LinkedHashMap<>();

    private UiLatencyBench(String base, Browser browser) {
        this.base = base;
        this.browser = browser;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 && !args[0].startsWith("--") ? args[0] : "http://localhost:8080";
        int samples = intOption(args, "--samples", 5);
        String only = option(args, "--only", "all");
        try (Playwright playwright = HeadlessChromium.playwright()) {
            Browser browser = HeadlessChromium.launch(playwright);
            var bench = new UiLatencyBench(base, browser);
            for (int i = 0; i < samples; i++) {
                if (only.equals("all") || only.equals("login")) {
                    bench.login();
                }
                if (only.equals("all") || only.equals("language")) {
                    bench.languageSwitch();
                }
                if (only.equals("all") || only.equals("churn")) {
                    bench.managersChurnList();
                }
                if (only.equals("all") || only.equals("results")) {
                    bench.campaignResults();
                }
            }
            bench.report();
        }
    }

    /** The owner signs in; measured until the dashboard has drawn its charts. */
    private void login() {
        try (var session = new Session(OWNER, false)) {
            session.measure("login (owner, until the dashboard's charts are drawn)", () -> {
                session.page.locator("vaadin-login-form vaadin-button").first().click();
                session.page.waitForURL(url -> !url.contains("/login"));
                chartsDrawn(session.page);
            });
        }
    }

    /** The owner switches to English and back; measured until the reloaded dashboard has drawn its charts. */
    private void languageSwitch() {
        try (var session = new Session(OWNER, true)) {
            chartsDrawn(session.page);
            for (String language : List.of("en", "zh-CN")) {
                session.page.locator("#user-menu vaadin-menu-bar-item").first().click();
                session.page.locator("vaadin-menu-bar-item, vaadin-context-menu-item")
                        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("Language|语言"))).first()
                        .click();
                session.page.evaluate("() => window.beforeSwitch = true");
                session.measure("language switch (owner, to " + language + ", until the dashboard is drawn)", () -> {
                    session.page.locator("#language-" + language).click();
                    session.page.waitForFunction("() => !window.beforeSwitch");
                    chartsDrawn(session.page);
                });
            }
        }
    }

    /** An account manager opens the churn list; measured until its first rows show. */
    private void managersChurnList() {
        try (var session = new Session(MANAGER, true)) {
            session.measure("churn list (account manager, until the rows show)", () -> {
                session.page.navigate(base + "/churn");
                session.page.locator("#churn-grid vaadin-grid-cell-content a").first().waitFor();
            });
        }
    }

    /** The owner opens the results of the demo's first campaign (one is created and launched when none exists). */
    private void campaignResults() {
        try (var session = new Session(OWNER, true)) {
            String results = campaignResultsPath(session.page);
            session.measure("campaign results (owner, until the figures show)", () -> {
                session.page.navigate(base + results);
                session.page.locator("#campaign-revenue-lift").waitFor();
            });
        }
    }

    private String campaignResultsPath(Page page) {
        page.navigate(base + "/campaigns");
        Locator link = page.locator("vaadin-grid-cell-content a[href*='campaigns/']");
        try {
            link.first().waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        } catch (RuntimeException none) {
            try {
                page.locator("#campaign-new").click();
                page.locator("#campaign-name input").fill("Bench: every active customer");
                page.locator("#campaign-include input").click();
                page.locator("vaadin-multi-select-combo-box-item").first().click();
                page.keyboard().press("Escape");
                page.locator("#campaign-value input").fill("10");
                page.locator("#campaign-save").click();
                page.locator("#campaign-launch").click();
                page.locator("#campaign-results-link").waitFor();
            } catch (RuntimeException failed) {
                Path shot = Path.of("target", "bench-campaign.png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
                throw new IllegalStateException("Could not create the bench's campaign (see " + shot + "); "
                        + page.locator("vaadin-notification-card").allTextContents(), failed);
            }
            page.navigate(base + "/campaigns");
            link.first().waitFor();
        }
        return "/" + link.first().getAttribute("href").replaceFirst("^/", "") + "/results";
    }

    private static void chartsDrawn(Page page) {
        page.waitForFunction("() => document.querySelectorAll('tp-chart').length >= 5 && [...document"
                + ".querySelectorAll('tp-chart')].every(c => c.shadowRoot?.querySelector('svg path, canvas'))",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    private void report() {
        System.out.printf("%nload average at the end: %s%n", loadAverage());
        System.out.printf("%-72s %8s %8s %8s %8s %8s%n", "action", "n", "wall p50", "wall min", "srv p50",
                "srv max");
        figures.forEach((action, list) -> {
            List<Double> wall = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            list.forEach(f -> {
                wall.add(f[0]);
                server.add(f[1]);
            });
            Collections.sort(wall);
            Collections.sort(server);
            System.out.printf("%-72s %8d %8.0f %8.0f %8.0f %8.0f%n", action, list.size(), median(wall),
                    wall.getFirst(), median(server), server.getLast());
        });
        System.out.println("(ms; server = summed time to first byte of the page and UIDL requests)");
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** A browser window, optionally signed in already; records the server time of its requests. */
    private final class Session implements AutoCloseable {

        final Page page;
        private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

        Session(String email, boolean signIn) {
            page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                    .setViewportSize(1366, 768)).newPage();
            page.setDefaultTimeout(60_000);
            page.onRequestFinished(requests::add);
            page.navigate(base + "/login");
            page.locator("vaadin-login-form input[name='username']").fill(email);
            page.locator("vaadin-login-form input[name='password']").fill(PASSWORD);
            if (signIn) {
                page.locator("vaadin-login-form vaadin-button").first().click();
                page.waitForURL(url -> !url.contains("/login"));
            }
        }

        void measure(String action, Runnable steps) {
            requests.clear();
            long start = System.nanoTime();
            long startEpoch = System.currentTimeMillis();
            steps.run();
            double wall = (System.nanoTime() - start) / 1e6;
            double server;
            synchronized (requests) {
                if (TRACE) {
                    requests.forEach(r -> System.out.printf("  at %6.0f ttfb %6.0f end %6.0f  %s%n",
                            r.timing().startTime - startEpoch,
                            r.timing().responseStart - r.timing().requestStart, r.timing().responseEnd,
                            r.url().length() > 110 ? r.url().substring(0, 110) : r.url()));
                }
                server = requests.stream().filter(r -> SERVER_REQUEST.matcher(r.url()).matches())
                        .mapToDouble(r -> Math.max(0, r.timing().responseStart - r.timing().requestStart)).sum();
            }
            figures.computeIfAbsent(action, k -> new ArrayList<>()).add(new double[] {wall, server});
            System.out.printf("%-72s wall %6.0f ms  server %6.0f ms  load %s%n", action, wall, server,
                    loadAverage());
        }

        @Override
        public void close() {
            page.context().close();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, String.valueOf(fallback)));
    }
}
