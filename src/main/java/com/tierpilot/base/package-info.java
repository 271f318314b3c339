/**
 * Shared kernel: the tenant and user identifiers, roles and user-facing errors; the web sign-in and the resolution of
 * API tokens to a company ({@code security}; the REST API's own filter chain, errors and documentation are in the
 * {@code api} module), i18n, the UI shell ({@code ui}) and bulk loading ({@code persistence}). Every feature module
 * may use it; it depends on no feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Base")
@NullMarked
package com.tierpilot.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
