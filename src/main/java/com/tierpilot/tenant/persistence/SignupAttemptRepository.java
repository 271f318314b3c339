package com.tierpilot.tenant.persistence;

import com.tierpilot.base.TenantAgnostic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits sign-up attempts per client address. The attempts live in the database, so the limit holds across nodes,
 * and they are recorded in their own transaction, so a failed sign-up still counts.
 */
@Repository
public class SignupAttemptRepository {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxPerWindow;

    SignupAttemptRepository(JdbcClient jdbc, Clock clock,
            @Value("${tierpilot.signup.max-attempts-per-ip-per-hour:5}") int maxPerWindow) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxPerWindow = maxPerWindow;
    }

    /**
     * Records an attempt and tells whether it is within the limit. It commits on its own, so the caller may throw
     * afterwards without losing the record.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TenantAgnostic("sign-up happens before there is a tenant")
    public boolean tryAttempt(String clientIp) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        int recent = jdbc.sql("select count(*) from signup_attempt where client_ip = ? and attempted_at > ?")
                .params(clientIp, since).query(Integer.class).single();
        jdbc.sql("insert into signup_attempt (client_ip, attempted_at) values (?, ?)").params(clientIp, now).update();
        jdbc.sql("delete from signup_attempt where attempted_at < ?").param(now.minus(WINDOW.multipliedBy(24)))
                .update();
        return recent < maxPerWindow;
    }
}
