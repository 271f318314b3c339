package com.tierpilot.delivery.email;

import com.tierpilot.delivery.Channel;
import com.tierpilot.delivery.EmailMessage;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderAccount;
import com.tierpilot.delivery.SendResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the platform's SMTP server ({@code spring.mail.*}) in the company's name: From is the company's name
 * with the platform's address ({@code tierpilot.mail.from}), an HTML and a text part, and the headers of RFC 2369 and
 * RFC 8058 ({@code List-Unsubscribe: <https://…/unsubscribe/…>}, {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click}). The SMTP answer decides the outcome: 2xx accepted, a 5xx (an unknown mailbox, a
 * refused message) permanent, a 4xx or a lost connection temporary.
 */
@Component
public class SmtpEmailChannel implements Channel<EmailMessage> {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailChannel.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    SmtpEmailChannel(ObjectProvider<JavaMailSender> mail,
            @Value("${tierpilot.mail.from:no-reply@tierpilot.local}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /** A channel on a given mail sender, e.g. a company's own SMTP server or a test's. */
    public static SmtpEmailChannel using(JavaMailSender sender, String from) {
        return new SmtpEmailChannel(new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class), from);
    }

    @Override
    public Provider provider() {
        return Provider.SMTP_EMAIL;
    }

    @Override
    public SendResult send(ProviderAccount account, EmailMessage message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return SendResult.permanent("SMTP_NOT_CONFIGURED", "spring.mail.host is not set");
        }
        try {
            MimeMessage mime = mime(sender, account, message);
            sender.send(mime);
            return SendResult.accepted(mime.getMessageID());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return SendResult.permanent("INVALID_MESSAGE", e.getMessage());
        } catch (MailAuthenticationException e) {
            log.warn("The SMTP server refused the platform's login: {}", e.getMessage());
            return SendResult.temporary("SMTP_AUTH", e.getMessage());
        } catch (MailSendException e) {
            return classify(e);
        } catch (MailException e) {
            return SendResult.temporary("SMTP", e.getMessage());
        }
    }

    /**
     * A batch's messages through one SMTP connection (opened at the first message, closed with the session), instead
     * of a connection per message: the greeting, EHLO and QUIT once per batch. After a failure the connection is
     * closed and the next message opens a new one, so that no state of a failed transaction carries over.
     */
    @Override
    public Session<EmailMessage> open(ProviderAccount account) {
        JavaMailSender sender = mail.getIfAvailable();
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return Channel.super.open(account);
        }
        return new Connected(impl, account);
    }

    private final class Connected implements Session<EmailMessage> {

        private final JavaMailSenderImpl sender;
        private final ProviderAccount account;
        private @Nullable Transport transport;

        Connected(JavaMailSenderImpl sender, ProviderAccount account) {
            this.sender = sender;
            this.account = account;
        }

        @Override
        public SendResult send(EmailMessage message) {
            MimeMessage mime;
            try {
                mime = mime(sender, account, message);
            } catch (MessagingException | UnsupportedEncodingException e) {
                return SendResult.permanent("INVALID_MESSAGE", e.getMessage());
            }
            try {
                if (transport == null) {
                    transport = connect();
                }
                transport.sendMessage(mime, mime.getAllRecipients());
                return SendResult.accepted(mime.getMessageID());
            } catch (AuthenticationFailedException e) {
                close();
                log.warn("The SMTP server refused the platform's login: {}", e.getMessage());
                return SendResult.temporary("SMTP_AUTH", e.getMessage());
            } catch (MessagingException e) {
                close();
                return classify(e);
            }
        }

        private Transport connect() throws MessagingException {
            Transport t = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            String username = sender.getUsername();
            String password = sender.getPassword();
            if ("".equals(username)) {
                username = null;
                password = "".equals(password) ? null : password;
            }
            t.connect(sender.getHost(), sender.getPort(), username, password);
            return t;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the SMTP connection: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    /** The message as sent: HTML and text parts, the unsubscribe headers, and its Message-ID. */
    private MimeMessage mime(JavaMailSender sender, ProviderAccount account, EmailMessage message)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(from, account.signName(), StandardCharsets.UTF_8.name()));
        helper.setTo(message.to());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setSentDate(new java.util.Date());
        mime.saveChanges();
        mime.setHeader("Message-ID", "<" + message.messageKey() + "." + System.nanoTime() + "@" + domain(from) + ">");
        return mime;
    }

    /** An SMTP reply of 5xx is permanent; a 4xx, or no reply at all (no connection), temporary. */
    static SendResult classify(MessagingException e) {
        @Nullable Integer code = replyCode(e);
        if (code == null) {
            return SendResult.temporary("SMTP", e.getMessage());
        }
        return code >= 500 ? SendResult.permanent("SMTP_" + code, e.getMessage())
                : SendResult.temporary("SMTP_" + code, e.getMessage());
    }

    /** A 5xx reply to the message or its recipient is permanent; anything else (4xx, no connection) temporary. */
    static SendResult classify(MailSendException e) {
        for (Exception failed : e.getFailedMessages().values()) {
            @Nullable Integer code = replyCode(failed);
            if (code != null) {
                String detail = failed.getMessage();
                return code >= 500 ? SendResult.permanent("SMTP_" + code, detail)
                        : SendResult.temporary("SMTP_" + code, detail);
            }
        }
        return SendResult.temporary("SMTP", e.getMessage());
    }

    /** The SMTP reply code in the chain of causes and nested exceptions, if the server gave one. */
    private static @Nullable Integer replyCode(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                    : t.getCause();
        }
        return null;
    }

    private static String domain(String address) {
        int at = address.indexOf('@');
        return at < 0 ? "tierpilot.local" : address.substring(at + 1);
    }
}
