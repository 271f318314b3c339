package com.tierpilot.base;

import java.util.Arrays;

/**
 * A failure the user can act on. It carries an i18n message key and its arguments; the UI shows the translation in
 * the user's language and REST maps it to a problem detail. It is never used for programming errors.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
