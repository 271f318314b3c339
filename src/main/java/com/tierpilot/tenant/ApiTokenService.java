package com.tierpilot.tenant;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.ApiClient;
import com.tierpilot.base.security.ApiTokenResolver;
import com.tierpilot.tenant.domain.ApiToken;
import com.tierpilot.tenant.domain.ApiTokenRepository;
import com.tierpilot.tenant.domain.Tenant;
import com.tierpilot.tenant.domain.TenantRepository;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's API tokens: create (the raw token is returned once), list, revoke. A token acts for its tenant only;
 * a revoked token stops working with the next request, because every request resolves the token anew.
 */
@Service
@Transactional
public class ApiTokenService implements ApiTokenResolver {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);

    /** The longest token name, for forms. */
    public static final int MAX_NAME_LENGTH = ApiToken.MAX_NAME_LENGTH;

    /** The last-use time is written at most this often per token, so busy clients do not write on every call. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenIssuer issuer;
    private final ApiTokenRepository tokens;
    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final Clock clock;

    ApiTokenService(ApiTokenIssuer issuer, ApiTokenRepository tokens, TenantRepository tenants,
            UserAccountRepository users, Clock clock) {
        this.issuer = issuer;
        this.tokens = tokens;
        this.tenants = tenants;
        this.users = users;
        this.clock = clock;
    }

    /** Creates a token; the returned value holds the raw token, which is not stored and cannot be shown again. */
    @PreAuthorize("hasRole('OWNER')")
    public NewApiToken create(TenantId tenant, UserId owner, String name) {
        return issuer.issue(tenant, name, owner);
    }

    /**
     * Creates a token bound to an account manager (issue 20, data scope): its calls reach only that manager's
     * customers and the shared pool's. The owner may create one for any active account manager, an account manager
     * only for themselves.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'ACCOUNT_MANAGER')")
    public NewApiToken createForManager(TenantId tenant, UserId actor, Role actorRole, UserId manager, String name) {
        if (actorRole != Role.OWNER && !actor.equals(manager)) {
            throw new AccessDeniedException("an account manager creates tokens for themselves only");
        }
        if (!isActiveManager(tenant, manager)) {
            throw new NotFoundException("account manager");
        }
        return issuer.issue(tenant, name, actor, manager);
    }

    /** An account manager's own active tokens, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OWNER', 'ACCOUNT_MANAGER')")
    public List<ApiTokenSummary> listOfManager(TenantId tenant, UserId manager) {
        return tokens.findActive(tenant).stream().filter(t -> manager.equals(t.manager()))
                .map(ApiTokenIssuer::summary).toList();
    }

    /** Revokes one of an account manager's own tokens; another's reads as unknown. */
    @PreAuthorize("hasAnyRole('OWNER', 'ACCOUNT_MANAGER')")
    public void revokeOwn(TenantId tenant, UserId manager, long tokenId) {
        ApiToken token = tokens.findInTenant(tenant, tokenId).filter(t -> manager.equals(t.manager()))
                .orElseThrow(() -> new NotFoundException("API token"));
        if (tokens.revoke(tenant, tokenId, clock.instant()) == 1) {
            log.info("Account manager {} revoked their API token {} ({})", manager, tokenId, token.name());
        }
    }

    private boolean isActiveManager(TenantId tenant, UserId user) {
        return users.findInTenant(tenant, user.value()).filter(u -> u.active() && u.role() == Role.ACCOUNT_MANAGER)
                .isPresent();
    }

    /** The tenant's active tokens, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OWNER')")
    public List<ApiTokenSummary> list(TenantId tenant) {
        return tokens.findActive(tenant).stream().map(ApiTokenIssuer::summary).toList();
    }

    /** Revokes a token of the tenant; it is refused from the next request on. Revoking twice changes nothing. */
    @PreAuthorize("hasRole('OWNER')")
    public void revoke(TenantId tenant, UserId owner, long tokenId) {
        ApiToken token = tokens.findInTenant(tenant, tokenId).orElseThrow(() -> new NotFoundException("API token"));
        if (tokens.revoke(tenant, tokenId, clock.instant()) == 1) {
            log.info("User {} revoked API token {} ({})", owner, tokenId, token.name());
        }
    }

    @Override
    @TenantAgnostic("an API request is anonymous until its secret token identifies the token and with it the tenant")
    public Optional<ApiClient> resolve(String rawToken) {
        if (!rawToken.startsWith(ApiToken.TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByTokenHash(SecretTokens.hash(rawToken)).filter(ApiToken::isActive)
                .filter(t -> tenants.findByTenantId(t.tenantId()).filter(Tenant::active).isPresent())
                // A manager's token stops with the manager: deactivated or no longer an account manager.
                .filter(t -> t.manager() == null || isActiveManager(t.tenantId(), t.manager()));
        found.ifPresent(t -> {
            Instant now = clock.instant();
            tokens.recordUse(t.tenantId(), t.id(), now, now.minus(LAST_USE_RESOLUTION));
        });
        return found.map(t -> new ApiClient(t.tenantId(), t.id(), t.name(), t.manager()));
    }
}
