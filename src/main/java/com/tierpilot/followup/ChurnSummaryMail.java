package com.tierpilot.followup;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.followup.persistence.ChurnStore;
import com.tierpilot.tenant.TeamDirectory;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserSummary;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's weekly churn summary by e-mail, when SMTP is configured ({@code spring.mail.host}): every Monday of
 * the company's calendar, the last seven days' figures (on the list, value at risk, won back, lost and why), in
 * Chinese and English. Once per company and week, however often the night runs.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ChurnSummaryMail {

    private static final Logger log = LoggerFactory.getLogger(ChurnSummaryMail.class);
    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final ChurnList churn;
    private final ChurnStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final TeamDirectory team;
    private final TenantService tenants;
    private final MessageSource messages;
    private final String from;
    private final Clock clock;

    ChurnSummaryMail(ChurnList churn, ChurnStore store, ObjectProvider<JavaMailSender> mail, TeamDirectory team,
            TenantService tenants, MessageSource messages,
            @Value("${tierpilot.mail.from:no-reply@tierpilot.local}") String from, Clock clock) {
        this.clock = clock;
        this.churn = churn;
        this.store = store;
        this.mail = mail;
        this.team = team;
        this.tenants = tenants;
        this.messages = messages;
        this.from = from;
    }

    /** Sends the summary if {@code today} is a Monday, SMTP is configured and this week's went out not yet. */
    public boolean sendIfDue(TenantId tenant, LocalDate today) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || today.getDayOfWeek() != DayOfWeek.MONDAY) {
            return false;
        }
        List<String> owners = team.activeUsers(tenant).stream().filter(u -> u.role() == Role.OWNER)
                .map(UserSummary::email).toList();
        if (owners.isEmpty() || !store.claimSummaryWeek(tenant, today, clock.instant())) {
            return false;
        }
        ChurnSummary summary = churn.weeklySummary(tenant);
        var profile = tenants.profile(tenant);
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(owners.toArray(String[]::new));
        message.setSubject(LANGUAGES.stream().map(l -> text("churn.mail.subject", l, profile.name()))
                .collect(Collectors.joining(" / ")));
        message.setText(LANGUAGES.stream().map(l -> body(summary, profile.currency(), l))
                .collect(Collectors.joining("\n\n----\n\n")));
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not e-mail the weekly churn summary of tenant {}; it is on the churn list screen", tenant,
                    e);
            return false;
        }
    }

    private String body(ChurnSummary s, String currency, Locale locale) {
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(java.util.Currency.getInstance(currency));
        String reasons = s.lostBy().isEmpty() ? "–" : s.lostBy().entrySet().stream()
                .map(e -> text(e.getKey().messageKey(), locale) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return text("churn.mail.body", locale, s.onTheList(), money.format(s.valueAtRisk()), s.wonBack(), s.lost(),
                reasons);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
