/**
 * Web sign-in and the security filter chain of the screens; the signed-in user and company
 * ({@link com.tierpilot.base.security.CurrentUser}), an account manager's data scope, API tokens resolved to their
 * company, account status checks on every request, and the tenant and user in the logging MDC.
 */
@NullMarked
package com.tierpilot.base.security;

import org.jspecify.annotations.NullMarked;
