package com.tierpilot.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MailedSignUpLinks;
import com.tierpilot.support.TestTenants;
import com.tierpilot.tenant.TenantProvisioningService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-up screen gives one answer, "check your mailbox", for a new address and for one that has an account; the
 * mailed link's page activates the company with a button.
 */
@IntegrationTest
class SignUpScreenTest extends SpringBrowserlessTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantProvisioningService provisioning;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshSignUpAllowance() {
        MailedSignUpLinks.listen();
        TestTenants.signOut();
        // This test's browser has one fixed address; earlier runs on the same database must not rate-limit it.
        navigate(SignUpView.class);
        jdbc.sql("delete from signup_attempt where client_ip = ?").param(VaadinRequest.getCurrent().getRemoteAddr())
                .update();
    }

    @Test
    void aNewAddressAndAnAddressWithAnAccountGetTheSameAnswer() {
        String existing = tenants.signUp("Existing Tea", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .owner().email();
        String fresh = "fresh-" + UUID.randomUUID() + "@example.com";
        var linkOfItsOwnSignUp = MailedSignUpLinks.loggedFor(existing);

        String newAnswer = signUp("Fresh Tea", fresh);
        String existingAnswer = signUp("Copy Tea", existing.toUpperCase(Locale.ROOT));

        assertThat(newAnswer).contains("Check your mailbox").contains(fresh);
        assertThat(existingAnswer.replace(existing.toUpperCase(Locale.ROOT), "ADDRESS"))
                .isEqualTo(newAnswer.replace(fresh, "ADDRESS"));
        assertThat(find(Notification.class).all()).as("no error either way").isEmpty();
        assertThat(MailedSignUpLinks.loggedFor(fresh)).as("the new address gets a link").isPresent();
        assertThat(MailedSignUpLinks.loggedFor(existing)).as("the existing one none").isEqualTo(linkOfItsOwnSignUp);
    }

    @Test
    void theMailedLinkShowsTheCompanyAndActivatesItOnlyWhenTheButtonIsPressed() {
        String email = "link-" + UUID.randomUUID() + "@example.com";
        signUp("Link Tea", email);
        String token = MailedSignUpLinks.tokenFor(email);

        navigate("signup/confirm/" + token, SignUpConfirmView.class);
        assertThat(find(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText()).contains("Link Tea")
                .contains(email));
        assertThat(provisioning.tenantOfLogin(email)).as("opening the link creates nothing").isEmpty();

        test(find(Button.class).withId("signup-confirm").single()).click();
        assertThat(provisioning.tenantOfLogin(email)).isPresent();

        navigate("signup/confirm/" + token, SignUpConfirmView.class);
        assertThat(find(Paragraph.class).withId("signup-confirm-expired").single().getText()).contains("used");
        assertThat(find(Button.class).withId("signup-confirm").exists()).isFalse();
    }

    /** Fills in and sends the sign-up form; returns what the page then says. */
    private String signUp(String company, String email) {
        navigate(LoginView.class); // a fresh sign-up page, as after a reload
        navigate(SignUpView.class);
        test(find(TextField.class).withId("signup-company").single()).setValue(company);
        test(find(TextField.class).withId("signup-name").single()).setValue(company + " owner");
        test(find(EmailField.class).withId("signup-email").single()).setValue(email);
        test(find(PasswordField.class).withId("signup-password").single()).setValue(TestTenants.PASSWORD);
        test(find(Button.class).withId("signup-submit").single()).click();
        return find(Div.class).withId("signup-sent").single().getElement().getTextRecursively();
    }
}
