package com.tierpilot.tenant;

/** A sign-up waiting for its mailed link to be opened: what the confirmation page shows. */
public record PendingSignUp(String companyName, String email) {
}
