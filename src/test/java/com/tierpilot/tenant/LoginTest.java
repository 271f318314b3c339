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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
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
    void theFifthWrongPasswordLocksTheAccountForFifteenMinutes() {
        TierPilotUser owner = tenants.signUp("Lockout Co").owner();

        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> login.authenticate(credentials(owner.email(), "wrong-password")))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login.authenticate(credentials(owner.email(), "wrong-password")))
                .isInstanceOf(LockedException.class);
        // Locked: even the right password is refused now.
        assertThatThrownBy(() -> login.authenticate(credentials(owner.email(), TestTenants.PASSWORD)))
                .isInstanceOf(LockedException.class);

        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> login.authenticate(credentials(owner.email(), TestTenants.PASSWORD)))
                .isInstanceOf(LockedException.class);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login.authenticate(credentials(owner.email(), TestTenants.PASSWORD)).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulLoginResetsTheCountOfFailures() {
        TierPilotUser owner = tenants.signUp("Forgetful Co").owner();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login.authenticate(credentials(owner.email(), "nope-nope")));
        }
        login.authenticate(credentials(owner.email(), TestTenants.PASSWORD));

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login.authenticate(credentials(owner.email(), "nope-nope")))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }
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
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
