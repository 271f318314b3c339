package com.tierpilot.tenant.persistence;

import com.tierpilot.base.TenantAgnostic;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The failed-login counts behind the login throttle, one row per key (a client address, or an address and account
 * pair). The tenant is not known before a user is authenticated, so nothing here is per company.
 */
@Repository
public class LoginThrottleRepository {

    private static final String INCREMENT = "update login_throttle set failures = case when last_failure_at < ? then 1"
            + " else failures + 1 end, last_failure_at = ? where throttle_key = ?";

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any of the keys is blocked at {@code now}. */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    public boolean anyBlocked(String first, String second, Instant now) {
        return jdbc.sql("select count(*) from login_throttle where throttle_key in (?, ?) and blocked_until > ?")
                .params(first, second, Timestamp.from(now)).query(Integer.class).single() > 0;
    }

    /**
     * Counts one more failure of the key at {@code now}, starting again from 1 when the last failure is older than
     * {@code forgottenBefore}, and returns the key's failures. Two nodes counting the same new key at once both count.
     */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    public int countFailure(String key, Instant now, Instant forgottenBefore) {
        Timestamp at = Timestamp.from(now);
        Timestamp forgotten = Timestamp.from(forgottenBefore);
        if (jdbc.sql(INCREMENT).params(forgotten, at, key).update() == 0) {
            try {
                jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 1, ?)")
                        .params(key, at).update();
            } catch (DuplicateKeyException concurrently) {
                jdbc.sql(INCREMENT).params(forgotten, at, key).update();
            }
        }
        List<Integer> failures = jdbc.sql("select failures from login_throttle where throttle_key = ?").param(key)
                .query(Integer.class).list();
        return failures.isEmpty() ? 0 : failures.getFirst();
    }

    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    public void blockUntil(String key, Instant until) {
        jdbc.sql("update login_throttle set blocked_until = ? where throttle_key = ?")
                .params(Timestamp.from(until), key).update();
    }

    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    public void forget(String key) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(key).update();
    }

    /** Forgets every key whose last failure is older than {@code before}. */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    public void forgetFailuresBefore(Instant before) {
        jdbc.sql("delete from login_throttle where last_failure_at < ?").param(Timestamp.from(before)).update();
    }
}
