package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;
import com.tierpilot.tenant.domain.TenantRepository;
import java.time.Instant;
import java.time.ZoneId;
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
 * E-mails an invitation link when SMTP is configured ({@code spring.mail.host}). Without SMTP, or when sending fails,
 * the owner copies the link from the screen; a failure is logged and reported, not hidden.
 */
@Component
class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final TenantRepository tenants;
    private final MessageSource messages;
    private final String from;

    InvitationMailer(ObjectProvider<JavaMailSender> mailSender, TenantRepository tenants, MessageSource messages,
            @Value("${tierpilot.mail.from:no-reply@tierpilot.local}") String from) {
        this.mailSender = mailSender;
        this.tenants = tenants;
        this.messages = messages;
        this.from = from;
    }

    /** Sends the invitation; returns whether it was sent. */
    boolean send(TenantId tenant, String to, String url, Instant expiresAt, Locale locale) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        var profile = tenants.findByTenantId(tenant).orElseThrow();
        ZoneId zone = profile.timeZone();
        String expiry = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(expiresAt.atZone(zone));
        var mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(messages.getMessage("invite.mail.subject", new Object[] {profile.name()}, locale));
        mail.setText(messages.getMessage("invite.mail.body", new Object[] {profile.name(), url, expiry}, locale));
        try {
            sender.send(mail);
            return true;
        } catch (MailException e) {
            log.warn("Could not e-mail the invitation to {}; the owner has to copy the link", to, e);
            return false;
        }
    }
}
