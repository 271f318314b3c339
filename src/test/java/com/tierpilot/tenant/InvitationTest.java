package com.tierpilot.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

@IntegrationTest
class InvitationTest {

    private static final String BASE = "https://crm.example.com";

    @Autowired
    TestTenants tenants;
    @Autowired
    UserAdminService userAdmin;
    @Autowired
    InvitationService invitations;
    @Autowired
    LoginLinkService loginLinks;
    @Autowired
    MutableClock clock;

    @AfterEach
    void cleanUp() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void anInviteeJoinsTheTenantWithTheRoleTheOwnerChoseAndIsSignedIn() {
        TestTenant tenant = tenants.signUp("Invite Co").signInAsOwner();
        String email = "am-" + UUID.randomUUID() + "@example.com";

        InvitationLink link = invite(tenant, email, Role.ACCOUNT_MANAGER);

        assertThat(link.url()).startsWith(BASE + "/invite/");
        assertThat(link.emailed()).as("no SMTP is configured in tests").isFalse();
        assertThat(link.expiresAt()).isAfter(clock.instant().plus(Duration.ofDays(7)).minusSeconds(5));
        assertThat(invitations.preview(token(link))).hasValueSatisfying(p -> {
            assertThat(p.tenantName()).isEqualTo("Invite Co");
            assertThat(p.email()).isEqualTo(email);
            assertThat(p.role()).isEqualTo(Role.ACCOUNT_MANAGER);
        });

        LoginLink login = invitations.accept(token(link), "王磊", TestTenants.PASSWORD, SupportedLocales.CHINESE);
        TierPilotUser user = loginLinks.redeem(login.path().substring(login.path().indexOf('=') + 1)).orElseThrow();

        assertThat(user.tenantId()).isEqualTo(tenant.id());
        assertThat(user.role()).isEqualTo(Role.ACCOUNT_MANAGER);
        assertThat(user.displayName()).isEqualTo("王磊");
    }

    @Test
    void anInvitationCanBeAcceptedOnlyOnce() {
        TestTenant tenant = tenants.signUp("Once Co").signInAsOwner();
        InvitationLink link = invite(tenant, "once-" + UUID.randomUUID() + "@example.com", Role.MARKETER);
        invitations.accept(token(link), "First", TestTenants.PASSWORD, SupportedLocales.ENGLISH);

        assertThat(invitations.preview(token(link))).isEmpty();
        assertThatThrownBy(() -> invitations.accept(token(link), "Second", TestTenants.PASSWORD,
                SupportedLocales.ENGLISH)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("invite.error.invalid");
    }

    @Test
    void anInvitationExpiresAfterSevenDays() {
        TestTenant tenant = tenants.signUp("Late Co").signInAsOwner();
        InvitationLink link = invite(tenant, "late-" + UUID.randomUUID() + "@example.com", Role.MARKETER);

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(invitations.preview(token(link))).isEmpty();
        assertThatThrownBy(() -> invitations.accept(token(link), "Late", TestTenants.PASSWORD,
                SupportedLocales.ENGLISH)).hasMessageContaining("invite.error.invalid");
    }

    @Test
    void aRevokedInvitationNoLongerWorks() {
        TestTenant tenant = tenants.signUp("Revoke Co").signInAsOwner();
        InvitationLink link = invite(tenant, "gone-" + UUID.randomUUID() + "@example.com", Role.MARKETER);
        PendingInvitation pending = userAdmin.pendingInvitations(tenant.id()).getFirst();

        userAdmin.revokeInvitation(tenant.id(), pending.id());

        assertThat(userAdmin.pendingInvitations(tenant.id())).isEmpty();
        assertThat(invitations.preview(token(link))).isEmpty();
    }

    @Test
    void onlyTheOwnerMayInvite() {
        TestTenant tenant = tenants.signUp("Hierarchy Co");
        TierPilotUser marketer = tenant.addUser(Role.MARKETER);
        TestTenants.signIn(marketer);

        assertThatThrownBy(() -> userAdmin.invite(tenant.id(), marketer.userId(), "x-" + UUID.randomUUID()
                + "@example.com", Role.OWNER, BASE, SupportedLocales.ENGLISH))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void anAddressThatAlreadyHasAnAccountCannotBeInvited() {
        TestTenant tenant = tenants.signUp("Dup Co").signInAsOwner();

        assertThatThrownBy(() -> invite(tenant, tenant.owner().email(), Role.MARKETER))
                .hasMessageContaining("users.error.emailTaken");
    }

    private InvitationLink invite(TestTenant tenant, String email, Role role) {
        return userAdmin.invite(tenant.id(), tenant.owner().userId(), email, role, BASE, SupportedLocales.ENGLISH);
    }

    private static String token(InvitationLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }
}
