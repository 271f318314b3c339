package com.tierpilot.sales;

import java.time.LocalDate;

/** A prospect's grade as last computed, and whether its expected close date had passed by then. */
public record GradeResult(ProspectGrade grade, boolean closeOverdue, LocalDate gradedOn) {
}
