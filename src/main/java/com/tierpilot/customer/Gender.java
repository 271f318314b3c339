package com.tierpilot.customer;

/** Stored as one letter; unknown is null. */
public enum Gender {
    MALE("M"),
    FEMALE("F");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Gender fromCode(String code) {
        return "F".equals(code) ? FEMALE : MALE;
    }
}
