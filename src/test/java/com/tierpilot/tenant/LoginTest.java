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
import java.time.Duration;
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
