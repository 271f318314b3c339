package com.tierpilot.tenant.security;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.tenant.domain.Tenant;
import com.tierpilot.tenant.domain.TenantRepository;
import com.tierpilot.tenant.domain.UserAccount;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the session principal from a user account and its tenant. */
@Component
@Transactional(readOnly = true)
public class Principals {

    private final UserAccountRepository users;
    private final TenantRepository tenants;
    private final Clock clock;

    Principals(UserAccountRepository users, TenantRepository tenants, Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.clock = clock;
    }

    @TenantAgnostic("login: the e-mail address identifies the user and with it the tenant")
    public Optional<TierPilotUser> forLogin(String email) {
        return users.findByEmail(UserAccount.normalizeEmail(email)).flatMap(this::principal);
    }

    /** The principal of a user that may sign in now; empty when the user or its tenant is inactive or unknown. */
    @TenantAgnostic("a one-time login link names the user; the tenant comes from the user's own row")
    public Optional<TierPilotUser> forUserId(long userId) {
        return users.findForLoginLink(userId).flatMap(this::principal).filter(TierPilotUser::isEnabled);
    }

    /** Reloads a signed-in user within its own tenant. */
    public Optional<TierPilotUser> reload(TierPilotUser user) {
        return users.findInTenant(user.tenantId(), user.userId().value()).flatMap(this::principal)
                .filter(TierPilotUser::isEnabled);
    }

    private Optional<TierPilotUser> principal(UserAccount user) {
        return tenants.findByTenantId(user.tenantId()).map(tenant -> build(user, tenant));
    }

    private TierPilotUser build(UserAccount user, Tenant tenant) {
        return new TierPilotUser(user.userId(), user.tenantId(), tenant.name(), user.email(), user.displayName(),
                user.role(), SupportedLocales.fromTag(user.locale()), tenant.timeZone(), tenant.currency(),
                user.active() && tenant.active(), !user.isLockedAt(clock.instant()), user.passwordHash());
    }
}
