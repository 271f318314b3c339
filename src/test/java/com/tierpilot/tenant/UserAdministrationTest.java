package com.tierpilot.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.AccountStatusCheck;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class UserAdministrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    UserAdminService userAdmin;
    @Autowired
    AccountStatusCheck accountStatus;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theOwnerSeesAllUsersOfTheCompanySortedByName() {
        TestTenant tenant = tenants.signUp("Team Co").signInAsOwner();
        tenant.addUser(Role.MARKETER);
        tenant.addUser(Role.ACCOUNT_MANAGER);

        var users = userAdmin.users(tenant.id(), 0, 50, "displayName", true);

        assertThat(users).extracting(UserSummary::role)
                .containsExactly(Role.ACCOUNT_MANAGER, Role.MARKETER, Role.OWNER);
        assertThat(userAdmin.countUsers(tenant.id())).isEqualTo(3);
    }

    @Test
    void aRoleChangeReachesTheSignedInUserOnTheNextCheck() {
        TestTenant tenant = tenants.signUp("Promote Co").signInAsOwner();
        TierPilotUser marketer = tenant.addUser(Role.MARKETER);

        userAdmin.changeRole(tenant.id(), tenant.owner().userId(), marketer.userId(), Role.ACCOUNT_MANAGER);

        assertThat(accountStatus.reload(marketer)).hasValueSatisfying(
                u -> assertThat(u.role()).isEqualTo(Role.ACCOUNT_MANAGER));
    }

    @Test
    void aDeactivatedUserIsSignedOutAndCanBeReactivated() {
        TestTenant tenant = tenants.signUp("Leaver Co").signInAsOwner();
        TierPilotUser marketer = tenant.addUser(Role.MARKETER);

        userAdmin.deactivate(tenant.id(), tenant.owner().userId(), marketer.userId());
        assertThat(accountStatus.reload(marketer)).isEmpty();

        userAdmin.reactivate(tenant.id(), tenant.owner().userId(), marketer.userId());
        assertThat(accountStatus.reload(marketer)).isPresent();
    }

    @Test
    void theLastOwnerCanBeNeitherDemotedNorDeactivated() {
        TestTenant tenant = tenants.signUp("Solo Co").signInAsOwner();
        TierPilotUser owner = tenant.owner();

        assertThatThrownBy(() -> userAdmin.changeRole(tenant.id(), owner.userId(), owner.userId(), Role.MARKETER))
                .hasMessageContaining("users.error.lastOwner");
        assertThatThrownBy(() -> userAdmin.deactivate(tenant.id(), owner.userId(), owner.userId()))
                .hasMessageContaining("users.error.deactivateSelf");
    }

    @Test
    void anOwnerMayStepDownOnceThereIsAnotherOwner() {
        TestTenant tenant = tenants.signUp("Duo Co").signInAsOwner();
        TierPilotUser second = tenant.addUser(Role.OWNER);

        userAdmin.changeRole(tenant.id(), second.userId(), tenant.owner().userId(), Role.MARKETER);

        assertThat(accountStatus.reload(tenant.owner())).hasValueSatisfying(
                u -> assertThat(u.role()).isEqualTo(Role.MARKETER));
    }
}
