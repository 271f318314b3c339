package com.tierpilot.tenant;

import java.time.Instant;

/** A freshly issued invitation: the link is shown once, to copy, and e-mailed when SMTP is configured. */
public record InvitationLink(String url, String email, Instant expiresAt, boolean emailed) {
}
