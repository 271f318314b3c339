/**
 * Login support: the user details, the login throttle (growing delays per address and account, one answer for every
 * failure), and the per-request account checks.
 */
@NullMarked
package com.tierpilot.tenant.security;

import org.jspecify.annotations.NullMarked;
