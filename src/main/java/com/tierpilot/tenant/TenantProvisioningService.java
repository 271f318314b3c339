package com.tierpilot.tenant;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.tenant.domain.ApiTokenRepository;
import com.tierpilot.tenant.domain.UserAccount;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates tenants and users on behalf of trusted server-side code (the demo seeder, operators' tooling), without the
 * sign-up rate limit and without an owner's session. The architecture test keeps views from using it.
 */
@Service
@Transactional
public class TenantProvisioningService {

    private final TenantService tenantService;
    private final UserAccountRepository users;
    private final ApiTokenIssuer apiTokens;
    private final ApiTokenRepository apiTokenRepository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    TenantProvisioningService(TenantService tenantService, UserAccountRepository users, ApiTokenIssuer apiTokens,
            ApiTokenRepository apiTokenRepository, PasswordEncoder passwordEncoder, Clock clock) {
        this.tenantService = tenantService;
        this.users = users;
        this.apiTokens = apiTokens;
        this.apiTokenRepository = apiTokenRepository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public ProvisionedTenant createTenant(SignUpCommand command) {
        return tenantService.createTenant(command);
    }

    public UserId addUser(TenantId tenant, String email, String displayName, String password, Role role,
            Locale locale) {
        Passwords.check(password, email);
        if (users.emailTaken(UserAccount.normalizeEmail(email))) {
            throw new UserFacingException("signup.error.emailTaken");
        }
        return users.save(UserAccount.create(tenant, email, displayName, passwordEncoder.encode(password), role, locale,
                clock.instant())).userId();
    }

    /**
     * Revokes the tenant's active API tokens of this name and issues a new one. Only hashes are stored, so a token
     * that has to be shown again (the demo's, logged on every start) can only be replaced, never recovered.
     */
    public NewApiToken replaceApiToken(TenantId tenant, String name) {
        apiTokenRepository.revokeByName(tenant, name, clock.instant());
        return apiTokens.issue(tenant, name, null);
    }

    /** The tenant of the user with this login, if any. */
    @TenantAgnostic("provisioning checks whether a login already exists, in any tenant")
    @Transactional(readOnly = true)
    public Optional<TenantId> tenantOfLogin(String email) {
        return users.findByEmail(UserAccount.normalizeEmail(email)).map(UserAccount::tenantId);
    }
}
