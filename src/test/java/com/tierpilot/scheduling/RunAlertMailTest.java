package com.tierpilot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.RecordingMailSender;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TeamDirectory;
import com.tierpilot.tenant.TenantService;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;

/** With SMTP configured, an alert is e-mailed to the owners too; when mail fails, the banner stays. */
@IntegrationTest
class RunAlertMailTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    AlertStore store;
    @Autowired
    TeamDirectory team;
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
            assertThat(mail.getText()).contains("recompute: disk full");
        });
        assertThat(store.open(tenant.id())).singleElement().extracting(RunAlert::kind)
                .isEqualTo(RunAlert.Kind.FAILED);
    }

    @Test
    void aFailingMailServerLeavesTheBannerInPlace() {
        TestTenant tenant = tenants.signUp("Offline Alert Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);

        alerts(new RecordingMailSender(true)).raise(tenant.id(), RunAlert.Kind.SLOW, 0, "95 s (median 20 s)");

        assertThat(store.open(tenant.id())).singleElement().extracting(RunAlert::kind).isEqualTo(RunAlert.Kind.SLOW);
    }

    private RunAlerts alerts(JavaMailSender sender) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        return new RunAlerts(store, beans.getBeanProvider(JavaMailSender.class), team, tenantService, messages,
                "no-reply@example.com", clock);
    }
}
