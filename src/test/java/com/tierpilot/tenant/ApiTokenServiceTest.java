package com.tierpilot.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.Role;
import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.ApiClient;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ApiTokenServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ApiTokenService apiTokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void signOutAndResetTheClock() {
        TestTenants.signOut();
        clock.reset();
    }

    @Test
    void aNewTokenIsShownOnceAndOnlyItsHashIsStored() {
        TestTenant tenant = tenants.signUp("Token Co").signInAsOwner();

        NewApiToken created = apiTokens.create(tenant.id(), tenant.owner().userId(), "  Shop sync  ");

        String token = created.token();
        assertThat(token).startsWith("tp_").hasSize(46).matches("tp_[A-Za-z0-9_-]{43}");
        assertThat(created.summary().name()).isEqualTo("Shop sync");
        assertThat(created.summary().prefix()).isEqualTo(token.substring(0, 7));
        assertThat(created.toString()).doesNotContain(token.substring(3));
        Map<String, Object> row = jdbc.sql("select * from api_token where tenant_id = ? and id = ?")
                .params(tenant.id().value(), created.summary().id()).query().singleRow();
        assertThat(row.values()).filteredOn(Objects::nonNull).map(String::valueOf)
                .noneMatch(value -> value.contains(token.substring(3)));
        assertThat(row.get("token_hash")).isEqualTo(SecretTokens.hash(token));
        assertThat(apiTokens.list(tenant.id())).singleElement()
                .satisfies(t -> assertThat(t.prefix()).isEqualTo(token.substring(0, 7)));
    }

    @Test
    void aTokenActsForItsTenantUntilItIsRevoked() {
        TestTenant tenant = tenants.signUp("Revoke Co").signInAsOwner();
        NewApiToken created = apiTokens.create(tenant.id(), tenant.owner().userId(), "ERP");
        long id = created.summary().id();

        assertThat(apiTokens.resolve(created.token())).contains(new ApiClient(tenant.id(), id, "ERP"));

        apiTokens.revoke(tenant.id(), tenant.owner().userId(), id);

        assertThat(apiTokens.resolve(created.token())).as("refused at once").isEmpty();
        assertThat(apiTokens.list(tenant.id())).as("no longer listed").isEmpty();
        apiTokens.revoke(tenant.id(), tenant.owner().userId(), id);
        assertThat(apiTokens.resolve(created.token())).as("revoking twice changes nothing").isEmpty();
    }

    @Test
    void unknownAndMalformedTokensAreRefused() {
        TestTenant tenant = tenants.signUp("Guess Co").signInAsOwner();
        String real = apiTokens.create(tenant.id(), tenant.owner().userId(), "Real").token();

        assertThat(apiTokens.resolve(real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A")))
                .isEmpty();
        assertThat(apiTokens.resolve(SecretTokens.hash(real))).as("the stored hash is not a token").isEmpty();
        assertThat(apiTokens.resolve("")).isEmpty();
    }

    @Test
    void onlyTheOwnerMayCreateListAndRevokeTokens() {
        TestTenant tenant = tenants.signUp("Roles Co").signInAsOwner();
        long id = apiTokens.create(tenant.id(), tenant.owner().userId(), "Owner's").summary().id();

        for (Role role : new Role[] {Role.MARKETER, Role.ACCOUNT_MANAGER}) {
            TierPilotUser user = tenant.addUser(role);
            TestTenants.signIn(user);
            assertThatThrownBy(() -> apiTokens.create(tenant.id(), user.userId(), "Mine"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> apiTokens.list(tenant.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> apiTokens.revoke(tenant.id(), user.userId(), id))
                    .isInstanceOf(AccessDeniedException.class);
        }
        tenant.signInAsOwner();
        assertThat(apiTokens.list(tenant.id())).extracting(ApiTokenSummary::name).containsExactly("Owner's");
    }

    @Test
    void aTokenNeedsAName() {
        TestTenant tenant = tenants.signUp("Name Co").signInAsOwner();

        for (String name : new String[] {"", "   ", "x".repeat(101)}) {
            assertThatThrownBy(() -> apiTokens.create(tenant.id(), tenant.owner().userId(), name))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("apiTokens.error.name");
        }
        assertThat(apiTokens.list(tenant.id())).isEmpty();
    }

    @Test
    void theLastUseIsRecordedAtMostOnceAMinute() {
        TestTenant tenant = tenants.signUp("Busy Co").signInAsOwner();
        String token = apiTokens.create(tenant.id(), tenant.owner().userId(), "Busy").token();
        assertThat(lastUsed(tenant)).isNull();

        apiTokens.resolve(token);
        Instant first = lastUsed(tenant);
        clock.advance(Duration.ofSeconds(30));
        apiTokens.resolve(token);
        assertThat(lastUsed(tenant)).as("within the minute: not written again").isEqualTo(first);

        clock.advance(Duration.ofSeconds(31));
        apiTokens.resolve(token);
        assertThat(lastUsed(tenant)).isAfter(first.plusSeconds(60));
    }

    private Instant lastUsed(TestTenant tenant) {
        return apiTokens.list(tenant.id()).getFirst().lastUsedAt();
    }
}
