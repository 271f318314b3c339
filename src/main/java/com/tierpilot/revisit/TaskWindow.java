package com.tierpilot.revisit;

/** Which open tasks a list shows, relative to today. */
public enum TaskWindow {
    TODAY, OVERDUE, UPCOMING;

    public String messageKey() {
        return "tasks.window." + name();
    }
}
