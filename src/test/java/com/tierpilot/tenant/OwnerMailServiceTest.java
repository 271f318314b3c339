package com.tierpilot.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.RecordingMailSender;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail to a company's owners goes to each owner in the language of their account, and to no one else. */
@IntegrationTest
class OwnerMailServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    UserAccountRepository users;

    @Test
    void eachOwnerGetsTheMessageInTheirOwnLanguageAndOtherRolesGetNothing() {
        TestTenant shop = tenants.signUp("Two Owners Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        var chineseOwner = shop.addUser(Role.OWNER, SupportedLocales.CHINESE);
        shop.addUser(Role.ACCOUNT_MANAGER, SupportedLocales.CHINESE);
        var outbox = new RecordingMailSender(false);
        List<Locale> asked = new ArrayList<>();

        int reached = OwnerMails.through(outbox, users).send(shop.id(), "test message", locale -> {
            asked.add(locale);
            return new OwnerMailService.Letter(locale.equals(SupportedLocales.CHINESE) ? "主题" : "Subject",
                    locale.equals(SupportedLocales.CHINESE) ? "正文" : "Body");
        });

        assertThat(reached).isEqualTo(2);
        assertThat(asked).containsExactlyInAnyOrder(SupportedLocales.ENGLISH, SupportedLocales.CHINESE);
        assertThat(outbox.sent).hasSize(2).anySatisfy(mail -> {
            assertThat(mail.getTo()).containsExactly(shop.owner().email());
            assertThat(mail.getSubject()).isEqualTo("Subject");
        }).anySatisfy(mail -> {
            assertThat(mail.getTo()).containsExactly(chineseOwner.email());
            assertThat(mail.getText()).isEqualTo("正文");
        });
    }

    @Test
    void withoutSmtpOrWithAFailingServerNoOwnerIsCountedAsReached() {
        TestTenant shop = tenants.signUp("Quiet Co");

        assertThat(OwnerMails.through(null, users).canReachOwners(shop.id())).isFalse();
        assertThat(OwnerMails.through(null, users).send(shop.id(), "test message",
                locale -> new OwnerMailService.Letter("s", "b"))).isZero();
        assertThat(OwnerMails.through(new RecordingMailSender(true), users).send(shop.id(), "test message",
                locale -> new OwnerMailService.Letter("s", "b"))).isZero();
        assertThat(OwnerMails.through(new RecordingMailSender(false), users).canReachOwners(shop.id())).isTrue();
    }
}
