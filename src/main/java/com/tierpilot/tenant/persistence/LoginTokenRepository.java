package com.tierpilot.tenant.persistence;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one-time login links' tokens, stored as their hashes. */
@Repository
public class LoginTokenRepository {

    private final JdbcClient jdbc;

    LoginTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, TenantId tenant, UserId user, Instant expiresAt) {
        jdbc.sql("insert into login_token (token_hash, tenant_id, user_id, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, tenant.value(), user.value(), expiresAt).update();
    }

    /**
     * Uses up the token, if it is unused and unexpired at {@code now}, and returns its user: the conditional update
     * decides, so two concurrent uses cannot both succeed.
     */
    @TenantAgnostic("the browser is anonymous until the secret link identifies the user")
    public Optional<Long> use(String tokenHash, Instant now) {
        int used = jdbc.sql("update login_token set used_at = ? where token_hash = ? and used_at is null"
                + " and expires_at > ?").params(now, tokenHash, now).update();
        if (used != 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select user_id from login_token where token_hash = ?").param(tokenHash)
                .query(Long.class).single());
    }
}
