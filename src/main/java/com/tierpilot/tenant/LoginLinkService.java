package com.tierpilot.tenant;

import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.tenant.persistence.LoginTokenRepository;
import com.tierpilot.tenant.security.Principals;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time login links. Sign-up and invitation acceptance issue one; the browser opens it and is signed in with a
 * fresh session id. A link is valid for two minutes and only once: the conditional update decides, so two
 * concurrent uses cannot both succeed.
 */
@Service
@Transactional
public class LoginLinkService {

    static final Duration VALIDITY = Duration.ofMinutes(2);

    private final LoginTokenRepository tokens;
    private final Principals principals;
    private final Clock clock;

    LoginLinkService(LoginTokenRepository tokens, Principals principals, Clock clock) {
        this.tokens = tokens;
        this.principals = principals;
        this.clock = clock;
    }

    LoginLink issue(TenantId tenant, UserId user) {
        String token = SecretTokens.newToken("");
        tokens.insert(SecretTokens.hash(token), tenant, user, clock.instant().plus(VALIDITY));
        return LoginLink.forToken(token);
    }

    /** Uses up the link and returns the user it signs in, or empty when it is unknown, used or expired. */
    @TenantAgnostic("the browser is anonymous until the secret link identifies the user")
    public Optional<TierPilotUser> redeem(String token) {
        return tokens.use(SecretTokens.hash(token), clock.instant()).flatMap(principals::forUserId);
    }
}
