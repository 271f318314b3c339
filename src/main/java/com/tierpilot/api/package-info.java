/**
 * What every REST API of TierPilot shares, in one place: the security chain for {@code /api/**} (API tokens as
 * bearer tokens, no session, no CSRF), the firewall and error filters that answer every failure as RFC 9457 problem
 * details in JSON (also when the database is down: 503 with {@code Retry-After}), the exception handler of the
 * controllers, and the OpenAPI document. The controllers themselves live in their modules' {@code api} packages.
 */
@ApplicationModule(displayName = "REST API plumbing", allowedDependencies = "base")
@NullMarked
package com.tierpilot.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
