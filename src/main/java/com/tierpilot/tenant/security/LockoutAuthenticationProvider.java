package com.tierpilot.tenant.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password login with lockout: after the configured number of wrong passwords in a row the account is locked for a
 * while, and the failure that locks it already says so. A locked account is refused before its password is checked.
 */
@Component
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LockoutAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;

    LockoutAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = String.valueOf(authentication.getName());
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.succeeded(login);
            return result;
        } catch (BadCredentialsException e) {
            if (attempts.failed(login)) {
                log.warn("Account {} locked after repeated failed logins", login);
                throw new LockedException("account locked after repeated failed logins", e);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
