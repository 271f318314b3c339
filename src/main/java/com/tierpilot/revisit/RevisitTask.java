package com.tierpilot.revisit;

import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A task as the lists show it: whom to contact, when, how, under which plan, and (once done) how it went. */
public record RevisitTask(long id, long customerId, String customerCode, @Nullable String customerName,
        @Nullable String phone, long planId, String planName, @Nullable String script, @Nullable Long managerId,
        LocalDate dueOn, ContactChannel channel, int priority, String status, @Nullable TaskOutcome outcome,
        @Nullable String note, @Nullable LocalDate doneOn) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** The plan's name in the viewer's language when it is a preset's (stored as a key), else as the user wrote it. */
    public String planName(Function<String, String> translate) {
        return RevisitPlan.text(planName, translate);
    }

    /** The plan's script, like {@link #planName(Function)}; empty without one. */
    public String script(Function<String, String> translate) {
        return script == null ? "" : RevisitPlan.text(script, translate);
    }
}
