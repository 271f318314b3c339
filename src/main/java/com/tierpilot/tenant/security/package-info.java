/** Login support: the user details, lockout after repeated failures, and the per-request account reload. */
@NullMarked
package com.tierpilot.tenant.security;

import org.jspecify.annotations.NullMarked;
