package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Unsubscribing without login: the e-mail link (a page with a button, then the POST, also as a mail client's
 * one-click), and the SMS reply callback; both idempotent, both leaving other customers and companies alone.
 */
@IntegrationTest
class UnsubscribeTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    MarketingConsentService consent;
    @Autowired
    UnsubscribeService unsubscribes;
    @Autowired
    MockMvc mvc;

    TestTenant shop;
    long wang;
    long li;

    @BeforeEach
    void aShopWhoseCustomersConsentedToBothChannels() {
        shop = tenants.signUp("星河小店", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE).signInAsOwner();
        wang = customerWithConsent(shop, "W-1", "13800138000", "Wang@Example.com");
        li = customerWithConsent(shop, "L-1", "13900139000", "li@example.com");
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private long customerWithConsent(TestTenant tenant, String code, String phone, String email) {
        customers.upsertCustomers(tenant.id(), List.of(new CustomerRecord(code, code, phone, email, null, null, null,
                null, null, null, null, Set.of(), null, LocalDate.of(2025, 1, 1), true, Map.of())));
        long id = queries.byCode(tenant.id(), code).orElseThrow().id();
        for (ChannelKind channel : ChannelKind.values()) {
            consent.set(tenant.id(), id, channel, true, ConsentSource.IMPORT, null);
        }
        return id;
    }

    private Consent consentOf(TenantId tenant, long customer, ChannelKind channel) {
        return consent.of(tenant, customer).stream().filter(c -> c.channel() == channel).findFirst().orElseThrow();
    }

    @Test
    void openingTheLinkAsksFirstAndUnsubscribesNobody() throws Exception {
        String token = unsubscribes.newToken(shop.id(), wang, ChannelKind.EMAIL);
        TestTenants.signOut();

        mvc.perform(get("/unsubscribe/" + token).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不再接收星河小店的营销消息？")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<form method=\"post\">")));

        assertThat(consent.mayReceive(shop.id(), wang, ChannelKind.EMAIL)).isTrue();
        assertThat(token).as("the token names neither the company nor the customer")
                .doesNotContain(shop.id().toString() + "-").hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void theOneClickPostUnsubscribesOnlyThatCustomerAndChannelAndCanBeRepeated() throws Exception {
        String token = unsubscribes.newToken(shop.id(), wang, ChannelKind.EMAIL);
        TestTenants.signOut();

        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/unsubscribe/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("List-Unsubscribe=One-Click").header("Accept-Language", "en"))
                    .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "You will get no more marketing messages from 星河小店.")));
        }

        shop.signInAsOwner();
        Consent email = consentOf(shop.id(), wang, ChannelKind.EMAIL);
        assertThat(email.granted()).isFalse();
        assertThat(email.source()).isEqualTo(ConsentSource.LINK);
        assertThat(consent.mayReceive(shop.id(), wang, ChannelKind.EMAIL)).isFalse();
        assertThat(consent.mayReceive(shop.id(), wang, ChannelKind.SMS)).as("SMS is another consent").isTrue();
        assertThat(consent.mayReceive(shop.id(), li, ChannelKind.EMAIL)).isTrue();
        assertThat(consent.suppressions(shop.id(), 0, 10)).singleElement().satisfies(s -> {
            assertThat(s.address()).isEqualTo("wang@example.com");
            assertThat(s.reason()).isEqualTo(SuppressionReason.UNSUBSCRIBED);
        });
        mvc.perform(get("/unsubscribe/" + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<form"))));
    }

    @Test
    void anUnknownTokenGetsANotFoundPageAndChangesNothing() throws Exception {
        TestTenants.signOut();
        mvc.perform(post("/unsubscribe/not-a-token")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not valid")));
        shop.signInAsOwner();
        assertThat(consent.suppressions(shop.id(), 0, 10)).isEmpty();
    }

    @Test
    void aSuppressedAddressIsNotMessagedEvenUnderAnotherCustomerRecord() {
        long twin = customerWithConsent(shop, "W-2", "+86 138-0013-8000", "other@example.com");
        consent.set(shop.id(), wang, ChannelKind.SMS, false, ConsentSource.UI, "asked at the counter");

        assertThat(consent.mayReceive(shop.id(), twin, ChannelKind.SMS)).isFalse();
        consent.set(shop.id(), wang, ChannelKind.SMS, true, ConsentSource.UI, "asked again");
        assertThat(consent.mayReceive(shop.id(), twin, ChannelKind.SMS)).as("consent given again lifts it").isTrue();
        consent.suppress(shop.id(), ChannelKind.SMS, "13800138000", SuppressionReason.COMPLAINED, ConsentSource.UI);
        assertThat(consent.mayReceive(shop.id(), wang, ChannelKind.SMS)).isFalse();
    }

    @Test
    void aStopReplyAtTheCallbackUnsubscribesTheNumberInThisCompanyOnlyAndCanBeRepeated() throws Exception {
        TestTenant other = tenants.signUp("Other shop");
        long otherWang = customerWithConsent(other.signInAsOwner(), "OW-1", "13800138000", "w@other.example");
        shop.signInAsOwner();
        String hook = unsubscribes.newReplyHook(shop.id());
        TestTenants.signOut();

        String aliyun = """
                [{"phone_number":"13800138000","send_time":"2026-12-07 10:00:00","content":" t ",
                  "sign_name":"星河小店","dest_code":"","sequence_id":1},
                 {"phone_number":"13900139000","content":"谢谢","sign_name":"星河小店","sequence_id":2}]""";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(hook).contentType(MediaType.APPLICATION_JSON).content(aliyun))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.code").value(0));
        }
        mvc.perform(post(hook).contentType(MediaType.APPLICATION_JSON)
                .content("{\"extend\":\"\",\"mobile\":\"13900139000\",\"nationcode\":\"86\",\"sign\":\"星河小店\","
                        + "\"text\":\"退订\",\"time\":1765072800}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value(0));
        mvc.perform(post("/hooks/sms/replies/unknown").contentType(MediaType.APPLICATION_JSON).content(aliyun))
                .andExpect(status().isNotFound());

        shop.signInAsOwner();
        assertThat(consentOf(shop.id(), wang, ChannelKind.SMS).source()).isEqualTo(ConsentSource.REPLY);
        assertThat(consent.mayReceive(shop.id(), wang, ChannelKind.SMS)).isFalse();
        assertThat(consent.mayReceive(shop.id(), li, ChannelKind.SMS)).as("Tencent's format, 退订").isFalse();
        assertThat(consent.mayReceive(shop.id(), wang, ChannelKind.EMAIL)).isTrue();
        assertThat(consent.suppressions(shop.id(), 0, 10)).hasSize(2);
        other.signInAsOwner();
        assertThat(consent.mayReceive(other.id(), otherWang, ChannelKind.SMS))
                .as("the same number at another company").isTrue();
    }

    @Test
    void repliesExportedFromTheConsoleCanBeImported() {
        assertThat(unsubscribes.importReplies(shop.id(), List.of(new UnsubscribeService.Reply("+8613900139000", "TD"),
                new UnsubscribeService.Reply("13800138000", "好的")))).isEqualTo(1);
        assertThat(consent.mayReceive(shop.id(), li, ChannelKind.SMS)).isFalse();
        assertThat(consent.mayReceive(shop.id(), wang, ChannelKind.SMS)).isTrue();
    }
}
