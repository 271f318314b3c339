package com.tierpilot.tenant;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MailedSignUpLinks;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.RecordingMailSender;
import com.tierpilot.support.TestTenants;
import com.tierpilot.tenant.domain.TenantRepository;
import com.tierpilot.tenant.domain.UserAccountRepository;
import com.tierpilot.tenant.persistence.SignUpRequestRepository;
import com.tierpilot.tenant.persistence.SignupAttemptRepository;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SignUpTest {

    static final String BASE = "https://crm.example.com";

    @Autowired
    TenantService tenants;
    @Autowired
    TenantProvisioningService provisioning;
    @Autowired
    LoginLinkService loginLinks;
    @Autowired
    MutableClock clock;
    @Autowired
    TenantRepository tenantRepository;
    @Autowired
    UserAccountRepository users;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SignupAttemptRepository rateLimiter;
    @Autowired
    SignUpRequestRepository requests;
    @Autowired
    MessageSource messages;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Validator validator;

    @BeforeAll
    static void readTheLoggedLinks() {
        MailedSignUpLinks.listen();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void nothingIsCreatedUntilTheMailedLinkIsOpenedAndThenTheOwnerIsSignedInWithTheChosenSettings() {
        String email = unique("Li.Na");
        tenants.signUp(command("杭州小店", email, ZoneId.of("America/New_York"), "USD", SupportedLocales.ENGLISH),
                TestTenants.nextAddress(), BASE);

        assertThat(provisioning.tenantOfLogin(email)).as("no account before the link is opened").isEmpty();
        String link = MailedSignUpLinks.forEmail(email);
        assertThat(link).startsWith(BASE + "/signup/confirm/");
        String token = MailedSignUpLinks.tokenFor(email);
        assertThat(tenants.pendingSignUp(token)).hasValue(new PendingSignUp("杭州小店", email.toLowerCase(Locale.ROOT)));
        assertThat(provisioning.tenantOfLogin(email)).as("looking at the confirmation page creates nothing").isEmpty();

        TierPilotUser owner = loginLinks.redeem(loginToken(tenants.confirmSignUp(token))).orElseThrow();

        assertThat(owner.role()).isEqualTo(Role.OWNER);
        assertThat(owner.tenantName()).isEqualTo("杭州小店");
        assertThat(owner.email()).isEqualTo(email.toLowerCase(Locale.ROOT));
        assertThat(owner.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(owner.currency()).isEqualTo("USD");
        assertThat(owner.locale()).isEqualTo(SupportedLocales.ENGLISH);
        assertThat(tenants.profile(owner.tenantId()).name()).isEqualTo("杭州小店");
    }

    @Test
    void theMailedLinkCreatesOneCompanyOnlyOnceAndTheLoginLinkAfterItWorksOnlyOnce() {
        String email = unique("once");
        tenants.signUp(command("Once Ltd", email, ZoneId.of("Asia/Shanghai"), "CNY", SupportedLocales.CHINESE),
                TestTenants.nextAddress(), BASE);
        String token = MailedSignUpLinks.tokenFor(email);

        LoginLink login = tenants.confirmSignUp(token);

        assertThatThrownBy(() -> tenants.confirmSignUp(token)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("signup.confirm.expired");
        assertThat(tenants.pendingSignUp(token)).isEmpty();
        assertThat(loginLinks.redeem(loginToken(login))).isPresent();
        assertThat(loginLinks.redeem(loginToken(login))).isEmpty();
    }

    @Test
    void theMailedLinkExpiresAfterADayAndAnUnknownLinkIsRefused() {
        String email = unique("slow");
        tenants.signUp(command("Slow Ltd", email, ZoneId.of("Asia/Shanghai"), "CNY", SupportedLocales.CHINESE),
                TestTenants.nextAddress(), BASE);
        String token = MailedSignUpLinks.tokenFor(email);

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(tenants.pendingSignUp(token)).isEmpty();
        assertThatThrownBy(() -> tenants.confirmSignUp(token)).hasMessageContaining("signup.confirm.expired");
        assertThatThrownBy(() -> tenants.confirmSignUp("guessed")).hasMessageContaining("signup.confirm.expired");
        assertThat(provisioning.tenantOfLogin(email)).isEmpty();
    }

    @Test
    void aNewAddressIsMailedItsLinkInTheChosenLanguage() {
        var outbox = new RecordingMailSender(false);
        String email = unique("mailed");

        withMail(outbox).signUp(command("邮件茶行", email, ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), TestTenants.nextAddress(), BASE);

        assertThat(outbox.sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly(email.toLowerCase(Locale.ROOT));
            assertThat(mail.getSubject()).contains("邮件茶行").contains("开通");
            assertThat(mail.getText()).contains(BASE + "/signup/confirm/").contains("仅可使用一次");
        });
        String mailed = outbox.sent.getFirst().getText();
        String token = mailed.substring(mailed.indexOf("/signup/confirm/") + 16).split("\\s")[0];
        assertThat(tenants.pendingSignUp(token)).isPresent();
    }

    @Test
    void signingUpWithAnExistingAddressAnswersTheSameAndMailsTheAccountsOwnerInTheirLanguage() {
        var outbox = new RecordingMailSender(false);
        String existing = unique("boss");
        var first = tenants.confirmSignUp(signUpAndWait(command("First", existing, ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.ENGLISH)));
        assertThat(first.path()).startsWith("/auth/complete");
        var linkOfFirstSignUp = MailedSignUpLinks.loggedFor(existing);

        // Same call, same outcome (no exception, nothing returned): only the mail differs, and it goes to the owner.
        withMail(outbox).signUp(command("Second", existing.toUpperCase(Locale.ROOT), ZoneId.of("Asia/Shanghai"),
                "CNY", SupportedLocales.CHINESE), TestTenants.nextAddress(), BASE);

        assertThat(outbox.sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly(existing.toLowerCase(Locale.ROOT));
            assertThat(mail.getSubject()).isEqualTo("Someone tried to sign up to TierPilot with your address");
            assertThat(mail.getText()).contains("First owner").contains(BASE + "/login")
                    .doesNotContain("/signup/confirm/");
        });
        assertThat(users.findByEmail(existing.toLowerCase(Locale.ROOT)).orElseThrow().tenantId())
                .as("the account is unchanged").isEqualTo(provisioning.tenantOfLogin(existing).orElseThrow());
        assertThat(MailedSignUpLinks.loggedFor(existing)).as("no new link for it").isEqualTo(linkOfFirstSignUp);
    }

    @Test
    void bothAnswersTakeTheSamePathThePasswordHashAndOneMailSoTheirTimingTellsNothing() {
        String existing = unique("timed");
        tenants.confirmSignUp(signUpAndWait(command("Timed", existing, ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.ENGLISH)));
        var outbox = new RecordingMailSender(false);
        TenantService service = withMail(outbox);
        List<Long> news = new ArrayList<>();
        List<Long> olds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            news.add(timed(() -> service.signUp(command("New", unique("new"), ZoneId.of("Asia/Shanghai"), "CNY",
                    SupportedLocales.ENGLISH), TestTenants.nextAddress(), BASE)));
            olds.add(timed(() -> service.signUp(command("Old", existing, ZoneId.of("Asia/Shanghai"), "CNY",
                    SupportedLocales.ENGLISH), TestTenants.nextAddress(), BASE)));
        }

        assertThat(outbox.sent).hasSize(10);
        // The password is hashed on both paths (bcrypt is most of the time), so an existing address does not
        // answer noticeably faster.
        assertThat((double) median(olds)).as("existing %s ms, new %s ms", olds, news)
                .isGreaterThan(0.4 * median(news));
    }

    @Test
    void anAddressThatGotAnAccountMeanwhileCannotBeActivatedTwice() {
        String email = unique("twice");
        var cmd = command("Twice", email, ZoneId.of("Asia/Shanghai"), "CNY", SupportedLocales.CHINESE);
        tenants.signUp(cmd, TestTenants.nextAddress(), BASE);
        String firstToken = MailedSignUpLinks.tokenFor(email);
        tenants.signUp(cmd, TestTenants.nextAddress(), BASE);
        String secondToken = MailedSignUpLinks.tokenFor(email);
        assertThat(secondToken).isNotEqualTo(firstToken);

        tenants.confirmSignUp(secondToken);

        assertThatThrownBy(() -> tenants.confirmSignUp(firstToken)).hasMessageContaining("signup.confirm.alreadyActive");
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("Weak", "Weak", unique("weak"), "short",
                ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE),
                TestTenants.nextAddress(), BASE))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("password.tooShort");
    }

    @Test
    void commonAndLeakedPasswordsAreRefusedAndTheUserIsToldWhyInTheirLanguage() {
        for (String common : List.of("12345678", "password", "qwertyuiop", "P@ssw0rd!", "Passw0rd2024")) {
            assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("Weak", "Weak", unique("weak"), common,
                    ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE),
                    TestTenants.nextAddress(), BASE))
                    .as(common).isInstanceOf(UserFacingException.class).hasMessageContaining("password.common");
        }
        assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("Weak", "Weak", unique("weak"), "zxcvbnm,./",
                ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE),
                TestTenants.nextAddress(), BASE))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("password.weak");
        var english = java.util.ResourceBundle.getBundle("messages", Locale.ROOT);
        var chinese = java.util.ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE);
        assertThat(english.getString("password.common")).contains("leaked passwords");
        assertThat(chinese.getString("password.common")).contains("泄露密码");
    }

    @Test
    void theDemoPasswordAndAPassphraseAreStrongEnough() {
        for (String strong : List.of("TierPilot-demo-2026", "correct-horse-battery", "雨后西湖的三潭印月")) {
            Passwords.check(strong, "owner@demo.tierpilot.cn");
        }
    }

    @Test
    void anAddressMayTrySignUpFiveTimesAnHourAndThenAgainAnHourLater() {
        String address = TestTenants.nextAddress();
        for (int i = 0; i < 5; i++) {
            tenants.signUp(command("Shop " + i, unique("shop" + i), ZoneId.of("Asia/Shanghai"), "CNY",
                    SupportedLocales.CHINESE), address, BASE);
        }

        assertThatThrownBy(() -> tenants.signUp(command("Shop 6", unique("shop6"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), address, BASE))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("signup.error.rateLimited");
        // Another address is not affected.
        tenants.signUp(command("Elsewhere", unique("elsewhere"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), TestTenants.nextAddress(), BASE);

        clock.advance(Duration.ofMinutes(61));
        String later = unique("later");
        tenants.signUp(command("Later", later, ZoneId.of("Asia/Shanghai"), "CNY", SupportedLocales.CHINESE), address,
                BASE);
        assertThat(MailedSignUpLinks.forEmail(later)).contains("/signup/confirm/");
    }

    @Test
    void aFailedSignUpStillCountsAgainstTheLimit() {
        String address = TestTenants.nextAddress();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> tenants.signUp(new SignUpCommand("X", "X", unique("bad"), "short",
                    ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.CHINESE), address,
                    BASE)).hasMessageContaining("password.tooShort");
        }

        assertThatThrownBy(() -> tenants.signUp(command("Good", unique("good"), ZoneId.of("Asia/Shanghai"), "CNY",
                SupportedLocales.CHINESE), address, BASE)).hasMessageContaining("signup.error.rateLimited");
    }

    /** The sign-up service of the application, mailing through {@code sender} as if SMTP were configured. */
    private TenantService withMail(JavaMailSender sender) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        var mail = new SignUpMail(beans.getBeanProvider(JavaMailSender.class), messages, "no-reply@example.com");
        return new TenantService(tenantRepository, users, passwordEncoder, rateLimiter, loginLinks, requests, mail,
                events, validator, clock);
    }

    private String signUpAndWait(SignUpCommand command) {
        tenants.signUp(command, TestTenants.nextAddress(), BASE);
        return MailedSignUpLinks.tokenFor(command.email());
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    static SignUpCommand command(String company, String email, ZoneId zone, String currency, Locale language) {
        return new SignUpCommand(company, company + " owner", email, TestTenants.PASSWORD, zone,
                Currency.getInstance(currency), language);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    static String loginToken(LoginLink link) {
        return link.path().substring(link.path().indexOf("token=") + 6);
    }
}
