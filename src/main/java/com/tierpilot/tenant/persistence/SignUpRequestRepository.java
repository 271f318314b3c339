package com.tierpilot.tenant.persistence;

import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantAgnostic;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-ups waiting for the link mailed to their address. The link's token is random (256 bits), stored only as its
 * hash, valid for a day and usable once: the conditional update decides, so two clicks cannot both create a company.
 */
@Repository
public class SignUpRequestRepository {

    public static final Duration VALIDITY = Duration.ofHours(24);

    /** What a pending sign-up holds: the form's choices, with the password already hashed. */
    public record Pending(String email, String companyName, String ownerName, String passwordHash, ZoneId timeZone,
            Currency currency, Locale language) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SignUpRequestRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the sign-up and returns the raw token of its link. Old, expired requests are cleared on the way. */
    @TenantAgnostic("a sign-up waits for its confirmation before there is a tenant")
    public String store(Pending pending) {
        Instant now = clock.instant();
        jdbc.sql("delete from signup_request where expires_at < ?").param(Timestamp.from(now.minus(VALIDITY)))
                .update();
        String token = SecretTokens.newToken("");
        jdbc.sql("insert into signup_request (token_hash, email, company_name, owner_name, password_hash, time_zone,"
                + " currency, language, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(SecretTokens.hash(token), pending.email(), pending.companyName(), pending.ownerName(),
                        pending.passwordHash(), pending.timeZone().getId(), pending.currency().getCurrencyCode(),
                        pending.language().toLanguageTag(), Timestamp.from(now),
                        Timestamp.from(now.plus(VALIDITY)))
                .update();
        return token;
    }

    /** The sign-up behind a link that can still be used, without using it up (for the confirmation page). */
    @TenantAgnostic("the browser is anonymous until the secret link identifies the sign-up")
    public Optional<Pending> peek(String token) {
        return jdbc.sql("select * from signup_request where token_hash = ? and used_at is null and expires_at > ?")
                .params(SecretTokens.hash(token), Timestamp.from(clock.instant()))
                .query((rs, row) -> new Pending(rs.getString("email"), rs.getString("company_name"),
                        rs.getString("owner_name"), rs.getString("password_hash"),
                        ZoneId.of(rs.getString("time_zone")), Currency.getInstance(rs.getString("currency")),
                        Locale.forLanguageTag(rs.getString("language"))))
                .optional();
    }

    /** Uses up the link and returns its sign-up, or empty when the link is unknown, used or expired. */
    @TenantAgnostic("the browser is anonymous until the secret link identifies the sign-up")
    public Optional<Pending> redeem(String token) {
        Optional<Pending> pending = peek(token);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int used = jdbc.sql("update signup_request set used_at = ? where token_hash = ? and used_at is null"
                + " and expires_at > ?").params(Timestamp.from(now), SecretTokens.hash(token), Timestamp.from(now))
                .update();
        return used == 1 ? pending : Optional.empty();
    }
}
