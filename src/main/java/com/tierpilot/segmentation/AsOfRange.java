package com.tierpilot.segmentation;

import com.tierpilot.base.UserFacingException;
import java.time.LocalDate;

/** The dates a recompute may score as of, both included (see {@link SegmentationService#asOfRange}). */
public record AsOfRange(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The answer to a date outside the range, or one that is not an ISO date: the range, in words. */
    public UserFacingException refusal() {
        return new UserFacingException("segmentation.error.asOf", from.toString(), to.toString());
    }
}
