package com.tierpilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Signs in through the login form, as a user would. */
final class SignIn {

    private SignIn() {
    }

    /** Signs in and waits until the application has left the login page. */
    static void as(Page page, String loginUrl, String email, String password) {
        page.navigate(loginUrl);
        fill(page, email, password);
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Fills in the login form and submits it. */
    static void fill(Page page, String email, String password) {
        page.locator("vaadin-login-form input[name='username']").fill(email);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form vaadin-button")
                .filter(new Locator.FilterOptions().setHasText("Sign in")).first().click();
    }
}
