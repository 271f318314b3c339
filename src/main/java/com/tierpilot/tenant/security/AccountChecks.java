package com.tierpilot.tenant.security;

import com.tierpilot.base.security.AccountStatusCheck;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.security.UserLocaleStore;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant module's side of the session: account reloads and the saved language. */
@Component
@Transactional
class AccountChecks implements AccountStatusCheck, UserLocaleStore {

    private final Principals principals;
    private final UserAccountRepository users;

    AccountChecks(Principals principals, UserAccountRepository users) {
        this.principals = principals;
        this.users = users;
    }

    @Override
    public Optional<TierPilotUser> reload(TierPilotUser user) {
        return principals.reload(user);
    }

    @Override
    public void saveLocale(TierPilotUser user, Locale locale) {
        users.findInTenant(user.tenantId(), user.userId().value()).ifPresent(account -> {
            account.changeLocale(locale);
            users.save(account);
        });
    }
}
