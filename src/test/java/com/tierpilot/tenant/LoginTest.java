package com.tierpilot.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class LoginTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    AuthenticationProvider login;
    @Autowired
    UserAdminService userAdmin;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @AfterEach
    void cleanUp() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void aCorrectPasswordSignsTheUserInWithATenantBoundPrincipal() {
        TierPilotUser owner = tenants.signUp("Right Password Co").owner();

        var result = login.authenticate(credentials(owner.email(), TestTenants.PASSWORD));

        assertThat(result.getPrincipal()).isInstanceOfSatisfying(TierPilotUser.class,
                user -> assertThat(user.tenantId()).isEqualTo(owner.tenantId()));
    }

    @Test
    void anUnknownAddressAWrongPasswordAndAWaitingLoginAllGetTheSameAnswer() {
        TierPilotUser owner = tenants.signUp("Same Answer Co").owner();
        String attacker = TestTenants.nextAddress();

        Throwable unknown = refusal(credentials("nobody-" + owner.email(), "wrong-password", attacker));
        Throwable wrong = refusal(credentials(owner.email(), "wrong-password", attacker));
        for (int i = 0; i < 10; i++) {
            refusal(credentials(owner.email(), "wrong-password", attacker));
        }
        Throwable waiting = refusal(credentials(owner.email(), TestTenants.PASSWORD, attacker));

        for (Throwable answer : List.of(unknown, wrong, waiting)) {
            assertThat(answer).isExactlyInstanceOf(BadCredentialsException.class).hasMessage(wrong.getMessage());
        }
    }

    @Test
    void aGuesserIsSlowedDownByDoublingDelaysWhileTheOwnerSignsInFromElsewhereAtOnce() {
        TierPilotUser owner = tenants.signUp("Throttle Co").owner();
        String attacker = TestTenants.nextAddress();
        for (int i = 0; i < 3; i++) {
            refusal(credentials(owner.email(), "wrong-password", attacker));
        }
        assertThat(signsIn(owner.email(), attacker)).as("three failures are free").isTrue();
        for (int i = 0; i < 3; i++) {
            refusal(credentials(owner.email(), "wrong-password", attacker));
        }

        // The fourth failure in a row makes that address wait 1 s for this account, the next 2 s, then 4 s, 8 s;
        // a try while waiting counts as a failure.
        refusal(credentials(owner.email(), "wrong-password", attacker));
        clock.advance(Duration.ofMillis(1001));
        refusal(credentials(owner.email(), "wrong-password", attacker));
        clock.advance(Duration.ofMillis(2001));
        refusal(credentials(owner.email(), "wrong-password", attacker));
        clock.advance(Duration.ofSeconds(3));
        assertThat(signsIn(owner.email(), attacker)).as("still waiting: 4 s").isFalse();

        assertThat(signsIn(owner.email(), TestTenants.nextAddress())).as("the owner, elsewhere").isTrue();
        clock.advance(Duration.ofSeconds(7));
        assertThat(signsIn(owner.email(), attacker)).as("still waiting: 8 s").isFalse();
        clock.advance(Duration.ofSeconds(17));
        assertThat(signsIn(owner.email(), attacker)).isTrue();
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDownForEveryAccount() {
        TierPilotUser owner = tenants.signUp("Sprayed Co").owner();
        String sprayer = TestTenants.nextAddress();
        for (int i = 0; i < 11; i++) {
            refusal(credentials("victim" + i + "@sprayed.example", "Summer2026!", sprayer));
        }

        assertThat(signsIn(owner.email(), sprayer)).isFalse();
        assertThat(signsIn(owner.email(), TestTenants.nextAddress())).isTrue();
    }

    @Test
    void aDeactivatedUserCannotSignIn() {
        var tenant = tenants.signUp("Strict Co").signInAsOwner();
        TierPilotUser marketer = tenant.addUser(Role.MARKETER);

        userAdmin.deactivate(tenant.id(), tenant.owner().userId(), marketer.userId());

        assertThatThrownBy(() -> login.authenticate(credentials(marketer.email(), TestTenants.PASSWORD)))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        TierPilotUser owner = tenants.signUp("Session Co").owner();
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        MvcResult result = mvc.perform(post("/login").param("username", owner.email())
                .param("password", TestTenants.PASSWORD).with(csrf()).session(session))
                .andExpect(authenticated()).andReturn();

        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void aWrongPasswordOverHttpLeadsBackToTheLoginPage() throws Exception {
        TierPilotUser owner = tenants.signUp("Http Co").owner();

        mvc.perform(formLogin("/login").user(owner.email()).password("not-the-password"))
                .andExpect(unauthenticated())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/login?error"));
    }

    @Test
    void aLoginPostWithTheRightPasswordButWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        TierPilotUser owner = tenants.signUp("Forged Login Co").owner();
        var browser = new Browser(port);
        String token = browser.loginPageToken();

        // What a page on another site can send: no token, or one it made up. Refused (back to the login page).
        for (String forged : java.util.Arrays.asList(null, "made-up-token")) {
            HttpResponse<String> answer = browser.postLogin(owner.email(), TestTenants.PASSWORD, forged);
            assertThat(answer.statusCode()).as("token %s", forged).isIn(302, 403);
            assertThat(answer.headers().firstValue("Location")).as("token %s", forged)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            assertThat(browser.get("/").statusCode()).as("still not signed in").isEqualTo(302);
        }

        // The login page's own form sends the token and signs in.
        HttpResponse<String> signedIn = browser.postLogin(owner.email(), TestTenants.PASSWORD, token);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        assertThat(browser.get("/").statusCode()).as("signed in").isEqualTo(200);
    }

    @Test
    void aWrongPasswordWithTheTokenStillGetsTheUsualAnswer() throws Exception {
        TierPilotUser owner = tenants.signUp("Token Wrong Co").owner();
        var browser = new Browser(port);

        HttpResponse<String> answer = browser.postLogin(owner.email(), "not-the-password", browser.loginPageToken());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/login?error");
    }

    /** A browser with its own cookies, talking HTTP to the running application. */
    private static final class Browser {
        private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String base;

        Browser(int port) {
            this.base = "http://localhost:" + port;
        }

        /** Opens the login page and returns the CSRF token it gives its form. */
        String loginPageToken() throws Exception {
            HttpResponse<String> page = get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<meta name=\"_csrf_parameter\" content=\"_csrf\"");
            Matcher meta = META.matcher(page.body());
            assertThat(meta.find()).as("the login page carries the token").isTrue();
            return meta.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postLogin(String email, String password, @Nullable String csrfToken) throws Exception {
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (csrfToken == null ? "" : "&_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static UsernamePasswordAuthenticationToken credentials(String email, String password) {
        return credentials(email, password, "127.0.0.1");
    }

    private static UsernamePasswordAuthenticationToken credentials(String email, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    private Throwable refusal(UsernamePasswordAuthenticationToken credentials) {
        return org.assertj.core.api.Assertions.catchThrowable(() -> login.authenticate(credentials));
    }

    private boolean signsIn(String email, String address) {
        try {
            return login.authenticate(credentials(email, TestTenants.PASSWORD, address)).isAuthenticated();
        } catch (BadCredentialsException refused) {
            return false;
        }
    }
}
