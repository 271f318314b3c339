package com.tierpilot.revisit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How many tasks each manager has on each working day, and how many they can do: a task placed on a full day (or a
 * weekend) moves to the next working day with room. The unassigned queue is nobody's day and has no limit.
 */
final class DailyCapacity {

    private final Map<Long, Integer> capacities;
    private final Map<Long, Map<LocalDate, Integer>> load;

    /** {@code load}: the open tasks per manager and due date so far; it is counted on from there. */
    DailyCapacity(Map<Long, Integer> capacities, Map<Long, Map<LocalDate, Integer>> load) {
        this.capacities = capacities;
        this.load = load;
    }

    int capacity(long manager) {
        return capacities.getOrDefault(manager, RevisitTaskService.DEFAULT_CAPACITY);
    }

    /** The first working day from {@code due} on which the manager has room; the task is counted there. */
    LocalDate place(@Nullable Long manager, LocalDate due) {
        LocalDate day = WorkingDays.onOrAfter(due);
        if (manager == null) {
            return day;
        }
        Map<LocalDate, Integer> days = load.computeIfAbsent(manager, m -> new HashMap<>());
        int capacity = Math.max(1, capacity(manager));
        while (days.getOrDefault(day, 0) >= capacity) {
            day = WorkingDays.at(WorkingDays.index(day) + 1);
        }
        days.merge(day, 1, Integer::sum);
        return day;
    }

    /** Counts a task that keeps its day (a greeting, a date the manager chose). */
    void keep(@Nullable Long manager, LocalDate day) {
        if (manager != null) {
            load.computeIfAbsent(manager, m -> new HashMap<>()).merge(day, 1, Integer::sum);
        }
    }
}
