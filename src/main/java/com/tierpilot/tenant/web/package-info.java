/**
 * The tenant module's one plain Spring MVC endpoint: completing a one-time login link (a redirect, not a view or a
 * REST resource).
 */
@NullMarked
package com.tierpilot.tenant.web;

import org.jspecify.annotations.NullMarked;
