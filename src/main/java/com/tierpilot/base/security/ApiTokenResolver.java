package com.tierpilot.base.security;

import java.util.Optional;

/** Finds the client behind a raw API token, for the API's bearer-token filter. Implemented by the tenant module. */
public interface ApiTokenResolver {

    /** The client the token stands for; empty when the token is unknown, revoked, or its tenant is inactive. */
    Optional<ApiClient> resolve(String rawToken);
}
