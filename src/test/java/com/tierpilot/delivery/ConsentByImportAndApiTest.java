package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.importing.FileAnalysis;
import com.tierpilot.importing.ImportField;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportService;
import com.tierpilot.importing.RejectReason;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19: marketing consent per channel set by a customer import (Chinese or English columns, yes/no/是/否/1/0,
 * an optional consent time) and by the REST API, recorded with its source and time. A bulk "yes" never lifts an
 * unsubscribe or a suppression (PIPL): those customers keep no consent, with their withdrawal's source and time, and
 * the API's answer names them.
 */
@IntegrationTest
class ConsentByImportAndApiTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    CustomerProfileService customers;
    @Autowired
    MarketingConsentService consent;
    @Autowired
    UnsubscribeService unsubscribes;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    TestTenant shop;

    @BeforeEach
    void aShopOwnerSignedIn() {
        shop = tenants.signUp("同意小店", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE).signInAsOwner();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void chineseConsentColumnsAreMappedAndRecordedPerChannelWithTheImportAndTheFilesTime() throws IOException {
        Path file = write("客户.csv", """
                客户编号,姓名,手机号,邮箱,短信营销同意,邮件营销同意,同意时间
                K-1,王芳,13800138000,wang@example.com,是,否,2026-11-02 14:30
                K-2,李雷,13900139000,li@example.com,1,0,
                K-3,韩梅,13700137000,han@example.com,,是,2026-10-01 09:00
                K-4,乱写,13600136000,,也许,,
                """);

        FileAnalysis analysis = imports.analyze(shop.id(), file);
        assertThat(analysis.suggested().columns()).containsEntry(ImportField.SMS_CONSENT, 4)
                .containsEntry(ImportField.EMAIL_CONSENT, 5).containsEntry(ImportField.CONSENT_AT, 6)
                .doesNotContainKey(ImportField.MARKETING_CONSENT);
        Instant before = clock.instant();
        ImportRunStatus run = FinishedImports.run(imports, shop.id(), shop.owner().userId(), file, "客户.csv",
                analysis.suggested());
        Instant after = clock.instant();

        assertThat(run.customersCreated()).isEqualTo(3);
        assertThat(run.rejectionsByReason()).containsOnly(Map.entry(RejectReason.BAD_YES_NO, 1));
        Consent wangSms = consentOf("K-1", ChannelKind.SMS);
        assertThat(wangSms.granted()).isTrue();
        assertThat(wangSms.source()).isEqualTo(ConsentSource.IMPORT);
        assertThat(wangSms.changedAt()).as("14:30 in the company's zone (the file's by default)")
                .isEqualTo(OffsetDateTime.parse("2026-11-02T14:30:00+08:00").toInstant());
        Consent wangEmail = consentOf("K-1", ChannelKind.EMAIL);
        assertThat(wangEmail.granted()).isFalse();
        assertThat(wangEmail.source()).isEqualTo(ConsentSource.IMPORT);
        assertThat(consentOf("K-2", ChannelKind.SMS).granted()).isTrue();
        assertThat(consentOf("K-2", ChannelKind.SMS).changedAt()).as("no consent time: the import's")
                .isBetween(before, after);
        assertThat(consentOf("K-2", ChannelKind.EMAIL).granted()).isFalse();
        assertThat(consentOf("K-3", ChannelKind.SMS).source()).as("a blank cell leaves the channel as it was")
                .isNull();
        assertThat(consentOf("K-3", ChannelKind.EMAIL).granted()).isTrue();
        assertThat(consent.mayReceive(shop.id(), id("K-1"), ChannelKind.SMS)).isTrue();
        assertThat(consent.mayReceive(shop.id(), id("K-1"), ChannelKind.EMAIL)).isFalse();
        assertThat(consent.suppressions(shop.id(), 0, 10)).as("an import's 'no' holds no consent; it is not an"
                + " unsubscribe, so no address is suppressed").isEmpty();
    }

    @Test
    void englishConsentColumnsAreMappedAndAThousandCustomersAreRecordedInBatches() throws IOException {
        StringBuilder csv = new StringBuilder("Customer code,Mobile,Email,SMS consent,E-mail consent,Consent time\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("E-").append(i).append(",1380000").append(String.format("%04d", i)).append(",c").append(i)
                    .append("@example.com,").append(i % 2 == 0 ? "yes" : "no").append(",Y,2026-09-01 08:00\n");
        }
        Path file = write("customers.csv", csv.toString());

        FileAnalysis analysis = imports.analyze(shop.id(), file);
        assertThat(analysis.suggested().columns()).containsEntry(ImportField.SMS_CONSENT, 3)
                .containsEntry(ImportField.EMAIL_CONSENT, 4).containsEntry(ImportField.CONSENT_AT, 5);
        ImportRunStatus run = FinishedImports.run(imports, shop.id(), shop.owner().userId(), file, "customers.csv",
                analysis.suggested());

        assertThat(run.customersCreated()).isEqualTo(2500);
        assertThat(consentOf("E-0", ChannelKind.SMS).granted()).isTrue();
        assertThat(consentOf("E-1", ChannelKind.SMS).granted()).isFalse();
        assertThat(consentOf("E-2499", ChannelKind.EMAIL).granted()).as("the last chunk too").isTrue();
        assertThat(consentOf("E-1001", ChannelKind.EMAIL).changedAt())
                .isEqualTo(OffsetDateTime.parse("2026-09-01T08:00:00+08:00").toInstant());
    }

    @Test
    void anImportedYesDoesNotLiftAnUnsubscribeAWithdrawalOrASuppressionButReplacesAnImportedNo() throws IOException {
        importFile("first.csv", """
                客户编号,手机号,邮箱,短信营销同意,邮件营销同意
                R-1,13800138001,r1@example.com,是,是
                U-1,13800138002,u1@example.com,是,是
                B-1,13800138003,b1@example.com,是,
                N-1,13800138004,n1@example.com,否,否
                D-1,13800138001,d1@example.com,,
                """);
        unsubscribes.importReplies(shop.id(), java.util.List.of(new UnsubscribeService.Reply("13800138001", "T")));
        consent.set(shop.id(), id("U-1"), ChannelKind.EMAIL, false, ConsentSource.UI, "电话里说不要再发邮件");
        consent.suppress(shop.id(), ChannelKind.EMAIL, "B1@example.com", SuppressionReason.BOUNCED,
                ConsentSource.PROVIDER);
        Consent replied = consentOf("R-1", ChannelKind.SMS);
        assertThat(replied.source()).isEqualTo(ConsentSource.REPLY);

        importFile("again.csv", """
                客户编号,短信营销同意,邮件营销同意
                R-1,否,
                """);
        importFile("yes.csv", """
                客户编号,短信营销同意,邮件营销同意
                R-1,是,是
                U-1,是,是
                B-1,是,是
                N-1,是,是
                D-1,是,是
                """);

        assertThat(consentOf("R-1", ChannelKind.SMS)).as("the reply stays, with its source and time; the import's"
                + " 'no' in between did not turn it into an import's").isEqualTo(replied);
        assertThat(consentOf("R-1", ChannelKind.EMAIL).granted()).as("the other channel is not withdrawn").isTrue();
        assertThat(consentOf("U-1", ChannelKind.EMAIL).granted()).isFalse();
        assertThat(consentOf("U-1", ChannelKind.EMAIL).source()).isEqualTo(ConsentSource.UI);
        assertThat(consentOf("U-1", ChannelKind.SMS).granted()).isTrue();
        assertThat(consentOf("B-1", ChannelKind.EMAIL).granted()).as("a bounced address gets no consent")
                .isFalse();
        assertThat(consentOf("D-1", ChannelKind.SMS).granted()).as("another customer record with the number that"
                + " replied T is suppressed too").isFalse();
        assertThat(consentOf("D-1", ChannelKind.EMAIL).granted()).isTrue();
        assertThat(consentOf("N-1", ChannelKind.SMS).granted()).as("an import's 'no' is replaced by a later 'yes'")
                .isTrue();
        assertThat(consentOf("N-1", ChannelKind.SMS).source()).isEqualTo(ConsentSource.IMPORT);
        assertThat(consent.mayReceive(shop.id(), id("R-1"), ChannelKind.SMS)).isFalse();

        consent.set(shop.id(), id("U-1"), ChannelKind.EMAIL, true, ConsentSource.UI, "门店重新签字同意");
        assertThat(consentOf("U-1", ChannelKind.EMAIL).granted()).as("a user on the customer page can").isTrue();
    }

    @Test
    void theApiRecordsConsentWithItsTimeAndNamesTheYesAnswersItRefused() throws Exception {
        String token = shop.apiToken();
        api(token, """
                [{"code": "A-1", "phone": "13800138011", "email": "a1@example.com", "smsConsent": true,
                  "emailConsent": false, "consentGivenAt": "2026-11-20T10:15:00+08:00"},
                 {"code": "A-2", "phone": "13800138012", "smsConsent": true}]""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.warnings").isEmpty());
        Consent a1 = consentOf("A-1", ChannelKind.SMS);
        assertThat(a1.granted()).isTrue();
        assertThat(a1.source()).isEqualTo(ConsentSource.API);
        assertThat(a1.changedAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T10:15:00+08:00").toInstant());
        assertThat(consentOf("A-1", ChannelKind.EMAIL).granted()).isFalse();
        assertThat(consentOf("A-2", ChannelKind.EMAIL).source()).isNull();

        shop.signInAsOwner();
        unsubscribes.importReplies(shop.id(), java.util.List.of(new UnsubscribeService.Reply("13800138012", "退订")));
        api(token, """
                [{"code": "A-1", "emailConsent": true, "name": "Ann"},
                 {"code": "A-2", "smsConsent": true, "name": "Bo"},
                 {"code": "A-3", "smsConsent": true, "consentGivenAt": "2999-01-01T00:00:00Z"}]""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(2))
                .andExpect(jsonPath("$.errors[0].index").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("consentGivenAt"))
                .andExpect(jsonPath("$.warnings.length()").value(1))
                .andExpect(jsonPath("$.warnings[0].index").value(1))
                .andExpect(jsonPath("$.warnings[0].field").value("smsConsent"));

        assertThat(consentOf("A-1", ChannelKind.EMAIL).granted()).as("an API 'no' is replaced by a later 'yes'")
                .isTrue();
        assertThat(consentOf("A-2", ChannelKind.SMS).granted()).isFalse();
        assertThat(consentOf("A-2", ChannelKind.SMS).source()).isEqualTo(ConsentSource.REPLY);
        assertThat(customers.byCode(shop.id(), "A-2").orElseThrow().name()).as("the rest of the item is written")
                .isEqualTo("Bo");
        assertThat(customers.byCode(shop.id(), "A-3")).isEmpty();
    }

    @Test
    void anAnswerOlderThanTheStoredConsentChangesNothing() throws Exception {
        String token = shop.apiToken();
        api(token, """
                [{"code": "O-1", "phone": "13800138021", "smsConsent": true,
                  "consentGivenAt": "2026-11-20T10:00:00+08:00"}]""").andExpect(status().isOk());
        api(token, """
                [{"code": "O-1", "smsConsent": false, "consentGivenAt": "2026-10-01T10:00:00+08:00"}]""")
                .andExpect(status().isOk());

        assertThat(consentOf("O-1", ChannelKind.SMS).granted()).isTrue();
        assertThat(consentOf("O-1", ChannelKind.SMS).changedAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-20T10:00:00+08:00").toInstant());
    }

    private org.springframework.test.web.servlet.ResultActions api(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void importFile(String name, String content) throws IOException {
        Path file = write(name, content);
        FinishedImports.run(imports, shop.id(), shop.owner().userId(), file, name,
                imports.analyze(shop.id(), file).suggested());
    }

    private long id(String code) {
        return customers.byCode(shop.id(), code).orElseThrow().id();
    }

    private Consent consentOf(String code, ChannelKind channel) {
        return consent.of(shop.id(), id(code)).stream().filter(c -> c.channel() == channel).findFirst()
                .orElseThrow();
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
