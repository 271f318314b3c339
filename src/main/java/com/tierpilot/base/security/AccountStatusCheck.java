package com.tierpilot.base.security;

import java.util.Optional;

/**
 * Reloads a signed-in user's account, so that a deactivation or a role change takes effect on the next request and
 * not at the next login. Implemented by the tenant module.
 */
public interface AccountStatusCheck {

    /** The current state of the user's account, or empty when the user or its tenant can no longer sign in. */
    Optional<TierPilotUser> reload(TierPilotUser user);
}
