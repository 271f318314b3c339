package com.tierpilot.base.ui;

import com.tierpilot.base.UserFacingException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The UI's last line of defence: an exception that escapes a view is logged (with the tenant in the MDC) and the user
 * sees a message in their language instead of a stack trace. Expected failures carry their own message key.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ErrorHandling::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable error = event.getThrowable();
        Optional<UserFacingException> expected = find(error, UserFacingException.class);
        UI ui = UI.getCurrent();
        String message;
        if (expected.isPresent()) {
            log.info("User-facing error: {}", expected.get().getMessage());
            message = ui == null ? expected.get().messageKey()
                    : ui.getTranslation(expected.get().messageKey(), expected.get().args());
        } else if (find(error, AccessDeniedException.class).isPresent()) {
            log.warn("Access denied", error);
            message = ui == null ? "error.accessDenied" : ui.getTranslation("error.accessDenied");
        } else {
            log.error("Unexpected error in the UI", error);
            message = ui == null ? "error.unexpected" : ui.getTranslation("error.unexpected");
        }
        if (ui != null) {
            ui.access(() -> show(message));
        }
    }

    /** Shows an error message the way every view does. */
    static void show(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
