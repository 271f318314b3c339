package com.tierpilot.campaign.ui;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignChannel;
import com.tierpilot.campaign.CampaignDeliveryService;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.ChannelResults;
import com.tierpilot.delivery.HoldBack;
import com.tierpilot.delivery.MessageTemplate;
import com.tierpilot.delivery.MessageTemplateService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.ValueProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign's messages on its page. Before launch: the channels (SMS, e-mail) with a template each and the link of
 * the template's {{link}} field, and, for the launch, how many target members each channel reaches and how many each
 * rule holds back (no consent, suppressed, no address, the weekly cap; waiting for the end of quiet hours) with the
 * SMS cost. After launch: the delivery per channel.
 */
class CampaignMessagesSection extends VerticalLayout {

    private final CampaignDeliveryService delivery;
    private final MessageTemplateService templates;
    private final TierPilotUser me;
    private final Campaign campaign;

    CampaignMessagesSection(CampaignDeliveryService delivery, MessageTemplateService templates, TierPilotUser me,
            Campaign campaign) {
        this.delivery = delivery;
        this.templates = templates;
        this.me = me;
        this.campaign = campaign;
        setPadding(false);
        setId("campaign-messages");
        fill();
    }

    private void fill() {
        removeAll();
        add(new H3(getTranslation("campaignMessages.title")));
        if (campaign.launchedAt() != null) {
            add(results(delivery.results(me.tenantId(), campaign.id())));
            return;
        }
        List<MessageTemplate> all = templates.all(me.tenantId());
        if (all.isEmpty()) {
            var none = new Paragraph(getTranslation("campaignMessages.noTemplates"));
            none.setId("campaign-messages-no-templates");
            add(none, new Button(getTranslation("templates.new"),
                    click -> getUI().ifPresent(ui -> ui.navigate("campaigns/templates"))));
            return;
        }
        Map<ChannelKind, CampaignChannel> chosen = new EnumMap<>(ChannelKind.class);
        delivery.channels(me.tenantId(), campaign.id()).forEach(c -> chosen.put(c.channel(), c));
        List<Runnable> collectors = new ArrayList<>();
        List<CampaignChannel> picked = new ArrayList<>();
        for (ChannelKind channel : ChannelKind.values()) {
            String id = channel.name().toLowerCase(Locale.ROOT);
            var use = new Checkbox(getTranslation("consent.channel." + channel));
            use.setId("campaign-channel-" + id);
            var template = new ComboBox<MessageTemplate>(getTranslation("campaignMessages.template"));
            template.setId("campaign-template-" + id);
            template.setItems(all.stream().filter(t -> t.channel() == channel).toList());
            template.setItemLabelGenerator(MessageTemplate::name);
            var link = new TextField(getTranslation("campaignMessages.link", "{{link}}"));
            link.setId("campaign-link-" + id);
            link.setPlaceholder("https://");
            link.setMaxLength(500);
            CampaignChannel before = chosen.get(channel);
            if (before != null) {
                use.setValue(true);
                all.stream().filter(t -> t.id() == before.templateId()).findFirst().ifPresent(template::setValue);
                link.setValue(before.link() == null ? "" : before.link());
            }
            collectors.add(() -> {
                if (use.getValue()) {
                    if (template.getValue() == null) {
                        throw new UserFacingException("campaigns.error.template");
                    }
                    picked.add(new CampaignChannel(channel, template.getValue().id(), link.getValue()));
                }
            });
            var row = new HorizontalLayout(use, template, link);
            row.setAlignItems(Alignment.BASELINE);
            row.setWrap(true);
            add(row);
        }
        var save = new Button(getTranslation("campaignMessages.save"), click -> {
            try {
                picked.clear();
                collectors.forEach(Runnable::run);
                delivery.choose(me.tenantId(), campaign.id(), picked);
                Notifications.success(getTranslation("campaignMessages.saved"));
                fill();
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        save.setId("campaign-messages-save");
        add(save);
        if (!chosen.isEmpty()) {
            add(forecast(delivery.forecast(me.tenantId(), campaign.id())));
        }
    }

    /** The narrowest a count column gets; its header wraps in it. */
    private static final String COUNT_WIDTH = "5.5rem";

    /** What launching now would do, per channel. */
    private VerticalLayout forecast(List<HoldBack> rows) {
        var box = new VerticalLayout();
        box.setPadding(false);
        var note = new Paragraph(getTranslation("campaignMessages.forecast"));
        var grid = new Grid<HoldBack>();
        grid.setId("campaign-holdback");
        grid.setAllRowsVisible(true);
        // Nine columns: the counts share the width and their headers wrap, so that the SMS cost stays on screen at
        // 1366 px (with widths of their headers' length it ran off the grid's right edge).
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(h -> getTranslation("consent.channel." + h.channel()))
                .setHeader(getTranslation("campaignMessages.channel")).setAutoWidth(true).setFlexGrow(0);
        count(grid, HoldBack::targets, "campaignMessages.targets");
        count(grid, HoldBack::toSend, "campaignMessages.toSend");
        count(grid, HoldBack::noConsent, "messages.hold.NO_CONSENT");
        count(grid, HoldBack::suppressed, "messages.hold.SUPPRESSED");
        count(grid, HoldBack::noAddress, "messages.hold.NO_ADDRESS");
        count(grid, HoldBack::frequencyCap, "messages.hold.FREQUENCY_CAP");
        count(grid, HoldBack::waitingForQuietHours, "campaignMessages.quiet");
        grid.addColumn(h -> h.channel() == ChannelKind.SMS ? getTranslation("campaignMessages.cost",
                h.smsPartsPerMessage(), Formats.money(h.smsCost(), me.currency(), getLocale())) : "–")
                .setHeader(getTranslation("campaignMessages.costHeader")).setWidth("8rem").setFlexGrow(1);
        grid.setItems(rows);
        box.add(note, grid);
        return box;
    }

    private void count(Grid<HoldBack> grid, ValueProvider<HoldBack, ?> value, String header) {
        grid.addColumn(value).setHeader(getTranslation(header)).setWidth(COUNT_WIDTH).setFlexGrow(1);
    }

    /** Sent, delivered, failed, held back, clicks and unsubscribes per channel. */
    static Grid<ChannelResults> results(List<ChannelResults> rows) {
        var grid = new Grid<ChannelResults>();
        grid.setId("campaign-delivery");
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> grid.getTranslation("consent.channel." + r.channel()))
                .setHeader(grid.getTranslation("campaignMessages.channel")).setAutoWidth(true);
        grid.addColumn(ChannelResults::queued).setHeader(grid.getTranslation("campaignMessages.queued"))
                .setAutoWidth(true);
        grid.addColumn(ChannelResults::sent).setHeader(grid.getTranslation("campaignMessages.sent")).setAutoWidth(true);
        grid.addColumn(ChannelResults::delivered).setHeader(grid.getTranslation("campaignMessages.delivered"))
                .setAutoWidth(true);
        grid.addColumn(ChannelResults::failed).setHeader(grid.getTranslation("campaignMessages.failed"))
                .setAutoWidth(true);
        grid.addColumn(ChannelResults::held).setHeader(grid.getTranslation("campaignMessages.held")).setAutoWidth(true);
        grid.addColumn(ChannelResults::clicks).setHeader(grid.getTranslation("campaignMessages.clicks"))
                .setAutoWidth(true);
        grid.addColumn(ChannelResults::unsubscribes).setHeader(grid.getTranslation("campaignMessages.unsubscribes"))
                .setAutoWidth(true);
        grid.setItems(rows);
        return grid;
    }
}
