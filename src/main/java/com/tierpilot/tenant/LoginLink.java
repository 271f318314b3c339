package com.tierpilot.tenant;

/**
 * A one-time link that signs a user in, handed out right after sign-up or after accepting an invitation. It is valid
 * for two minutes and can be used once.
 */
public record LoginLink(String path) {

    static LoginLink forToken(String rawToken) {
        return new LoginLink("/auth/complete?token=" + rawToken);
    }
}
