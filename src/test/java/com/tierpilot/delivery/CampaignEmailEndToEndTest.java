package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignAction;
import com.tierpilot.campaign.CampaignChannel;
import com.tierpilot.campaign.CampaignDeliveryService;
import com.tierpilot.campaign.CampaignDraft;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.CouponCode;
import com.tierpilot.campaign.Holdout;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.delivery.email.SmtpEmailChannel;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 19's "done when": a campaign to a segment of 1,000 customers with a 10% holdout, launched in the evening's
 * quiet hours, e-mails every target member with consent through a real SMTP server (GreenMail) at 09:00 the next
 * morning, each with their own coupon code; no control member, unsubscribed, suppressed or unconsenting customer gets
 * one; a second campaign the same morning to the same segment respects the weekly cap (set to 1) across both.
 */
@IntegrationTest
class CampaignEmailEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int CUSTOMERS = 1000;
    private static final Pattern CODE = Pattern.compile("券码[:：]\\s*(WB[A-Z0-9]{8})|code:\\s*(WB[A-Z0-9]{8})");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignDeliveryService campaignDelivery;
    @Autowired
    MessageTemplateService templates;
    @Autowired
    MarketingConsentService consent;
    @Autowired
    UnsubscribeService unsubscribes;
    @Autowired
    DeliverySettingsService settings;
    @Autowired
    OutboxSender appSender;
    @Autowired
    MutableClock clock;

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private OutboxSender sender;
    private TestTenant shop;

    @BeforeEach
    void anSmtpServerAndASenderThatDeliversToIt() {
        smtp.start();
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        sender = appSender.with(List.of(SmtpEmailChannel.using(mail, "campaigns@tierpilot.example")),
                new SenderSettings(100, Duration.ofMinutes(5), 100_000, Map.of(Provider.SMTP_EMAIL, 100_000), 5,
                        Duration.ofMinutes(1), "test-node"));
    }

    @AfterEach
    void stop() {
        smtp.stop();
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void aCampaignInQuietHoursEmailsEveryConsentingTargetMemberTheirOwnCodeAtNineAndTheCapHoldsAcrossTwoCampaigns()
            throws Exception {
        // 22:00 in Shanghai: quiet hours (21:00-09:00 by default).
        Instant evening = next(LocalTime.of(22, 0));
        clock.advance(Duration.between(clock.instant(), evening));
        shop = tenants.signUp("Mail Co").signInAsOwner();
        Map<String, Long> ids = thousandAtRiskCustomers();

        // Consent: all but every 10th; of those, every 25th unsubscribes by its link and every 40th bounced.
        Set<Long> unreachable = new HashSet<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            long id = ids.get("M" + i);
            if (i % 10 == 0) {
                unreachable.add(id);
                continue;
            }
            consent.set(shop.id(), id, ChannelKind.EMAIL, true, ConsentSource.IMPORT, "signed up in store");
            if (i % 25 == 1) {
                unsubscribes.unsubscribe(unsubscribes.newToken(shop.id(), id, ChannelKind.EMAIL));
                unreachable.add(id);
            } else if (i % 40 == 3) {
                consent.suppress(shop.id(), ChannelKind.EMAIL, "m" + i + "@example.com", SuppressionReason.BOUNCED,
                        ConsentSource.IMPORT);
                unreachable.add(id);
            }
        }
        long template = templates.save(shop.id(), null, "Win back mail", ChannelKind.EMAIL, List.of(
                new MessageTemplate.Text(MessageTemplate.CHINESE, "{{name}}，送您一张券",
                        "<p>{{name}}您好，您的券码：{{couponCode}}（{{couponValue}}，{{couponExpiry}}前有效）</p>", null),
                new MessageTemplate.Text(MessageTemplate.ENGLISH, "{{name}}, a coupon for you",
                        "<p>Hello {{name}}, your code: {{couponCode}} ({{couponValue}})</p>", null)));

        Campaign first = launch("Win back", template);
        Set<Long> firstTargets = targets(first, ids);
        assertThat(first.targetMembers() + first.controlMembers()).isEqualTo(CUSTOMERS);
        assertThat(first.controlMembers()).isBetween(60, 140);

        sender.drainOnce();
        assertThat(received()).as("nothing in quiet hours").isEmpty();
        clock.advance(Duration.between(clock.instant(), next(LocalTime.of(8, 59))));
        drain();
        assertThat(received()).as("nothing before 09:00").isEmpty();

        clock.advance(Duration.between(clock.instant(), next(LocalTime.of(9, 0, 30))));
        drain();
        Map<String, String> codeByAddress = received();
        Set<String> expected = addresses(firstTargets, unreachable);
        assertThat(codeByAddress.keySet()).isEqualTo(expected);
        assertThat(smtp.getReceivedMessages()).filteredOn(m -> recipient(m).matches("m\\d+@example\\.com"))
                .hasSize(expected.size());
        Map<String, String> issued = new HashMap<>();
        for (CouponCode c : campaigns.codes(shop.id(), first.id(), 0, CUSTOMERS)) {
            issued.put(c.customerCode().replace("M", "m") + "@example.com", c.code());
        }
        codeByAddress.forEach((address, code) -> assertThat(code).as(address).isEqualTo(issued.get(address)));
        assertThat(new HashSet<>(codeByAddress.values())).hasSize(expected.size());
        var results = campaignDelivery.results(shop.id(), first.id());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.sent()).isEqualTo(expected.size());
            assertThat(r.held()).isEqualTo(firstTargets.size() - expected.size());
            assertThat(r.failed()).isZero();
        });

        // The weekly cap at 1: the same morning, a second campaign to the same segment reaches only those the first
        // did not (its own target members who were in the first one's control group).
        DeliveryRules rules = settings.rules(shop.id());
        settings.saveRules(shop.id(), new DeliveryRules(rules.quietStart(), rules.quietEnd(), 1,
                rules.smsPricePerPart(), rules.smsProvider(), rules.unsubscribeText(), rules.version()));
        smtp.purgeEmailFromAllMailboxes();
        Campaign second = launch("Second chance", template);
        Set<Long> secondTargets = targets(second, ids);
        var forecast = campaignDelivery.forecast(shop.id(), second.id());
        drain();
        Set<Long> reachedBefore = new HashSet<>(firstTargets);
        reachedBefore.removeAll(unreachable);
        Set<Long> newlyReachable = new HashSet<>(secondTargets);
        newlyReachable.removeAll(reachedBefore);
        Set<String> expectedSecond = addresses(newlyReachable, unreachable);
        assertThat(received().keySet()).isEqualTo(expectedSecond).doesNotContainAnyElementsOf(expected);
        assertThat(forecast).singleElement().satisfies(f -> assertThat(f.frequencyCap())
                .isEqualTo(secondTargets.stream().filter(reachedBefore::contains).count()));
    }

    private Campaign launch(String name, long template) {
        Instant now = clock.instant();
        long id = campaigns.create(shop.id(), shop.owner().userId(), new CampaignDraft(name, null,
                List.of("LIFECYCLE:at_risk"), List.of(), null, 10, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(30)), EnumSet.of(CampaignAction.COUPON), new CampaignFixtures(customers,
                        segmentation, campaigns, clock).uniqueCodes(com.tierpilot.campaign.DiscountType.SPEND_SAVE,
                                "20", "200", "0", 1, 1, null)));
        campaignDelivery.choose(shop.id(), id, List.of(new CampaignChannel(ChannelKind.EMAIL, template, null)));
        return campaigns.launch(shop.id(), id);
    }

    private Set<Long> targets(Campaign c, Map<String, Long> ids) {
        Set<Long> targets = new HashSet<>();
        ids.values().forEach(id -> {
            if (!Holdout.isControl(c.id(), id, 10)) {
                targets.add(id);
            }
        });
        assertThat(targets).hasSize(c.targetMembers());
        return targets;
    }

    private Set<String> addresses(Set<Long> customers, Set<Long> unreachable) {
        Set<String> addresses = new HashSet<>();
        for (long id : customers) {
            if (!unreachable.contains(id)) {
                addresses.add(queries.byId(shop.id(), id).orElseThrow().email());
            }
        }
        return addresses;
    }

    /** Each recipient's coupon code, from the text part of the mails received; fails on a second mail to one. */
    private Map<String, String> received() throws Exception {
        Map<String, String> codes = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (!to.matches("m\\d+@example\\.com")) {
                continue; // another test's company, sharing the database
            }
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
            String text = new String(jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(
                    body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), "quoted-printable").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Matcher matcher = CODE.matcher(text);
            assertThat(matcher.find()).as("a code in the mail to " + to).isTrue();
            String code = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            assertThat(codes.put(to, code)).as("a second mail to " + to).isNull();
            assertThat(m.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe/");
        }
        return codes;
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void drain() {
        while (sender.drainOnce() > 0) {
            // round after round until nothing is due
        }
    }

    /** The next instant (after the clock's now) at this local time in Shanghai. */
    private Instant next(LocalTime time) {
        ZonedDateTime now = clock.instant().atZone(SHANGHAI);
        ZonedDateTime at = now.with(time);
        return (at.isAfter(now) ? at : at.plusDays(1)).toInstant();
    }

    /** 1,000 customers (M1..M1000, mM@example.com; every 7th reads English) who are "at risk"; runs the segmentation. */
    private Map<String, Long> thousandAtRiskCustomers() {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String code = "M" + i;
            people.add(new CustomerRecord(code, "顾客" + i, null, "m" + i + "@example.com", null, null, "上海", null,
                    null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), null,
                    i % 7 == 0 ? Map.of("language", "en") : Map.of()));
            for (int o = 0; o < 3; o++) {
                orders.add(new OrderRecord(code + "-H" + o, code, today.minusDays(120 + 20L * o).atTime(11, 0),
                        BigDecimal.valueOf(100 + i), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
        Map<String, Long> ids = new HashMap<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            ids.put("M" + i, queries.byCode(shop.id(), "M" + i).orElseThrow().id());
        }
        return ids;
    }
}
