package com.tierpilot.delivery.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The unsubscribe links and the providers' reply callbacks are open to anyone who holds their token: no session, no
 * login, and no CSRF token (a mail client's one-click POST and a provider's callback have none; the secret token in
 * the path is what authorises them). Their pages load nothing from anywhere.
 */
@Configuration(proxyBeanMethods = false)
class PublicEndpointsSecurity {

    static final String[] PATHS = {"/unsubscribe/**", "/hooks/sms/**", "/l/**"};

    @Bean
    @Order(2)
    SecurityFilterChain publicDeliveryEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher(PATHS);
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
