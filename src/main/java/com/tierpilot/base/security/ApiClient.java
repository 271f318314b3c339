package com.tierpilot.base.security;

import com.tierpilot.base.TenantId;

/**
 * The authenticated principal of a REST API request: the API token it carried. It is the single source of the
 * {@link TenantId} for everything the request does; the request acts for the tenant, not for a user.
 */
public record ApiClient(TenantId tenantId, long tokenId, String tokenName) {

    /** The authority every API request has. */
    public static final String AUTHORITY = "ROLE_API";
}
