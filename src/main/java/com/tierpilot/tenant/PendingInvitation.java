package com.tierpilot.tenant;

import com.tierpilot.base.Role;
import java.time.Instant;

/** An invitation that has been neither accepted, revoked nor expired. */
public record PendingInvitation(long id, String email, Role role, Instant createdAt, Instant expiresAt) {
}
