package com.tierpilot.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository or a data-access method that deliberately works without a {@link TenantId}, such as the login
 * lookup by e-mail or an invitation lookup by its secret token. The architecture test lets nothing else query
 * without the tenant. The reason is mandatory and is read in review.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantAgnostic {

    /** Why this access needs no tenant. */
    String value();
}
