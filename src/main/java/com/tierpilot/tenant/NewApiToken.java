package com.tierpilot.tenant;

/**
 * A token just created. This is the only time the raw token exists outside the client: it is shown once, and only
 * its hash is stored. {@link #toString()} leaves the token out, so it cannot end up in a log by accident.
 */
public record NewApiToken(ApiTokenSummary summary, String token) {

    @Override
    public String toString() {
        return "NewApiToken[" + summary + "]";
    }
}
