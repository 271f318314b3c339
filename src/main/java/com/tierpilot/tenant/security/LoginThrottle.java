package com.tierpilot.tenant.security;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.tenant.domain.UserAccount;
import com.tierpilot.tenant.persistence.LoginThrottleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
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

    private final LoginThrottleRepository throttle;
    private final Clock clock;
    private final int freePerPair;
    private final int freePerAddress;
    private final Duration maxDelay;

    LoginThrottle(LoginThrottleRepository throttle, Clock clock,
            @Value("${tierpilot.security.login.free-failures-per-account-and-address:3}") int freePerPair,
            @Value("${tierpilot.security.login.free-failures-per-address:10}") int freePerAddress,
            @Value("${tierpilot.security.login.max-delay:PT15M}") Duration maxDelay) {
        this.throttle = throttle;
        this.clock = clock;
        this.freePerPair = freePerPair;
        this.freePerAddress = freePerAddress;
        this.maxDelay = maxDelay;
    }

    /** Whether a login of this account from this address must wait (and is refused like a wrong password). */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    boolean blocked(String address, String email) {
        return throttle.anyBlocked(addressKey(address), pairKey(address, email), clock.instant());
    }

    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    void failed(String address, String email) {
        Instant now = clock.instant();
        count(pairKey(address, email), freePerPair, now);
        count(addressKey(address), freePerAddress, now);
        throttle.forgetFailuresBefore(now.minus(FORGET_AFTER));
    }

    /** A correct password forgets the pair's failures (not the address's: it may be guessing other accounts). */
    @TenantAgnostic("login: the tenant is not known before the user is authenticated")
    void succeeded(String address, String email) {
        throttle.forget(pairKey(address, email));
    }

    private void count(String key, int free, Instant now) {
        int over = throttle.countFailure(key, now, now.minus(FORGET_AFTER)) - free;
        if (over > 0) {
            Duration delay = over > 30 ? maxDelay : Duration.ofSeconds(1L << (over - 1));
            throttle.blockUntil(key, now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
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
