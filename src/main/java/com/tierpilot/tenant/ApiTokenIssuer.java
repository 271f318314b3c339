package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.tenant.domain.ApiToken;
import com.tierpilot.tenant.domain.ApiTokenRepository;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues API tokens for the owner's {@link ApiTokenService} and for trusted {@link TenantProvisioningService}, which
 * decide who may; this class does not check.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ApiTokenIssuer {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenIssuer.class);

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenIssuer(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @param createdBy the owner who asked for it, or null when the system did */
    NewApiToken issue(TenantId tenant, String name, @Nullable UserId createdBy) {
        return issue(tenant, name, createdBy, null);
    }

    /** @param manager the account manager the token is bound to, or null for a company token */
    NewApiToken issue(TenantId tenant, String name, @Nullable UserId createdBy, @Nullable UserId manager) {
        ApiToken.Issued issued = ApiToken.issue(tenant, name, createdBy, manager, clock.instant());
        ApiToken saved = tokens.save(issued.token());
        log.info("API token {} ({}…, \"{}\") created by {}", saved.id(), saved.tokenPrefix(), saved.name(),
                createdBy == null ? "the system" : "user " + createdBy);
        return new NewApiToken(summary(saved), issued.raw());
    }

    static ApiTokenSummary summary(ApiToken t) {
        return new ApiTokenSummary(t.id(), t.name(), t.tokenPrefix(), t.createdAt(), t.lastUsedAt(), t.manager());
    }
}
