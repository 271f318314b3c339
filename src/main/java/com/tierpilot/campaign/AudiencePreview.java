package com.tierpilot.campaign;

/** The audience's size now, and how it would split into target and holdout (control) at launch. */
public record AudiencePreview(int audience, int target, int control) {
}
