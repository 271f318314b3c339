package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.persistence.AlertRepository;
import com.tierpilot.tenant.OwnerMailService;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the owner about nightly runs that need attention: a banner in the layout until dismissed, and an e-mail to
 * every owner in their language when SMTP is configured ({@code spring.mail.host}). A mail that cannot be sent is
 * logged; the banner stays either way.
 */
@Service
@Transactional
public class RunAlertService {

    private final AlertRepository store;
    private final OwnerMailService mail;
    private final TenantService tenants;
    private final MessageSource messages;
    private final Clock clock;

    RunAlertService(AlertRepository store, OwnerMailService mail, TenantService tenants, MessageSource messages, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.tenants = tenants;
        this.messages = messages;
        this.clock = clock;
    }

    void raise(TenantId tenant, RunAlert.Kind kind, long nightlyRun, @Nullable String detail) {
        store.add(tenant, kind, nightlyRun, detail, clock.instant());
        if (!mail.enabled()) {
            return;
        }
        String company = tenants.profile(tenant).name();
        List<Object> arguments = new ArrayList<>(List.of(company));
        arguments.addAll(RunAlert.arguments(kind, detail));
        mail.send(tenant, kind + " run alert", locale -> new OwnerMailService.Letter(
                messages.getMessage("runs.mail.subject." + kind.name(), new Object[] {company}, locale),
                messages.getMessage("runs.mail.body." + kind.name(), arguments.toArray(), locale)));
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
