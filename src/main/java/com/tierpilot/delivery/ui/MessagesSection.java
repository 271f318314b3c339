package com.tierpilot.delivery.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.delivery.OutboxService;
import com.tierpilot.delivery.SentMessage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The customer page's campaign messages: each SMS and e-mail a campaign sent the customer, or held back and why,
 * newest first, with its coupon code and when it went out.
 */
@org.springframework.stereotype.Component
class MessagesSection implements CustomerPageSection {

    private final OutboxService outbox;
    private final CurrentUser currentUser;

    MessagesSection(OutboxService outbox, CurrentUser currentUser) {
        this.outbox = outbox;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 46;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-messages");
        box.add(new H3(box.getTranslation("messages.title")));
        List<SentMessage> messages = outbox.ofCustomer(tenant, customerId);
        if (messages.isEmpty()) {
            var empty = new Paragraph(box.getTranslation("messages.empty"));
            empty.setId("customer-messages-empty");
            var plan = new Button(box.getTranslation("messages.plan"),
                    click -> box.getUI().ifPresent(ui -> ui.navigate("campaigns/new")));
            box.add(empty, plan);
            return box;
        }
        ZoneId zone = currentUser.get().map(u -> u.timeZone()).orElse(ZoneId.systemDefault());
        Locale locale = currentUser.get().map(u -> u.locale()).orElse(Locale.ENGLISH);
        var grid = new Grid<SentMessage>();
        grid.setId("customer-messages-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(m -> Formats.dateTime(m.sentAt() != null ? m.sentAt() : m.createdAt(), zone, locale))
                .setHeader(box.getTranslation("messages.when")).setAutoWidth(true);
        grid.addColumn(m -> box.getTranslation("consent.channel." + m.channel()))
                .setHeader(box.getTranslation("messages.channel")).setAutoWidth(true);
        grid.addComponentColumn(m -> new Anchor("campaigns/" + m.campaignId(),
                box.getTranslation("messages.campaign", m.campaignId())))
                .setHeader(box.getTranslation("messages.campaignHeader")).setAutoWidth(true);
        grid.addColumn(m -> box.getTranslation("messages.status." + m.status())
                + (m.holdReason() == null ? "" : box.getTranslation("messages.because",
                        box.getTranslation("messages.hold." + m.holdReason())))
                + (m.errorCode() == null ? "" : " (" + m.errorCode() + ")"))
                .setHeader(box.getTranslation("messages.statusHeader")).setFlexGrow(1);
        grid.addColumn(m -> m.couponCode() == null ? "–" : m.couponCode())
                .setHeader(box.getTranslation("messages.code")).setAutoWidth(true);
        grid.setItems(messages);
        box.add(grid);
        return box;
    }
}
