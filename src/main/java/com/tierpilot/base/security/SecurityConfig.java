package com.tierpilot.base.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Web security for the Vaadin UI: form login at {@code /login} (with a CSRF token), a new session id at login, view access control by
 * role, and the per-request account refresh. The REST API has its own stateless filter chain.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String LOGIN_PATH = "/login";

    /**
     * What the UI's pages may load: everything from this origin only, no plug-ins, no framing by other sites, forms
     * posted here only. Vaadin needs inline scripts and styles (its bootstrap page, component styles) and
     * {@code eval} (the JavaScript that server-side components run), and charts draw images from data: and blob:.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'"
            + " 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'self'";

    @Bean
    @Order(100)
    SecurityFilterChain uiSecurityFilterChain(HttpSecurity http, AccountStatusCheck accountStatusCheck, Clock clock,
            RequestUtil vaadinRequests,
            @Value("${tierpilot.security.account-refresh-interval:PT10S}") Duration refreshInterval) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/auth/complete", "/icons/**", "/images/**", "/styles.css").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll());
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // Sent on HTTPS requests only: behind the proxy, when it is trusted (TIERPILOT_TRUSTED_PROXIES) and
                // says X-Forwarded-Proto: https.
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                // Written before the request is handled: Vaadin commits its pages on the container's own response,
                // where headers added on commit by a wrapper would never arrive.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.addFilterAfter(new AccountRefreshFilter(accountStatusCheck, clock, refreshInterval),
                SecurityContextHolderFilter.class);
        http.addFilterAfter(new TenantMdcFilter(), AnonymousAuthenticationFilter.class);
        // CSRF as Vaadin configures it (its own requests carry Vaadin's own token), except that the login form's POST
        // needs the session's token too; Vaadin would exempt it. The form gets it from LoginCsrfMetaTags.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_PATH)
                .enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the {id} prefix lets us move to argon2 later without a password reset.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
