package com.tierpilot.base.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Web security for the Vaadin UI: form login at {@code /login}, a new session id at login, view access control by
 * role, and the per-request account refresh. The REST API has its own stateless filter chain.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String LOGIN_PATH = "/login";

    @Bean
    @Order(100)
    SecurityFilterChain uiSecurityFilterChain(HttpSecurity http, AccountStatusCheck accountStatusCheck, Clock clock,
            @Value("${tierpilot.security.account-refresh-interval:PT10S}") Duration refreshInterval) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/auth/complete", "/icons/**", "/images/**", "/styles.css").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll());
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.addFilterAfter(new AccountRefreshFilter(accountStatusCheck, clock, refreshInterval),
                SecurityContextHolderFilter.class);
        http.addFilterAfter(new TenantMdcFilter(), AnonymousAuthenticationFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_PATH));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the {id} prefix lets us move to argon2 later without a password reset.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
