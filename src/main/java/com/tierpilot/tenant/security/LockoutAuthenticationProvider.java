package com.tierpilot.tenant.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password login that tells nobody which e-mail addresses have accounts: an unknown address, a wrong password and a
 * login that must wait ({@link LoginThrottle}) all fail with the same {@link BadCredentialsException}, and an account's
 * state (deactivated) is told only to someone who knew its password. No account is ever locked: repeated failures
 * slow down the address they come from, not the account's owner.
 */
@Component
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LockoutAuthenticationProvider.class);
    static final String FAILURE = "Bad credentials";

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    LockoutAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        // The account's state is checked after the password, so that it says nothing to a guesser.
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account deactivated");
            }
        });
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = String.valueOf(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        if (throttle.blocked(address, login)) {
            // An early try counts as a failure too: hammering only makes the wait longer.
            throttle.failed(address, login);
            log.info("Login of {} from {} refused: too many recent failures", login, address);
            throw new BadCredentialsException(FAILURE);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(address, login);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(address, login);
            throw new BadCredentialsException(FAILURE, e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
