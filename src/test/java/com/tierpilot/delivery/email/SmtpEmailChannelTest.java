package com.tierpilot.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierpilot.delivery.EmailMessage;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderAccount;
import com.tierpilot.delivery.SendResult;
import com.tierpilot.delivery.SendResult.Outcome;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The e-mail channel against a real SMTP server (GreenMail): the company's name as sender, an HTML and a text part,
 * and the one-click unsubscribe headers of RFC 8058; an unreachable server is a temporary failure.
 */
class SmtpEmailChannelTest {

    private static final ProviderAccount SHOP = new ProviderAccount(Provider.SMTP_EMAIL, "", "", "星河小店", null, "");

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    {
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SmtpEmailChannel channel(int port) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return SmtpEmailChannel.using(sender, "campaigns@tierpilot.example");
    }

    @Test
    void anEmailArrivesWithBothPartsTheShopsNameAndOneClickUnsubscribe() throws Exception {
        SendResult result = channel(smtp.getSmtp().getPort()).send(SHOP, new EmailMessage("wang@example.com",
                "春季会员礼券", "<p>您好 <b>王先生</b>，您的券码 SPRING-7K2Q</p>", "您好 王先生，您的券码 SPRING-7K2Q",
                "https://app.example.com/unsubscribe/abc123", "m-1"));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        MimeMessage got = smtp.getReceivedMessages()[0];
        assertThat(got.getSubject()).isEqualTo("春季会员礼券");
        assertThat(((InternetAddress) got.getFrom()[0]).getPersonal()).isEqualTo("星河小店");
        assertThat(((InternetAddress) got.getFrom()[0]).getAddress()).isEqualTo("campaigns@tierpilot.example");
        assertThat(got.getHeader("List-Unsubscribe")).containsExactly("<https://app.example.com/unsubscribe/abc123>");
        assertThat(got.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(got.getMessageID()).isEqualTo(result.providerMessageId()).startsWith("<m-1.");
        List<String> parts = new ArrayList<>();
        collect(got.getContent(), parts);
        assertThat(parts).anyMatch(p -> p.startsWith("text/plain") && p.endsWith("您好 王先生，您的券码 SPRING-7K2Q"))
                .anyMatch(p -> p.startsWith("text/html") && p.contains("<b>王先生</b>"));
    }

    @Test
    void anUnreachableServerIsATemporaryFailure() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        SendResult result = channel(port).send(SHOP, new EmailMessage("wang@example.com", "Hi", "<p>Hi</p>", "Hi",
                "https://app.example.com/unsubscribe/x", "m-2"));
        assertThat(result.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
    }

    @Test
    void aBatchGoesThroughOneSessionAndAMessageThatBreaksTheConnectionFailsForNowWithoutTakingTheNextAlong()
            throws Exception {
        var deliver = smtp.getUserManager().getMessageDeliveryHandler();
        smtp.getUserManager().setMessageDeliveryHandler((message, to) -> {
            if (to.getEmail().equals("broken@example.com")) {
                throw new jakarta.mail.MessagingException("the server fails while it takes the message");
            }
            return deliver.handle(message, to);
        });
        List<SendResult> results = new ArrayList<>();
        try (var session = channel(smtp.getSmtp().getPort()).open(SHOP)) {
            for (String to : List.of("a@example.com", "b@example.com", "broken@example.com", "c@example.com")) {
                results.add(session.send(new EmailMessage(to, "Hi", "<p>Hi</p>", "Hi",
                        "https://app.example.com/unsubscribe/" + to, "m-" + to)));
            }
        }

        assertThat(results).extracting(SendResult::outcome).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED,
                Outcome.TEMPORARY_FAILURE, Outcome.ACCEPTED);
        List<String> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            received.add(m.getAllRecipients()[0].toString());
            assertThat(m.getHeader("List-Unsubscribe")).containsExactly("<https://app.example.com/unsubscribe/"
                    + m.getAllRecipients()[0] + ">");
        }
        assertThat(received).containsExactly("a@example.com", "b@example.com", "c@example.com");
        assertThat(results.get(3).providerMessageId()).startsWith("<m-c@example.com.");
    }

    /** Each part as its content type, a line break and, for text, its decoded content. */
    private static void collect(Object content, List<String> parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                Object inner = part.getContent();
                parts.add(part.getContentType().toLowerCase() + "\n" + (inner instanceof String text ? text : ""));
                collect(inner, parts);
            }
        }
    }
}
