package com.tierpilot.churn;

import com.tierpilot.base.TenantId;
import com.tierpilot.churn.persistence.ChurnRepository;
import com.tierpilot.tenant.OwnerMailService;
import com.tierpilot.tenant.TenantService;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's weekly churn summary by e-mail, when SMTP is configured ({@code spring.mail.host}): every Monday of
 * the company's calendar, the last seven days' figures (on the list, value at risk, won back, lost and why), to each
 * owner in their language. Once per company and week, however often the night runs.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ChurnSummaryMailService {

    private final ChurnListService churn;
    private final ChurnRepository store;
    private final OwnerMailService mail;
    private final TenantService tenants;
    private final MessageSource messages;
    private final Clock clock;

    ChurnSummaryMailService(ChurnListService churn, ChurnRepository store, OwnerMailService mail, TenantService tenants, MessageSource messages,
            Clock clock) {
        this.clock = clock;
        this.churn = churn;
        this.store = store;
        this.mail = mail;
        this.tenants = tenants;
        this.messages = messages;
    }

    /** Sends the summary if {@code today} is a Monday, SMTP is configured and this week's went out not yet. */
    public boolean sendIfDue(TenantId tenant, LocalDate today) {
        if (today.getDayOfWeek() != DayOfWeek.MONDAY || !mail.canReachOwners(tenant)
                || !store.claimSummaryWeek(tenant, today, clock.instant())) {
            return false;
        }
        ChurnSummary summary = churn.weeklySummary(tenant);
        var profile = tenants.profile(tenant);
        return mail.send(tenant, "weekly churn summary", locale -> new OwnerMailService.Letter(
                text("churn.mail.subject", locale, profile.name()), body(summary, profile.currency(), locale))) > 0;
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
