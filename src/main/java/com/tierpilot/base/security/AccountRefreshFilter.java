package com.tierpilot.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user's account at most every few seconds. A deactivated user (or tenant) is signed out on
 * the next request; a changed role or language replaces the principal. Works across nodes because it reads the
 * database, not a node-local session registry.
 */
final class AccountRefreshFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountRefreshFilter.class);
    static final String LAST_CHECK = AccountRefreshFilter.class.getName() + ".lastCheck";

    private final AccountStatusCheck check;
    private final Clock clock;
    private final Duration interval;

    AccountRefreshFilter(AccountStatusCheck check, Clock clock, Duration interval) {
        this.check = check;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof TierPilotUser user && due(session)) {
            Optional<TierPilotUser> current = check.reload(user);
            if (current.isEmpty()) {
                log.info("Signing out {}: the account or its tenant is no longer active", user);
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else {
                if (!current.get().sameGrantsAs(user)) {
                    SessionPrincipal.replace(session, current.get());
                }
                session.setAttribute(LAST_CHECK, clock.instant());
            }
        }
        chain.doFilter(request, response);
    }

    private boolean due(HttpSession session) {
        Object last = session.getAttribute(LAST_CHECK);
        return !(last instanceof Instant at) || !clock.instant().isBefore(at.plus(interval));
    }
}
