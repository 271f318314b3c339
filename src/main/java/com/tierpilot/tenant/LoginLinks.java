package com.tierpilot.tenant;

import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.tenant.security.Principals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time login links. Sign-up and invitation acceptance issue one; the browser opens it and is signed in with a
 * fresh session id. A link is valid for two minutes and only once: the conditional update decides, so two
 * concurrent uses cannot both succeed.
 */
@Service
@Transactional
public class LoginLinks {

    static final Duration VALIDITY = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Principals principals;
    private final Clock clock;

    LoginLinks(JdbcClient jdbc, Principals principals, Clock clock) {
        this.jdbc = jdbc;
        this.principals = principals;
        this.clock = clock;
    }

    LoginLink issue(TenantId tenant, UserId user) {
        String token = SecretTokens.newToken("");
        jdbc.sql("insert into login_token (token_hash, tenant_id, user_id, expires_at) values (?, ?, ?, ?)")
                .params(SecretTokens.hash(token), tenant.value(), user.value(), clock.instant().plus(VALIDITY))
                .update();
        return LoginLink.forToken(token);
    }

    /** Uses up the link and returns the user it signs in, or empty when it is unknown, used or expired. */
    @TenantAgnostic("the browser is anonymous until the secret link identifies the user")
    public Optional<TierPilotUser> redeem(String token) {
        Instant now = clock.instant();
        String hash = SecretTokens.hash(token);
        int used = jdbc.sql("update login_token set used_at = ? where token_hash = ? and used_at is null"
                + " and expires_at > ?").params(now, hash, now).update();
        if (used != 1) {
            return Optional.empty();
        }
        long userId = jdbc.sql("select user_id from login_token where token_hash = ?").param(hash)
                .query(Long.class).single();
        return principals.forUserId(userId);
    }
}
