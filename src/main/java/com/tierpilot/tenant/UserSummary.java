package com.tierpilot.tenant;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user as listed to the owner and to other modules. */
public record UserSummary(UserId userId, String email, String displayName, Role role, boolean active,
        @Nullable Instant lastLoginAt, boolean locked) {
}
