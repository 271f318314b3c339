package com.tierpilot.base.ui;

import com.tierpilot.base.UserFacingException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The few kinds of toast a view shows, so that they look and behave the same everywhere. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Something done that needs the user's attention, such as a manager past the comfortable load. */
    public static void warning(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    public static void error(String message) {
        ErrorHandling.show(message);
    }

    /** Shows an expected failure in the language of the component's UI. */
    public static void error(Component context, UserFacingException e) {
        error(context.getTranslation(e.messageKey(), e.args()));
    }
}
