package com.tierpilot.api;

import com.tierpilot.base.security.ApiClient;
import com.tierpilot.base.security.ApiTokenResolver;
import com.tierpilot.base.security.TenantMdcFilter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Web security for the REST API under {@code /api/}: stateless, authenticated by an API token in the
 * {@code Authorization: Bearer} header, never by the UI's session cookie (so CSRF protection is not needed here).
 * Refusals are problem details. The OpenAPI document and its Swagger UI are public. The UI's chain
 * ({@code base.security.SecurityConfig}) handles every other path.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenResolver tokens) throws Exception {
        var problems = new ApiProblems();
        http.securityMatcher(Stream.concat(Stream.of("/api/**"), Arrays.stream(API_DOCS)).toArray(String[]::new));
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(API_DOCS).permitAll()
                .anyRequest().hasAuthority(ApiClient.AUTHORITY));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.logout(logout -> logout.disable());
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        http.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class);
        http.addFilterAfter(new TenantMdcFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
