/**
 * Tenants, their users and roles, sign-up, login support (lockout, one-time login links), invitations, and the
 * account checks behind the session.
 */
@ApplicationModule(displayName = "Tenants and users", allowedDependencies = "base")
@NullMarked
package com.tierpilot.tenant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
