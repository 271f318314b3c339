package com.tierpilot.segmentation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A customer's move from one segment to another in a scheme, as of a run's date. */
public record TimelineEntry(LocalDate asOf, String scheme, @Nullable String from, @Nullable String to) {
}
