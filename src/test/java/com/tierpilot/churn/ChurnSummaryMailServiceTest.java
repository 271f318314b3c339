package com.tierpilot.churn;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.churn.persistence.ChurnRepository;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.RecordingMailSender;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.OwnerMails;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;

/** The owner's weekly churn summary by e-mail: on Mondays, once a week, to each owner in their language. */
@IntegrationTest
class ChurnSummaryMailServiceTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    ChurnListService churn;
    @Autowired
    ChurnRepository store;
    @Autowired
    UserAccountRepository users;
    @Autowired
    TenantService tenantService;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;

    TestTenant shop;

    /** Two customers slipping away; one of them is marked lost (too expensive) this week. */
    @BeforeEach
    void aShopThatLostACustomerThisWeek() {
        shop = tenants.signUp("Summary Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        LocalDate today = segmentation.today(shop.id());
        for (String code : List.of("S1", "S2")) {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord(code, "Customer " + code, null, null, null,
                    null, null, null, null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of())));
            customers.upsertOrders(shop.id(), List.of(new OrderRecord(code + "-1", code,
                    today.minusDays(200).atTime(10, 0), BigDecimal.valueOf(500), 1, null, null,
                    OrderStatus.COMPLETED)));
        }
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        long s1 = queries.byCode(shop.id(), "S1").orElseThrow().id();
        churn.decide(shop.id(), shop.owner().userId(), Role.OWNER, s1, ChurnOutcome.LOST,
                ChurnOutcome.Reason.PRICE, null);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void onMondayEachOwnerGetsTheWeeksFiguresInTheirLanguageOnce() {
        var chineseOwner = shop.addUser(Role.OWNER, SupportedLocales.CHINESE);
        var outbox = new RecordingMailSender(false);
        ChurnSummaryMailService summaries = summaries(outbox);

        assertThat(summaries.sendIfDue(shop.id(), MONDAY.plusDays(1))).as("not on a Tuesday").isFalse();
        assertThat(summaries.sendIfDue(shop.id(), MONDAY)).isTrue();
        assertThat(summaries.sendIfDue(shop.id(), MONDAY)).as("once a week").isFalse();

        assertThat(outbox.sent).hasSize(2).anySatisfy(mail -> {
            assertThat(mail.getTo()).containsExactly(shop.owner().email());
            assertThat(mail.getSubject()).isEqualTo("TierPilot weekly churn summary for Summary Co");
            assertThat(mail.getText()).contains("On the churn list now: 1 customers").contains("Lost: 1")
                    .doesNotContain("流失");
        }).anySatisfy(mail -> {
            assertThat(mail.getTo()).containsExactly(chineseOwner.email());
            assertThat(mail.getSubject()).contains("Summary Co").contains("每周流失摘要");
            assertThat(mail.getText()).contains("当前流失名单：1 位客户").contains("流失：1 位");
        });
    }

    @Test
    void withoutSmtpNothingIsSentAndTheWeekStaysUnclaimed() {
        var none = new ChurnSummaryMailService(churn, store, OwnerMails.through(null, users), tenantService, messages, clock);

        assertThat(none.sendIfDue(shop.id(), MONDAY)).isFalse();
        assertThat(summaries(new RecordingMailSender(false)).sendIfDue(shop.id(), MONDAY)).isTrue();
    }

    private ChurnSummaryMailService summaries(JavaMailSender sender) {
        return new ChurnSummaryMailService(churn, store, OwnerMails.through(sender, users), tenantService, messages, clock);
    }
}
