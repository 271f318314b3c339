package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tierpilot.support.MailedSignUpLinks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production jar as an operator runs it, checked from outside as a new customer would use it: sign up (opening the
 * confirmation link that the jar, without SMTP, writes to its log at {@code -Dsmoke.log}), see the
 * dashboard, create an API token and make a REST call with it. The jar runs in its own JVM (CI starts it on MariaDB
 * with the {@code mysql} profile) at {@code -Dtierpilot.smoke.url}; this test has no Spring context of its own.
 * Run by {@code .ci/run} through the {@code smoke} Maven profile.
 */
class ProductionJarSmokeIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private final String base = baseUrl();

    private static String baseUrl() {
        String url = System.getProperty("tierpilot.smoke.url", "");
        if (url.isBlank()) {
            throw new IllegalStateException("Set -Dtierpilot.smoke.url to the running jar, e.g. http://127.0.0.1:8080");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The sign-up link that the jar logged for this address ({@code -Dsmoke.log}: the jar's log file). */
    private static String linkInJarLog(String email) {
        String log = System.getProperty("tierpilot.smoke.log", "");
        if (log.isBlank()) {
            throw new IllegalStateException("Set -Dsmoke.log to the running jar's log file");
        }
        return Awaitility.await("the sign-up link of " + email + " in " + log).atMost(Duration.ofSeconds(30))
                .until(() -> Files.readAllLines(Path.of(log)).stream().map(MailedSignUpLinks.LINE::matcher)
                        .filter(line -> line.find() && line.group(1).equals(email)).map(line -> line.group(2))
                        .reduce((first, last) -> last), Optional::isPresent).orElseThrow();
    }

    @Test
    void aNewCompanySignsUpSeesItsDashboardAndCallsTheRestApiWithItsOwnToken() throws IOException,
            InterruptedException {
        String email = "smoke-" + UUID.randomUUID() + "@example.com";
        Page page = browser.newPage("en-US");
        page.setViewportSize(1366, 768);

        // The production bundle is served: Vaadin's client starts, and nothing of development mode is there.
        page.navigate(base + "/signup");
        SignUp.send(page, "Smoke Test Tea House", "Lin Wei", email, "Smoke-test-password-" + UUID.randomUUID());

        // The jar has no SMTP server: it logs the confirmation link instead of mailing it. Its button activates the
        // company and signs the owner in.
        SignUp.activate(page, linkInJarLog(email));

        // The dashboard of the new company.
        page.waitForURL(Pattern.compile("^" + Pattern.quote(base) + "/(\\?.*)?$"));
        assertThat(page.locator("#tenant-name")).hasText("Smoke Test Tea House");
        assertThat(page.getByText("Welcome, Lin Wei")).isVisible();
        assertThat(page.locator("vaadin-dev-tools, copilot-main")).hasCount(0);

        // An API token, shown once.
        page.navigate(base + "/settings");
        page.locator("#api-token-create").click();
        page.locator("#api-token-name input").fill("Shop system");
        page.locator("#api-token-save").click();
        String token = page.locator("#new-api-token input").inputValue();
        assertThat(token).startsWith("tp_");

        // REST: create a customer with it, then read the customer back.
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/customers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"code\": \"SMOKE-1\", \"name\": \"王芳\"}]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("\"created\":1");

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/SMOKE-1"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(read.body()).contains("王芳");

        // Without the token the API answers 401 as a problem detail, not with the login page.
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/customers/SMOKE-1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
