package com.tierpilot.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.RecordingMailSender;
import com.tierpilot.support.TestTenants;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import com.tierpilot.tenant.domain.TenantRepository;

/** With SMTP configured, an invitation is e-mailed in the owner's language; a failing server is reported. */
@IntegrationTest
class InvitationMailerTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantRepository tenantRepository;
    @Autowired
    MessageSource messages;

    @Test
    void theInvitationMailCarriesTheLinkAndTheCompanyNameInTheOwnersLanguage() {
        var tenant = tenants.signUp("邮件公司");
        var outbox = new RecordingMailSender(false);

        boolean sent = mailer(outbox).send(tenant.id(), "new@example.com", "https://crm.example.com/invite/abc",
                Instant.parse("2026-12-01T04:00:00Z"), SupportedLocales.CHINESE);

        assertThat(sent).isTrue();
        assertThat(outbox.sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly("new@example.com");
            assertThat(mail.getSubject()).contains("邮件公司");
            assertThat(mail.getText()).contains("https://crm.example.com/invite/abc").contains("受邀加入").as("expiry in the tenant's time zone").contains("12:00");
        });
    }

    @Test
    void aFailingMailServerIsReportedSoThatTheOwnerCopiesTheLink() {
        var tenant = tenants.signUp("Offline Mail Co");

        boolean sent = mailer(new RecordingMailSender(true)).send(tenant.id(), "new@example.com",
                "https://crm.example.com/invite/abc", Instant.now(), SupportedLocales.ENGLISH);

        assertThat(sent).isFalse();
    }

    @Test
    void withoutSmtpNothingIsSent() {
        var tenant = tenants.signUp("No Mail Co");
        var none = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);

        assertThat(new InvitationMailer(none, tenantRepository, messages, "no-reply@example.com")
                .send(tenant.id(), "x@example.com", "https://x/invite/1", Instant.now(), SupportedLocales.ENGLISH))
                .isFalse();
    }

    private InvitationMailer mailer(JavaMailSender sender) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        return new InvitationMailer(beans.getBeanProvider(JavaMailSender.class), tenantRepository, messages,
                "no-reply@example.com");
    }
}
