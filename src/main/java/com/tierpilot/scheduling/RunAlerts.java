package com.tierpilot.scheduling;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.tenant.TeamDirectory;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserSummary;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the owner about nightly runs that need attention: a banner in the layout until dismissed, and an e-mail to
 * every owner when SMTP is configured ({@code spring.mail.host}). A mail that cannot be sent is logged; the banner
 * stays either way.
 */
@Service
@Transactional
public class RunAlerts {

    private static final Logger log = LoggerFactory.getLogger(RunAlerts.class);

    private final AlertStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final TeamDirectory team;
    private final TenantService tenants;
    private final MessageSource messages;
    private final String from;
    private final Clock clock;

    RunAlerts(AlertStore store, ObjectProvider<JavaMailSender> mail, TeamDirectory team, TenantService tenants,
            MessageSource messages, @Value("${tierpilot.mail.from:no-reply@tierpilot.local}") String from,
            Clock clock) {
        this.store = store;
        this.mail = mail;
        this.team = team;
        this.tenants = tenants;
        this.messages = messages;
        this.from = from;
        this.clock = clock;
    }

    void raise(TenantId tenant, RunAlert.Kind kind, long nightlyRun, @Nullable String detail) {
        store.add(tenant, kind, nightlyRun, detail, clock.instant());
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<String> owners = team.activeUsers(tenant).stream().filter(u -> u.role() == Role.OWNER)
                .map(UserSummary::email).toList();
        if (owners.isEmpty()) {
            return;
        }
        String company = tenants.profile(tenant).name();
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(owners.toArray(String[]::new));
        message.setSubject(messages.getMessage("runs.mail.subject." + kind.name(), new Object[] {company},
                Locale.ENGLISH));
        message.setText(messages.getMessage("runs.mail.body." + kind.name(), new Object[] {company,
                detail == null ? "" : detail}, Locale.ENGLISH));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not e-mail the {} alert of tenant {}; the banner shows it", kind, tenant, e);
        }
    }

    /** The owner's open alerts, newest first (at most five). */
    @Transactional(readOnly = true)
    public List<RunAlert> open(TenantId tenant) {
        return store.open(tenant);
    }

    @PreAuthorize("hasRole('OWNER')")
    public void dismissAll(TenantId tenant) {
        store.dismissAll(tenant, clock.instant());
    }
}
