package com.tierpilot.campaign;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An entrant of an always-on campaign as the campaign page lists it: the customer, which entry of theirs it is, the
 * version and group, when it entered and (once over) when and why it ended, and the steps done for it.
 */
public record AlwaysOnEntry(long customerId, String customerCode, @Nullable String customerName, int entryNo,
        int version, boolean control, LocalDate enteredOn, @Nullable LocalDate exitedOn, @Nullable String exitReason,
        int stepsDone) {
}
