package com.tierpilot.scheduling;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.scheduling.persistence.AlertRepository;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.RecordingMailSender;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.support.TestTenants;
import com.tierpilot.tenant.OwnerMails;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SMTP configured, an alert is e-mailed to the owners too, each in their language; when mail fails, the banner
 * stays.
 */
@IntegrationTest
class RunAlertMailTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    AlertRepository store;
    @Autowired
    UserAccountRepository users;
    @Autowired
    TenantService tenantService;
    @Autowired
    MessageSource messages;
    @Autowired
    MutableClock clock;

    @Test
    void aFinalFailureIsMailedToTheOwnerAndShownAsABanner() {
        TestTenant tenant = tenants.signUp("Mailed Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        var outbox = new RecordingMailSender(false);

        alerts(outbox).raise(tenant.id(), RunAlert.Kind.FAILED, 0, "recompute: disk full");

        assertThat(outbox.sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly(tenant.owner().email());
            assertThat(mail.getSubject()).contains("Mailed Co").contains("failed");
            assertThat(mail.getText()).as("a clear sentence, not the raw error")
                    .startsWith("Last night's recompute of Mailed Co failed, also after three retries.")
                    .doesNotContain("disk full").doesNotContain("{");
        });
        assertThat(store.open(tenant.id())).singleElement().extracting(RunAlert::kind)
                .isEqualTo(RunAlert.Kind.FAILED);
    }

    @Test
    void aFailingMailServerLeavesTheBannerInPlace() {
        TestTenant tenant = tenants.signUp("Offline Alert Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);

        alerts(new RecordingMailSender(true)).raise(tenant.id(), RunAlert.Kind.SLOW, 0,
                RunAlert.slowDetail(Duration.ofSeconds(95), Duration.ofSeconds(20)));

        assertThat(store.open(tenant.id())).singleElement().extracting(RunAlert::kind).isEqualTo(RunAlert.Kind.SLOW);
    }

    @Test
    void aSlowRunIsToldInTheOwnersLanguageOnTheBannerAndInTheMail() {
        TestTenant tenant = tenants.signUp("慢速公司", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE);
        var outbox = new RecordingMailSender(false);

        alerts(outbox).raise(tenant.id(), RunAlert.Kind.SLOW, 0,
                RunAlert.slowDetail(Duration.ofSeconds(95), Duration.ofSeconds(20)));

        assertThat(outbox.sent).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("TierPilot：慢速公司 的夜间重算很慢");
            assertThat(mail.getText()).contains("用时 95 秒，平时约 20 秒");
        });
        RunAlert banner = store.open(tenant.id()).getFirst();
        assertThat(messages.getMessage(banner.messageKey(), banner.arguments(), SupportedLocales.CHINESE))
                .isEqualTo("夜间重算比平时慢得多：用时 95 秒，平时约 20 秒");
        assertThat(messages.getMessage(banner.messageKey(), banner.arguments(), SupportedLocales.ENGLISH))
                .isEqualTo("The nightly recompute was much slower than usual: 95 s, where it usually takes about 20 s");
    }

    private RunAlertService alerts(JavaMailSender sender) {
        return new RunAlertService(store, OwnerMails.through(sender, users), tenantService, messages, clock);
    }
}
