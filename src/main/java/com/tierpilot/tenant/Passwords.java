package com.tierpilot.tenant;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.tierpilot.base.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The password policy: at least 8 characters, at most 72 bytes (bcrypt's limit), not the e-mail address, and not
 * easy to guess. The last is zxcvbn's estimate (Wheeler 2016, the Java port by Nulab): it knows the common and
 * leaked passwords of public breach lists, words, names, keyboard patterns, dates and l33t substitutions, and a
 * password it scores below {@value #MIN_SCORE} of 4 (fewer than about 10⁸ guesses) is refused, saying why.
 */
final class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;
    static final int MIN_SCORE = 3;

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
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        int at = address.indexOf('@');
        Strength strength = Estimator.ZXCVBN.measure(password,
                at > 0 ? List.of(address, address.substring(0, at), "tierpilot") : List.of(address, "tierpilot"));
        if (strength.getScore() < MIN_SCORE) {
            boolean common = strength.getSequence().stream().anyMatch(m -> "passwords".equals(m.dictionaryName));
            throw new UserFacingException(common ? "password.common" : "password.weak");
        }
    }

    /** One estimator for the application: building it reads zxcvbn's dictionaries once. */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }
}
