package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.CampaignMessages;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.DeliveryRules;
import com.tierpilot.delivery.DeliverySettingsService;
import com.tierpilot.delivery.MessageTemplate;
import com.tierpilot.delivery.MessageTemplateService;
import com.tierpilot.delivery.OutboxSender;
import com.tierpilot.delivery.OutboxService;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.SenderSettings;
import com.tierpilot.delivery.email.SmtpEmailChannel;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mails through the outbox against a plain JavaMail loop, to the same local SMTP sink ({@link SmtpSink}), on
 * MariaDB. Each round takes {@code --count} new customers with consent (100,000 by default) and:
 * <ul>
 * <li>the outbox: one campaign's messages handed over (not timed), then drained by this node's {@link OutboxSender}
 * until nothing is due (timed): claims with leases, consent, suppression and the weekly cap checked, the template
 * rendered per customer in their language, an unsubscribe link each, the SMTP answer recorded per message; the
 * company's and the provider's rates set out of the way ({@code 1,000,000}/s), as they would otherwise be what is
 * measured;</li>
 * <li>the baseline: a plain loop that builds the same messages (the same subject, HTML and text parts and
 * List-Unsubscribe headers, each with its own code and random link) and sends them through one connected JavaMail
 * {@code Transport}, recording nothing.</li>
 * </ul>
 * Rounds interleave the two; it prints messages per second of each round, min and median, and the ratio. The sink
 * counts per recipient: every round checks that each customer got exactly one message. Arguments: {@code --count N},
 * {@code --rounds R} (3), {@code --batch B} (the sender's batch size, 50 as shipped).
 */
public final class OutboxBench {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        int rounds = 3;
        int batch = 50;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                default -> {
                    // a value
                }
            }
        }
        String schema = "tp_outbox_bench";
        String url = BenchDatabase.recreate(schema);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "server.port=0", "tierpilot.demo.enabled=false", "spring.quartz.auto-startup=false",
                        "tierpilot.delivery.sender.enabled=false", "logging.level.root=WARN",
                        "logging.level.com.tierpilot=WARN")
                .run();
                SmtpSink sink = new SmtpSink()) {
            BenchTenant tenant = BenchTenant.signUp(app, "Outbox Shop", "outbox@bench.example.com");
            TenantId t = tenant.id();

            DeliverySettingsService settings = app.getBean(DeliverySettingsService.class);
            DeliveryRules rules = settings.rules(t);
            settings.saveRules(t, new DeliveryRules(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, rules.weeklyCap(),
                    rules.smsPricePerPart(), null, rules.unsubscribeText(), rules.version()));
            long template = app.getBean(MessageTemplateService.class).save(t, null, "Bench", ChannelKind.EMAIL,
                    List.of(new MessageTemplate.Text(MessageTemplate.CHINESE, "{{name}}，送您一张券",
                            "<p>{{name}}您好，您的券码：{{couponCode}}（{{couponValue}}）</p>", null)));
            OutboxService outbox = app.getBean(OutboxService.class);
            var mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(sink.port());
            OutboxSender sender = app.getBean(OutboxSender.class).with(
                    List.of(SmtpEmailChannel.using(mail, "campaigns@bench.example")),
                    new SenderSettings(batch, Duration.ofMinutes(5), 1_000_000,
                            Map.of(Provider.SMTP_EMAIL, 1_000_000), 5, Duration.ofMinutes(1), "bench"));
            System.out.printf("Outbox against a plain JavaMail loop: %,d e-mails a round, %d rounds, batch %d;"
                    + " load average %.1f%n", count, rounds, batch, loadAverage());

            // Warm-up, not measured: both ways, 1,000 messages.
            int campaign = 0;
            outboxRound(schema, t, outbox, sender, sink, template, ++campaign, Math.min(1_000, count));
            plainRound(schema, t, sink, campaign, Math.min(1_000, count));

            List<Double> outboxRates = new ArrayList<>();
            List<Double> plainRates = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                double o = outboxRound(schema, t, outbox, sender, sink, template, ++campaign, count);
                double p = plainRound(schema, t, sink, campaign, count);
                outboxRates.add(o);
                plainRates.add(p);
                System.out.printf("Round %d: outbox %,.0f msg/s (%d SMTP connections), plain JavaMail %,.0f msg/s;"
                        + " ratio %.2f; load average %.1f%n", r, o, lastConnections, p, o / p, loadAverage());
            }
            double oMin = outboxRates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double pMin = plainRates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double oMedian = median(outboxRates);
            double pMedian = median(plainRates);
            System.out.printf("Outbox: min %,.0f, median %,.0f msg/s; plain JavaMail: min %,.0f, median %,.0f msg/s;"
                    + " ratio (median) %.2f, (min) %.2f%n", oMin, oMedian, pMin, pMedian, oMedian / pMedian,
                    oMin / pMin);
        }
    }

    private static long lastConnections;

    /** Hands a campaign's messages to N new customers over, then drains them; messages per second of the drain. */
    private static double outboxRound(String schema, TenantId t, OutboxService outbox, OutboxSender sender,
            SmtpSink sink, long template, int campaign, int count) throws Exception {
        List<Long> ids = newCustomers(schema, t, campaign, count);
        outbox.enqueue(t, new CampaignMessages(campaign, 1, ChannelKind.EMAIL, template, "8折", "20% off", null,
                null, null, null, ids.stream().map(id -> new CampaignMessages.Recipient(id, code(campaign, id)))
                        .toList()));
        sink.reset();
        long started = System.nanoTime();
        while (sender.drainOnce() > 0) {
            // round after round until nothing is due
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        lastConnections = sink.connections();
        check(sink, schema, campaign, count);
        long unsent = count(schema, "select count(*) from outbox_message where tenant_id = " + t.value()
                + " and campaign_id = " + campaign + " and status <> 'SENT'");
        if (unsent > 0) {
            throw new IllegalStateException(unsent + " messages of campaign " + campaign + " not sent");
        }
        return count / seconds;
    }

    /** The same messages by a plain loop over one JavaMail transport; messages per second. */
    private static double plainRound(String schema, TenantId t, SmtpSink sink, int campaign, int count)
            throws Exception {
        List<String[]> people = new ArrayList<>(count);
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, name, email from customer where tenant_id = " + t.value()
                        + " and code like 'R" + campaign + "-%' order by id")) {
            while (rs.next()) {
                people.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(sink.port()));
        Session session = Session.getInstance(properties);
        sink.reset();
        long started = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (String[] p : people) {
                String unsubscribe = "http://localhost:8080/unsubscribe/" + token();
                MimeMessage mime = new MimeMessage(session);
                var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
                helper.setFrom(new InternetAddress("campaigns@bench.example", "Outbox Shop",
                        StandardCharsets.UTF_8.name()));
                helper.setTo(p[2]);
                helper.setSubject(p[1] + "，送您一张券");
                String code = code(campaign, Long.parseLong(p[0]));
                helper.setText(p[1] + "您好，您的券码：" + code + "（8折）\n\n退订: " + unsubscribe, "<p>" + p[1]
                        + "您好，您的券码：" + code + "（8折）</p>\n<p style=\"color:#888;font-size:12px\"><a href=\""
                        + unsubscribe + "\">退订</a></p>");
                mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                mime.saveChanges();
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        check(sink, schema, campaign, people.size());
        return people.size() / seconds;
    }

    /** Every customer of the round got exactly one message. */
    private static void check(SmtpSink sink, String schema, int campaign, int count) {
        Map<String, AtomicInteger> got = sink.perRecipient();
        long ours = got.keySet().stream().filter(a -> a.startsWith("r" + campaign + "-")).count();
        long twice = got.values().stream().filter(n -> n.get() != 1).count();
        if (ours != count || twice > 0) {
            throw new IllegalStateException("round " + campaign + ": " + ours + " of " + count
                    + " customers got a message, " + twice + " not exactly one");
        }
    }

    /** N customers with an e-mail address and consent, written straight into the tables; their ids. */
    private static List<Long> newCustomers(String schema, TenantId t, int campaign, int count) throws Exception {
        List<Long> ids = new ArrayList<>(count);
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement()) {
            s.execute("insert into customer (tenant_id, code, name, email, created_on, created_at, updated_at)"
                    + " select " + t.value() + ", concat('R" + campaign + "-', seq), concat('顾客', seq),"
                    + " concat('r" + campaign + "-', seq, '@bench.example'), '2024-01-01', utc_timestamp(6),"
                    + " utc_timestamp(6) from seq_1_to_" + count);
            s.execute("insert into marketing_consent (tenant_id, customer_id, channel, granted, source, changed_at)"
                    + " select tenant_id, id, 'EMAIL', true, 'IMPORT', utc_timestamp(6) from customer where tenant_id = "
                    + t.value() + " and code like 'R" + campaign + "-%'");
            try (ResultSet rs = s.executeQuery("select id from customer where tenant_id = " + t.value()
                    + " and code like 'R" + campaign + "-%' order by id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String code(int campaign, long customer) {
        return "WB" + campaign + "X" + customer;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static long count(String schema, String sql) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
