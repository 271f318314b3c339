package com.tierpilot.tenant;

import com.tierpilot.base.UserFacingException;
import java.nio.charset.StandardCharsets;

/** The password policy: at least 8 characters, at most 72 bytes (bcrypt's limit), and not the e-mail address. */
final class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    private Passwords() {
    }

    static void check(String password, String email) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new UserFacingException("password.tooShort", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new UserFacingException("password.tooLong", MAX_BYTES);
        }
        if (password.strip().equalsIgnoreCase(email.strip())) {
            throw new UserFacingException("password.sameAsEmail");
        }
    }
}
