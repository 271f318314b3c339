package com.tierpilot.tenant;

import com.tierpilot.base.Role;

/** What the invitee sees before accepting. */
public record InvitationPreview(String tenantName, String email, Role role) {
}
