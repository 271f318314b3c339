/**
 * Shared kernel: the tenant and user identifiers, roles, user-facing errors, security configuration, i18n and the
 * UI shell. Every feature module may use it; it depends on no feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Base")
@NullMarked
package com.tierpilot.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
