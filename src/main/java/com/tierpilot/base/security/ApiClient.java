package com.tierpilot.base.security;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated principal of a REST API request: the API token it carried. It is the single source of the
 * {@link TenantId} for everything the request does; the request acts for the tenant, not for a user. A token bound
 * to an account manager reaches only that manager's customers and the shared pool's ({@link DataScope}).
 *
 * @param manager the account manager the token is bound to; null for a company token, which reaches all customers
 */
public record ApiClient(TenantId tenantId, long tokenId, String tokenName, @Nullable UserId manager) {

    /** The authority every API request has. */
    public static final String AUTHORITY = "ROLE_API";

    public ApiClient(TenantId tenantId, long tokenId, String tokenName) {
        this(tenantId, tokenId, tokenName, null);
    }
}
