package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.delivery.email.SmtpEmailChannel;
import com.tierpilot.support.AppNode;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 19's "kill -9 of the sending node mid-campaign", on two nodes: a real node in a JVM of its own (the
 * application from the test class path, its own outbox sender thread, shipped rates) and this JVM's sender drain
 * one company's campaign e-mails into an SMTP server that the test owns (GreenMail). Mid-campaign, while the other
 * node waits for the server's answer to one of its messages, with more of its batch claimed, it is killed with
 * SIGKILL; the server then refuses that message, as a server does whose client went away before the message was
 * accepted. This node finishes the campaign: it takes the dead node's messages over once their lease ends, and every
 * member with consent gets exactly one e-mail, nobody two, nobody without consent one.
 *
 * <p>The window that no outbox can close, a node killed after the server accepted a message and before it recorded
 * that, is not what this test kills into (see {@link OutboxSender}). MySQL profile only: H2 in memory cannot be
 * shared between processes.
 */
@IntegrationTest
class SendingNodeKilledTest {

    private static final Logger log = LoggerFactory.getLogger(SendingNodeKilledTest.class);
    private static final int CUSTOMERS = 300;
    /** The other node is killed once it has sent this many, while it holds this many more messages claimed. */
    private static final int SENT_BEFORE_KILL = 10;
    private static final int HELD_AT_KILL = 3;
    private static final String VICTIM_FROM = "victim@node.example";
    private static final Duration LEASE = Duration.ofSeconds(15);

    @Autowired
    Environment environment;
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
    @Autowired
    JdbcClient jdbc;

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final ScheduledExecutorService survivor = Executors.newSingleThreadScheduledExecutor();
    private AppNode victim;

    @AfterEach
    void stopEverything() throws InterruptedException {
        survivor.shutdownNow();
        survivor.awaitTermination(30, TimeUnit.SECONDS);
        if (victim != null && victim.isAlive()) {
            victim.kill();
        }
        smtp.stop();
        TestTenants.signOut();
    }

    @Test
    void whenTheSendingNodeIsKilledMidCampaignTheOtherFinishesAndEveryMemberWithConsentGetsExactlyOneEmail()
            throws Exception {
        assumeTrue(environment.acceptsProfiles(Profiles.of("mysql")),
                "Two nodes need one database that both processes reach: runs on the MySQL profile only");
        clock.reset();
        TestTenant shop = tenants.signUp("Kill Co").signInAsOwner();
        DeliveryRules rules = settings.rules(shop.id());
        settings.saveRules(shop.id(), new DeliveryRules(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 5,
                rules.smsPricePerPart(), null, rules.unsubscribeText(), rules.version()));
        long template = templates.save(shop.id(), null, "Kill test", ChannelKind.EMAIL, List.of(new MessageTemplate.Text(
                MessageTemplate.CHINESE, "{{name}}，送您一张券", "<p>{{name}}您好，您的券码：{{couponCode}}</p>", null)));
        // Every 5th customer gave no consent: 240 of 300 get a message.
        List<Long> ids = customers(shop);
        Set<String> consenting = new java.util.TreeSet<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            if (i % 5 != 0) {
                consent.set(shop.id(), ids.get(i - 1), ChannelKind.EMAIL, true, ConsentSource.IMPORT, null);
                consenting.add(address(i));
            }
        }

        var victimSends = new AtomicInteger();
        var victimSent = new AtomicInteger();
        var victimWaits = new CountDownLatch(1);
        var victimKilled = new CountDownLatch(1);
        MessageDeliveryHandler deliver = smtp.getUserManager().getMessageDeliveryHandler();
        smtp.getUserManager().setMessageDeliveryHandler((MovingMessage message, com.icegreen.greenmail.mail.MailAddress to) -> {
            if (ours(to.getEmail()) && VICTIM_FROM.equals(message.getReturnPath().getEmail())
                    && victimSends.incrementAndGet() > SENT_BEFORE_KILL && victimWaits.getCount() > 0
                    && heldBy("victim/%", shop).size() >= HELD_AT_KILL) {
                victimSent.set(victimSends.get() - 1);
                victimWaits.countDown();
                try {
                    victimKilled.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new MessagingException("the client went away before the message was accepted");
            }
            return deliver.handle(message, to);
        });
        smtp.start();

        victim = AppNode.start("victim", environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""), "--spring.quartz.auto-startup=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--tierpilot.mail.from=" + VICTIM_FROM, "--tierpilot.delivery.sender.lease=" + LEASE,
                "--tierpilot.delivery.sender.batch-size=20", "--tierpilot.delivery.sender.poll-interval=PT0.2S",
                "--logging.level.com.tierpilot.delivery=DEBUG");
        victim.awaitStarted(Duration.ofMinutes(10)); // minutes on a loaded 2-core host

        outbox.enqueue(shop.id(), new CampaignMessages(1, 1, ChannelKind.EMAIL, template, "8折", "20% off", null,
                null, null, null, ids.stream().map(id -> new CampaignMessages.Recipient(id, "K" + id)).toList()));
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        // This node as shipped (20 a second for the company, 50 for the SMTP provider, shared with the other node),
        // but for batches of 5: the other node takes the larger part of each second, and is killed mid-batch.
        OutboxSender sender = appSender.with(List.of(SmtpEmailChannel.using(mail, "survivor@node.example")),
                new SenderSettings(5, LEASE, 20, Map.of(Provider.SMTP_EMAIL, 50), 5, Duration.ofMinutes(1),
                        "survivor"));
        survivor.scheduleWithFixedDelay(() -> {
            try {
                while (sender.drainOnce() > 0) {
                    // round after round while there is work, as the poller does
                }
            } catch (RuntimeException e) {
                log.error("A round of the surviving node failed", e);
            }
        }, 0, 200, TimeUnit.MILLISECONDS);

        assertThat(victimWaits.await(3, TimeUnit.MINUTES)).as("the other node sends its messages too").isTrue();
        List<Long> heldByVictim = heldBy("victim/%", shop);
        int deliveredBefore = delivered().size();
        victim.kill();
        victimKilled.countDown();
        log.info("Killed the other node after it had sent {}, while it sent one more and held {} claimed messages;"
                + " {} e-mails delivered by then", victimSent.get(), heldByVictim.size(), deliveredBefore);
        assertThat(deliveredBefore).as("mid-campaign").isLessThan(consenting.size());
        assertThat(heldByVictim).as("the message it was sending and more of its batch")
                .hasSizeGreaterThanOrEqualTo(HELD_AT_KILL);

        await("this node finishes the campaign").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.sql("select count(*) from outbox_message where tenant_id = ?"
                        + " and status in ('PENDING', 'SENDING')").param(shop.id().value()).query(Integer.class)
                        .single() == 0);
        // A second mail would have been sent before the last message was settled; nothing is left to send.
        Map<String, Long> perRecipient = delivered().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        log.info("{} members with consent, {} received e-mails, {} of them from the killed node", consenting.size(),
                perRecipient.size(), victimSent.get());
        assertThat(perRecipient.keySet()).as("every member with consent got one, and nobody else")
                .isEqualTo(consenting);
        assertThat(perRecipient).as("nobody got two").allSatisfy((to, count) -> assertThat(count).as(to).isOne());
        assertThat(victimSends.get() - 1).as("the killed node sent nothing after it was killed")
                .isEqualTo(victimSent.get());
        assertThat(jdbc.sql("select status, count(*) from outbox_message where tenant_id = ? group by status")
                .param(shop.id().value()).query((rs, i) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                .containsExactlyInAnyOrder("SENT=" + consenting.size(), "HELD=" + (CUSTOMERS - consenting.size()));
    }

    /** The company's messages claimed by the node (a lease owner pattern) and not yet settled. */
    private List<Long> heldBy(String owner, TestTenant shop) {
        return jdbc.sql("select id from outbox_message where tenant_id = ? and status = 'SENDING'"
                + " and lease_owner like ?").params(shop.id().value(), owner).query(Long.class).list();
    }

    /** The recipients of this test's e-mails that the server accepted, one entry per e-mail. */
    private List<String> delivered() throws MessagingException {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String recipient = m.getAllRecipients()[0].toString();
            if (ours(recipient)) {
                to.add(recipient);
            }
        }
        return to;
    }

    private static boolean ours(String address) {
        return address.endsWith("@kill.example");
    }

    private static String address(int i) {
        return "k" + i + "@kill.example";
    }

    private List<Long> customers(TestTenant shop) {
        List<CustomerRecord> people = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            people.add(new CustomerRecord("K" + i, "顾客" + i, null, address(i), null, null, null, null, null, null,
                    null, Set.of(), null, LocalDate.of(2024, 1, 1), null, Map.of()));
        }
        customers.upsertCustomers(shop.id(), people);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            ids.add(queries.byCode(shop.id(), "K" + i).orElseThrow().id());
        }
        return ids;
    }
}
