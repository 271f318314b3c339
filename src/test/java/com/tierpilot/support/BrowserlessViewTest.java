package com.tierpilot.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinSession;

/** A browserless test of views, with the two things a signed-in browser tab does that tests must ask for. */
public abstract class BrowserlessViewTest extends SpringBrowserlessTest {

    /** A fresh browser tab, as after loading a page once signed in: it starts in the signed-in user's language. */
    protected void openNewTab() {
        cleanVaadinEnvironment();
        initVaadinEnvironment();
    }

    /** Applies the UI updates that background work (such as an import) pushed while the test held the session. */
    protected void receivePushedUpdates() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }
}
