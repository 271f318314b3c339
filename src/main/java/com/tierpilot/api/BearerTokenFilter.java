package com.tierpilot.api;

import com.tierpilot.base.security.ApiClient;
import com.tierpilot.base.security.ApiTokenResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a REST API request by its {@code Authorization: Bearer <token>} header. A request without the header
 * goes on anonymously (and is refused where the API needs a token); a request with a token that does not resolve is
 * refused here, at once, with 401.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiTokenResolver tokens;
    private final ApiProblems problems;
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(ApiTokenResolver tokens, ApiProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClient> client = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? tokens.resolve(header.substring(BEARER.length()).strip())
                : Optional.empty();
        // Looked up per request, not kept: tests (and Spring Security itself) may replace the strategy.
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        if (client.isEmpty()) {
            log.info("Refused an API request to {} from {}: unknown, revoked or malformed token",
                    request.getRequestURI(), request.getRemoteAddr());
            contexts.clearContext();
            problems.commence(request, response,
                    new ApiProblems.InvalidApiTokenException("The API token is invalid or has been revoked."));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(client.get(), null,
                List.of(new SimpleGrantedAuthority(ApiClient.AUTHORITY))));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
