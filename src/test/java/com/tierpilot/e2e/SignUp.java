package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tierpilot.support.MailedSignUpLinks;

/** Signs a new company up through the form and opens the link that would be mailed, as a new customer does. */
final class SignUp {

    private SignUp() {
    }

    /** Fills in the sign-up form (the page is open), sends it, and activates the company through its link. */
    static void andActivate(Page page, String company, String name, String email, String password) {
        MailedSignUpLinks.listen();
        send(page, company, name, email, password);
        activate(page, MailedSignUpLinks.forEmail(email));
    }

    /** Fills in and sends the sign-up form; the page then says to check the mailbox. */
    static void send(Page page, String company, String name, String email, String password) {
        page.locator("#signup-company input").fill(company);
        page.locator("#signup-name input").fill(name);
        page.locator("#signup-email input").fill(email);
        page.locator("#signup-password input").fill(password);
        page.locator("#signup-submit").click();
        assertThat(page.locator("#signup-sent")).isVisible();
    }

    /** Opens a sign-up's link and presses its button; the browser then goes on to the new company's dashboard. */
    static void activate(Page page, String link) {
        page.navigate(link);
        page.locator("#signup-confirm").click();
    }
}
