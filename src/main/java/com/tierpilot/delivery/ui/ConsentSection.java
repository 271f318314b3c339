package com.tierpilot.delivery.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.delivery.Consent;
import com.tierpilot.delivery.ConsentSource;
import com.tierpilot.delivery.MarketingConsentService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The customer page's marketing consent: per channel, whether it is given, how and when it last changed, and a button
 * to record that the customer gave or withdrew it (with a note of how they said so).
 */
@org.springframework.stereotype.Component
class ConsentSection implements CustomerPageSection {

    private final MarketingConsentService consent;
    private final CurrentUser currentUser;

    ConsentSection(MarketingConsentService consent, CurrentUser currentUser) {
        this.consent = consent;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-consent");
        fill(box, tenant, customerId);
        return box;
    }

    private void fill(VerticalLayout box, TenantId tenant, long customerId) {
        box.removeAll();
        box.add(new H3(box.getTranslation("consent.title")));
        ZoneId zone = currentUser.get().map(u -> u.timeZone()).orElse(ZoneId.systemDefault());
        Locale locale = currentUser.get().map(u -> u.locale()).orElse(Locale.ENGLISH);
        for (Consent c : consent.of(tenant, customerId)) {
            String channel = c.channel().name().toLowerCase(Locale.ROOT);
            String state = c.changedAt() == null ? box.getTranslation("consent.none")
                    : box.getTranslation(c.granted() ? "consent.granted" : "consent.withdrawn",
                            box.getTranslation("consent.source." + c.source()),
                            Formats.dateTime(c.changedAt(), zone, locale))
                            + (c.note() == null ? "" : " · " + c.note());
            var label = new Span(box.getTranslation("consent.channel." + c.channel()) + ": " + state);
            label.setId("consent-" + channel + "-state");
            var note = new TextField();
            note.setPlaceholder(box.getTranslation("consent.notePlaceholder"));
            note.setId("consent-" + channel + "-note");
            note.setMaxLength(200);
            var toggle = new Button(box.getTranslation(c.granted() ? "consent.withdraw" : "consent.grant"), click -> {
                try {
                    consent.set(tenant, customerId, c.channel(), !c.granted(), ConsentSource.UI, note.getValue());
                    fill(box, tenant, customerId);
                } catch (UserFacingException e) {
                    Notifications.error(box, e);
                }
            });
            toggle.setId("consent-" + channel + "-toggle");
            var row = new HorizontalLayout(label, note, toggle);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            row.setWrap(true);
            box.add(row);
        }
    }
}
