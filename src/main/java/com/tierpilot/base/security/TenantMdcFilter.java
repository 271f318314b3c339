package com.tierpilot.base.security;

import com.tierpilot.base.TenantLogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the tenant and the user (UI) or the API token (REST) of the request into the logging MDC, and always takes
 * them out again.
 */
public final class TenantMdcFilter extends OncePerRequestFilter {

    static final String TENANT = TenantLogContext.KEY;
    static final String USER = "userId";
    static final String API_TOKEN = "apiTokenId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Object principal = auth == null ? null : auth.getPrincipal();
        if (principal instanceof TierPilotUser user) {
            MDC.put(TENANT, user.tenantId().toString());
            MDC.put(USER, user.userId().toString());
        } else if (principal instanceof ApiClient client) {
            MDC.put(TENANT, client.tenantId().toString());
            MDC.put(API_TOKEN, Long.toString(client.tokenId()));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(TENANT);
            MDC.remove(USER);
            MDC.remove(API_TOKEN);
        }
    }
}
