package com.tierpilot.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An always-on campaign: its name and goal, its status (draft until switched on, active, completed once ended),
 * whether it is paused, its current version and what that version does, the preset it was made from, and when it
 * was switched on.
 */
public record AlwaysOnCampaign(long id, String name, @Nullable String goal, CampaignStatus status, boolean paused,
        int version, AlwaysOnDefinition definition, @Nullable String preset, @Nullable Instant switchedOnAt) {

    /** Whether nights enrol and act for it: switched on, not paused, not ended. */
    public boolean running() {
        return status == CampaignStatus.ACTIVE && !paused;
    }
}
