package com.tierpilot.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SignUpTest {

    @Autowired
    TenantService tenants;
    @Autowired
    LoginLinks loginLinks;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aNewCompanysOwnerIsSignedInWithTheSettingsChosenAtSignUp() {
        String email = unique("Li.Na");
        LoginLink link = tenants.signUp(command("杭州小店", email, ZoneId.of("America/New_York"), "USD",
                SupportedLocales.ENGLISH), TestTenants.nextAddress());

        TierPilotUser owner = loginLinks.redeem(token(link)).orElseThrow();

        assertThat(owner.role()).isEqualTo(Role.OWNER);
        assertThat(owner.tenantName()).isEqualTo("杭州小店");
        assertThat(owner.email()).isEqualTo(email.toLowerCase(Locale.ROOT));
        assertThat(owner.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(owner.currency()).isEqualTo("USD");
        assertThat(owner.locale()).isEqualTo(SupportedLocales.ENGLISH);
        assertThat(tenants.profile(owner.tenantId()).name()).isEqualTo("杭州小店");
    }

    @Test
    void theLoginLinkAfterSignUpWorksOnlyOnce() {
        LoginLink link = tenants.signUp(command("Once Ltd", unique("once"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), TestTenants.nextAddress());

        assertThat(loginLinks.redeem(token(link))).isPresent();
        assertThat(loginLinks.redeem(token(link))).isEmpty();
    }

    @Test
    void theLoginLinkExpiresAfterTwoMinutes() {
        LoginLink link = tenants.signUp(command("Slow Ltd", unique("slow"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), TestTenants.nextAddress());

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        assertThat(loginLinks.redeem(token(link))).isEmpty();
    }

    @Test
    void anEmailAddressCanSignUpOnlyOnceWhateverItsCase() {
        String email = unique("boss");
        tenants.signUp(command("First", email, ZoneId.of("Asia/Shanghai"), "CNY", SupportedLocales.CHINESE),
                TestTenants.nextAddress());

        assertThatThrownBy(() -> tenants.signUp(command("Second", email.toUpperCase(Locale.ROOT),
                ZoneId.of("Asia/Shanghai"), "CNY", SupportedLocales.CHINESE), TestTenants.nextAddress()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("signup.error.emailTaken");
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("Weak", "Weak", unique("weak"), "short",
                ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE),
                TestTenants.nextAddress()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("password.tooShort");
    }

    @Test
    void commonAndLeakedPasswordsAreRefusedAndTheUserIsToldWhyInTheirLanguage() {
        for (String common : java.util.List.of("12345678", "password", "qwertyuiop", "P@ssw0rd!", "Passw0rd2024")) {
            assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("Weak", "Weak", unique("weak"), common,
                    ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE),
                    TestTenants.nextAddress()))
                    .as(common).isInstanceOf(UserFacingException.class).hasMessageContaining("password.common");
        }
        assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("Weak", "Weak", unique("weak"), "zxcvbnm,./",
                ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE),
                TestTenants.nextAddress()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("password.weak");
        var english = java.util.ResourceBundle.getBundle("messages", Locale.ROOT);
        var chinese = java.util.ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE);
        assertThat(english.getString("password.common")).contains("leaked passwords");
        assertThat(chinese.getString("password.common")).contains("泄露密码");
    }

    @Test
    void theDemoPasswordAndAPassphraseAreStrongEnough() {
        for (String strong : java.util.List.of("TierPilot-demo-2026", "correct-horse-battery", "雨后西湖的三潭印月")) {
            Passwords.check(strong, "owner@demo.tierpilot.cn");
        }
    }

    @Test
    void anAddressMayTrySignUpFiveTimesAnHourAndThenAgainAnHourLater() {
        String address = TestTenants.nextAddress();
        for (int i = 0; i < 5; i++) {
            tenants.signUp(command("Shop " + i, unique("shop" + i), ZoneId.of("Asia/Shanghai"), "CNY",
                    SupportedLocales.CHINESE), address);
        }

        assertThatThrownBy(() -> tenants.signUp(command("Shop 6", unique("shop6"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), address))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("signup.error.rateLimited");
        // Another address is not affected.
        tenants.signUp(command("Elsewhere", unique("elsewhere"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), TestTenants.nextAddress());

        clock.advance(Duration.ofMinutes(61));
        assertThat(tenants.signUp(command("Later", unique("later"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), address).path()).startsWith("/auth/complete?token=");
    }

    @Test
    void aFailedSignUpStillCountsAgainstTheLimit() {
        String address = TestTenants.nextAddress();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("X", "X", unique("bad"), "short",
                    ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE), address))
                    .hasMessageContaining("password.tooShort");
        }

        assertThatThrownBy(() -> tenants.signUp(command("Good", unique("good"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), address)).hasMessageContaining("signup.error.rateLimited");
    }

    static SignUpCommand command(String company, String email, ZoneId zone, String currency, Locale language) {
        return new SignUpCommand(company, company + " owner", email, TestTenants.PASSWORD, zone,
                Currency.getInstance(currency), language);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    static String token(LoginLink link) {
        return link.path().substring(link.path().indexOf("token=") + 6);
    }
}
