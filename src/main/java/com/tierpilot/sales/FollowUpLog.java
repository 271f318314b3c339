package com.tierpilot.sales;

import com.tierpilot.base.UserId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A follow-up logged on a customer: when (and the company's day), by whom, how, what came of it, what next. */
public record FollowUpLog(long id, Instant loggedAt, LocalDate loggedOn, @Nullable UserId loggedBy, FollowUpKind kind,
        @Nullable FollowUpOutcome outcome, @Nullable String note, @Nullable LocalDate nextOn) {
}
