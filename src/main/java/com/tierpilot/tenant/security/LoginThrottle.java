package com.tierpilot.tenant.security;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.tenant.domain.UserAccount;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growing delays after failed logins, instead of locking accounts: per client address and account pair (after a few
 * free failures, each further one, also a try made while waiting, blocks that pair for 1 s, 2 s, 4 s, ... up to the
 * cap), and per client address
 * across all accounts (a larger allowance, then the same doubling). A guesser is slowed down exponentially, while
 * the account's owner, from another address, signs in at once. The counts live in the database, so they hold across
 * nodes and restarts, and are recorded in their own transaction. A day without failures forgets a key.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class LoginThrottle {

    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freePerPair;
    private final int freePerAddress;
    private final Duration maxDelay;

    LoginThrottle(JdbcClient jdbc, Clock clock,
            @Value("${tierpilot.security.login.free-failures-per-account-and-address:3}") int freePerPair,
            @Value("${tierpilot.security.login.free-failures-per-address:10}") int freePerAddress,
            @Value("${tierpilot.security.login.max-delay:PT15M}") Duration maxDelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freePerPair = freePerPair;
        this.freePerAddress = freePerAddress;
        this.maxDelay = maxDelay;
    }

    /** Whether a login of this account from this address must wait (and is refused like a wrong password). */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    boolean blocked(String address, String email) {
        return jdbc.sql("select count(*) from login_throttle where throttle_key in (?, ?) and blocked_until > ?")
                .params(addressKey(address), pairKey(address, email), Timestamp.from(clock.instant()))
                .query(Integer.class).single() > 0;
    }

    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    void failed(String address, String email) {
        Instant now = clock.instant();
        count(pairKey(address, email), freePerPair, now);
        count(addressKey(address), freePerAddress, now);
        jdbc.sql("delete from login_throttle where last_failure_at < ?").param(Timestamp.from(now.minus(FORGET_AFTER)))
                .update();
    }

    /** A correct password forgets the pair's failures (not the address's: it may be guessing other accounts). */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    void succeeded(String address, String email) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(pairKey(address, email)).update();
    }

    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    private void count(String key, int free, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp forgotten = Timestamp.from(now.minus(FORGET_AFTER));
        String increment = "update login_throttle set failures = case when last_failure_at < ? then 1 else failures + 1"
                + " end, last_failure_at = ? where throttle_key = ?";
        if (jdbc.sql(increment).params(forgotten, at, key).update() == 0) {
            try {
                jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 1, ?)")
                        .params(key, at).update();
            } catch (DuplicateKeyException concurrently) {
                jdbc.sql(increment).params(forgotten, at, key).update();
            }
        }
        List<Integer> failures = jdbc.sql("select failures from login_throttle where throttle_key = ?").param(key)
                .query(Integer.class).list();
        int over = failures.isEmpty() ? 0 : failures.getFirst() - free;
        if (over > 0) {
            Duration delay = over > 30 ? maxDelay : Duration.ofSeconds(1L << (over - 1));
            Instant until = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            jdbc.sql("update login_throttle set blocked_until = ? where throttle_key = ?")
                    .params(Timestamp.from(until), key).update();
        }
    }

    private static String addressKey(String address) {
        return "ip|" + address;
    }

    private static String pairKey(String address, String email) {
        String login = UserAccount.normalizeEmail(email);
        return "pair|" + address + "|" + (login.length() > 254 ? login.substring(0, 254) : login);
    }
}
