package com.tierpilot.tenant.security;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.tenant.domain.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and locks the account for a while after too many. The counting is one
 * conditional UPDATE, so concurrent failures cannot race past the limit.
 */
@Component
@Transactional
class LoginAttempts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(JdbcClient jdbc, Clock clock, @Value("${tierpilot.security.max-failed-logins:5}") int maxFailures,
            @Value("${tierpilot.security.lock-duration:PT15M}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /** Records a failed password; returns true when this failure locked the account. */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    boolean failed(String email) {
        Instant now = clock.instant();
        String login = UserAccount.normalizeEmail(email);
        // locked_until is assigned first: MySQL evaluates SET left to right with updated values, H2 with old ones;
        // in this order both see the old failed_logins in every expression.
        int updated = jdbc.sql("""
                update user_account
                   set locked_until = case when failed_logins + 1 >= :max then :until else locked_until end,
                       failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end
                 where email = :email and (locked_until is null or locked_until <= :now)""")
                .param("max", maxFailures).param("until", now.plus(lockDuration)).param("email", login)
                .param("now", now).update();
        if (updated == 0) {
            return false;
        }
        return jdbc.sql("select count(*) from user_account where email = ? and locked_until > ?")
                .params(login, now).query(Integer.class).single() > 0;
    }

    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    void succeeded(String email) {
        jdbc.sql("update user_account set failed_logins = 0, locked_until = null, last_login_at = ? where email = ?")
                .params(clock.instant(), UserAccount.normalizeEmail(email)).update();
    }
}
