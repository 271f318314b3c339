package com.tierpilot.tenant.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a user by login (e-mail) for the password check. */
@Service
@Transactional(readOnly = true)
class TierPilotUserDetailsService implements UserDetailsService {

    private final Principals principals;

    TierPilotUserDetailsService(Principals principals) {
        this.principals = principals;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return principals.forLogin(username).orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
