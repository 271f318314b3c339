package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.support.Concurrently;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clustered sender on its own: several nodes draining one outbox at once send every message exactly once; a
 * temporary failure is tried again after a growing wait until the last try, a permanent one never, and an address
 * refused for good is suppressed.
 */
@IntegrationTest
class OutboxSenderTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    MarketingConsentService consent;
    @Autowired
    MessageTemplateService templates;
    @Autowired
    DeliverySettingsService settings;
    @Autowired
    OutboxService outbox;
    @Autowired
    OutboxSender appSender;
    @Autowired
    MutableClock clock;

    private TestTenant shop;
    private long template;

    @BeforeEach
    void aShopWithoutQuietHours() {
        shop = tenants.signUp("Outbox Co").signInAsOwner();
        DeliveryRules rules = settings.rules(shop.id());
        settings.saveRules(shop.id(), new DeliveryRules(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 5,
                rules.smsPricePerPart(), null, rules.unsubscribeText(), rules.version()));
        template = templates.save(shop.id(), null, "Hello", ChannelKind.EMAIL, List.of(new MessageTemplate.Text(
                MessageTemplate.CHINESE, "你好", "<p>{{name}}，您的券码：{{couponCode}}</p>", null)));
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void fourNodesDrainingOneOutboxAtOnceSendEveryMessageExactlyOnce() throws Exception {
        List<Long> ids = customersWithConsent("N", 120);
        outbox.enqueue(shop.id(), messages(1, ids));
        var mailbox = new ConcurrentLinkedQueue<String>();
        List<Callable<Integer>> nodes = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            OutboxSender node = sender("node-" + n, to -> {
                mailbox.add(to);
                return SendResult.accepted("<" + to + ">");
            });
            nodes.add(() -> {
                int settled = 0;
                for (int round = node.drainOnce(); round > 0; round = node.drainOnce()) {
                    settled += round;
                }
                return settled;
            });
        }

        Concurrently.all(nodes);

        // Other tests' companies share the database: only this one's addresses count.
        assertThat(mailbox.stream().filter(to -> to.matches("n\\d+@example\\.com"))).hasSize(120)
                .doesNotHaveDuplicates();
        assertThat(outbox.ofCustomer(shop.id(), ids.getFirst())).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    void aTemporaryFailureIsRetriedWithGrowingWaitsUntilTheLastTryAndAPermanentOneNever() {
        List<Long> ids = customersWithConsent("R", 3);
        outbox.enqueue(shop.id(), messages(2, ids));
        var tries = new ConcurrentLinkedQueue<String>();
        OutboxSender node = sender("retrying", to -> {
            if (to.matches("r\\d@example\\.com")) {
                tries.add(to);
            }
            return switch (to) {
                case "r1@example.com" -> SendResult.temporary("SMTP_451", "try later");
                case "r2@example.com" -> SendResult.permanent("SMTP_550", "no such mailbox");
                default -> SendResult.accepted("<ok>");
            };
        });

        drain(node);
        assertThat(status(ids.get(0))).isEqualTo(MessageStatus.PENDING);
        assertThat(status(ids.get(1))).isEqualTo(MessageStatus.FAILED);
        assertThat(status(ids.get(2))).isEqualTo(MessageStatus.SENT);
        drain(node);
        assertThat(tries).as("the retry waits a minute").hasSize(3);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        drain(node);
        assertThat(tries).hasSize(4);
        clock.advance(Duration.ofMinutes(3));
        drain(node);
        assertThat(tries).as("the second retry waits four minutes").hasSize(4);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        drain(node);
        assertThat(tries).hasSize(5);

        assertThat(status(ids.get(0))).as("three tries in all").isEqualTo(MessageStatus.FAILED);
        assertThat(tries.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .isEqualTo(Map.of("r1@example.com", 3L, "r2@example.com", 1L, "r3@example.com", 1L));
        assertThat(consent.mayReceive(shop.id(), ids.get(1), ChannelKind.EMAIL))
                .as("the refused address is suppressed").isFalse();
    }

    @Test
    void aRateWindowLeftInTheFutureByAClockAheadDoesNotHoldBackANodeWhoseClockIsRight() {
        List<Long> ids = customersWithConsent("W", 8);
        outbox.enqueue(shop.id(), messages(3, ids));
        var mailbox = new ConcurrentLinkedQueue<String>();
        OutboxSender node = sender(to -> {
            mailbox.add(to);
            return SendResult.accepted("<" + to + ">");
        }, new SenderSettings(10, Duration.ofMinutes(5), 4, Map.of(Provider.SMTP_EMAIL, 100_000), 3,
                Duration.ofMinutes(1), "rated"));

        // A node whose clock is a day ahead takes the company's four messages of its second, a day from now.
        clock.advance(Duration.ofDays(1));
        node.drainOnce();
        assertThat(mailbox.stream().filter(to -> to.matches("w\\d@example\\.com"))).hasSize(4);
        clock.reset();
        node.drainOnce();

        assertThat(mailbox.stream().filter(to -> to.matches("w\\d@example\\.com")))
                .as("the next node's second has its own four, not what is left of tomorrow's").hasSize(8)
                .doesNotHaveDuplicates();
    }

    @Test
    void aNodeSlowerThanItsLeaseRenewsItSoThatNoOtherNodeSendsItsMessagesAgain() {
        List<Long> ids = customersWithConsent("L", 4);
        outbox.enqueue(shop.id(), messages(4, ids));
        var mailbox = new ConcurrentLinkedQueue<String>();
        var other = new java.util.concurrent.atomic.AtomicReference<OutboxSender>();
        var leaseOfAMinute = new SenderSettings(10, Duration.ofMinutes(1), 100_000,
                Map.of(Provider.SMTP_EMAIL, 100_000), 3, Duration.ofMinutes(1), "slow");
        OutboxSender slow = sender(to -> {
            mailbox.add(to);
            // Each send takes 40 s (a provider at its time-out); after the second, the other node looks for work:
            // 80 s after the claim, past the first lease of a minute.
            clock.advance(Duration.ofSeconds(40));
            if (mailbox.stream().filter(a -> a.matches("l\\d@example\\.com")).count() == 2) {
                other.get().drainOnce();
            }
            return SendResult.accepted("<" + to + ">");
        }, leaseOfAMinute);
        other.set(sender(to -> {
            mailbox.add(to);
            return SendResult.accepted("<" + to + ">");
        }, new SenderSettings(10, Duration.ofMinutes(1), 100_000, Map.of(Provider.SMTP_EMAIL, 100_000), 3,
                Duration.ofMinutes(1), "fast")));

        drain(slow);

        assertThat(mailbox.stream().filter(to -> to.matches("l\\d@example\\.com"))).hasSize(4)
                .doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo(MessageStatus.SENT));
    }

    private static void drain(OutboxSender node) {
        while (node.drainOnce() > 0) {
            // until nothing is due
        }
    }

    private MessageStatus status(long customer) {
        return outbox.ofCustomer(shop.id(), customer).getFirst().status();
    }

    private OutboxSender sender(String node, Function<String, SendResult> answer) {
        return sender(answer, new SenderSettings(10, Duration.ofMinutes(5), 100_000,
                Map.of(Provider.SMTP_EMAIL, 100_000), 3, Duration.ofMinutes(1), node));
    }

    private OutboxSender sender(Function<String, SendResult> answer, SenderSettings settings) {
        Channel<EmailMessage> channel = new Channel<>() {
            @Override
            public Provider provider() {
                return Provider.SMTP_EMAIL;
            }

            @Override
            public SendResult send(ProviderAccount account, EmailMessage message) {
                return answer.apply(message.to());
            }
        };
        return appSender.with(List.of(channel), settings);
    }

    private CampaignMessages messages(long campaignId, List<Long> ids) {
        return new CampaignMessages(campaignId, 1, ChannelKind.EMAIL, template, "8折", "20% off", null, null, null,
                null, ids.stream().map(id -> new CampaignMessages.Recipient(id, "C" + id)).toList());
    }

    private List<Long> customersWithConsent(String prefix, int count) {
        List<CustomerRecord> people = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            people.add(new CustomerRecord(prefix + i, "顾客" + i, null, prefix.toLowerCase() + i + "@example.com", null,
                    null, null, null, null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), null, Map.of()));
        }
        customers.upsertCustomers(shop.id(), people);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            long id = queries.byCode(shop.id(), prefix + i).orElseThrow().id();
            consent.set(shop.id(), id, ChannelKind.EMAIL, true, ConsentSource.IMPORT, null);
            ids.add(id);
        }
        return ids;
    }
}
