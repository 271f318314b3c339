package com.tierpilot.tenant;

import com.tierpilot.tenant.persistence.SignUpRequestRepository;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The two mails a sign-up sends, each in the reader's language: the confirmation link to a new address, or, when the
 * address already has an account, a note to that account's owner (the form answers the same either way). Without
 * SMTP ({@code spring.mail.host} unset), or when sending fails, the confirmation link is logged at INFO for the
 * operator to pass on; that is also how a developer signs up on a local run.
 */
@Component
class SignUpMail {

    private static final Logger log = LoggerFactory.getLogger(SignUpMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageSource messages;
    private final String from;

    SignUpMail(ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
            @Value("${tierpilot.mail.from:no-reply@tierpilot.local}") String from) {
        this.mailSender = mailSender;
        this.messages = messages;
        this.from = from;
    }

    /** Mails the confirmation link of a new sign-up, or logs it when it cannot be mailed. */
    void confirmationLink(SignUpRequestRepository.Pending signUp, String url, ZonedDateTime expiresAt) {
        Locale locale = signUp.language();
        String expiry = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(expiresAt);
        boolean sent = send(signUp.email(),
                messages.getMessage("signup.mail.confirm.subject", new Object[] {signUp.companyName()}, locale),
                messages.getMessage("signup.mail.confirm.body",
                        new Object[] {signUp.ownerName(), signUp.companyName(), url, expiry}, locale));
        if (!sent) {
            log.info("Sign-up not mailed (no SMTP configured or sending failed): the confirmation link for {} is {}",
                    signUp.email(), url);
        }
    }

    /** Tells the owner of an existing account that someone tried to sign up with their address. */
    void addressAlreadyHasAnAccount(String email, String name, Locale locale, String loginUrl) {
        boolean sent = send(email, messages.getMessage("signup.mail.existing.subject", null, locale),
                messages.getMessage("signup.mail.existing.body", new Object[] {name, loginUrl}, locale));
        if (!sent) {
            log.info("Sign-up with the address of an existing account; its owner was not mailed (no SMTP configured"
                    + " or sending failed)");
        }
    }

    private boolean send(String to, String subject, String body) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        var mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(body);
        try {
            sender.send(mail);
            return true;
        } catch (MailException e) {
            log.warn("Could not send the sign-up mail", e);
            return false;
        }
    }
}
