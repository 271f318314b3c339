package com.tierpilot.base.security;

import com.tierpilot.base.TenantId;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The fail-fast way to the signed-in user (UI) or the API client (REST) and its tenant. Views and REST controllers
 * call it; services receive the resulting {@link TenantId} as an explicit parameter.
 */
@Component
public class CurrentUser {

    public Optional<TierPilotUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TierPilotUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; throws when there is none, which is a programming error behind a secured view. */
    public TierPilotUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated TierPilot user"));
    }

    /** The API token of a REST request, if this is one. */
    public Optional<ApiClient> apiClient() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiClient client) {
            return Optional.of(client);
        }
        return Optional.empty();
    }

    /** The tenant of the signed-in user or of the API token; throws when there is neither. */
    public TenantId tenantId() {
        return get().map(TierPilotUser::tenantId).or(() -> apiClient().map(ApiClient::tenantId))
                .orElseThrow(() -> new IllegalStateException("no authenticated TierPilot user or API client"));
    }

    /**
     * The customers the caller may reach: an account manager's own and the pool's, for a signed-in account manager
     * or an API token bound to one; all for anyone else (issue 20, data scope).
     */
    public DataScope scope() {
        Optional<TierPilotUser> user = get();
        if (user.isPresent()) {
            return user.get().role() == com.tierpilot.base.Role.ACCOUNT_MANAGER ? DataScope.of(user.get().userId())
                    : DataScope.ALL;
        }
        return apiClient().map(client -> DataScope.of(client.manager())).orElse(DataScope.ALL);
    }
}
