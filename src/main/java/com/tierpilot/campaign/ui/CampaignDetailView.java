package com.tierpilot.campaign.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.campaign.AudiencePreview;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignStatus;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.CouponCode;
import com.tierpilot.campaign.CouponTerms;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * One campaign: what it aims at, the audience and holdout sizes before launch (the frozen counts after), launch,
 * cancel or end it, and its codes with their CSV export for SMS or WeChat.
 */
@Route("campaigns/:id")
@PageTitle("nav.campaigns")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class CampaignDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final CampaignService campaigns;
    private final com.tierpilot.campaign.AlwaysOnCampaignService alwaysOn;
    private final RuleSegmentService rules;
    private final com.tierpilot.campaign.CampaignDeliveryService delivery;
    private final com.tierpilot.delivery.MessageTemplateService templates;
    private final TierPilotUser me;

    CampaignDetailView(CampaignService campaigns, com.tierpilot.campaign.AlwaysOnCampaignService alwaysOn, RuleSegmentService rules,
            com.tierpilot.campaign.CampaignDeliveryService delivery, com.tierpilot.delivery.MessageTemplateService templates,
            CurrentUser currentUser) {
        this.delivery = delivery;
        this.templates = templates;
        this.campaigns = campaigns;
        this.alwaysOn = alwaysOn;
        this.rules = rules;
        this.me = currentUser.require();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("id").flatMap(CampaignDetailView::parse);
        if (id.isPresent() && alwaysOn.find(me.tenantId(), id.get()).isPresent()) {
            event.forwardTo("campaigns/always-on/" + id.get());
            return;
        }
        show(id.flatMap(i -> campaigns.find(me.tenantId(), i)));
    }

    /** The heading of a campaign that does not exist, or is another tenant's: the same. */
    static H2 notFound(com.vaadin.flow.component.Component view) {
        var missing = new H2(view.getTranslation("campaigns.detail.notFound"));
        missing.setId("campaign-not-found");
        return missing;
    }

    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void show(Optional<Campaign> found) {
        removeAll();
        if (found.isEmpty()) {
            add(CampaignDetailView.notFound(this));
            return;
        }
        Campaign c = found.get();
        SegmentLabels segments = new SegmentLabels(this, rules, me.tenantId());
        var title = new H2(c.name());
        title.setId("campaign-title");
        var status = new Span(getTranslation(c.status().messageKey()));
        status.setId("campaign-status");
        status.getElement().getThemeList().add("badge");
        add(new HorizontalLayout(title, status));
        if (c.goal() != null) {
            add(new Paragraph(getTranslation("campaigns.detail.goal", c.goal())));
        }
        add(new Paragraph(getTranslation("campaigns.detail.target", segments.describe(c.include()))));
        if (!c.exclude().isEmpty()) {
            add(new Paragraph(getTranslation("campaigns.detail.exclude", segments.describe(c.exclude()))));
        }
        if (c.requiredRule() != null) {
            add(new Paragraph(getTranslation("campaigns.detail.rule", segments.ruleName(c.requiredRule()))));
        }
        add(new Paragraph(getTranslation("campaigns.detail.schedule", date(c.startsAt()), date(c.endsAt()),
                c.holdoutPercent())));
        CouponTerms coupon = c.coupon();
        if (coupon != null) {
            add(new Paragraph(getTranslation("campaigns.detail.coupon", describe(coupon),
                    Formats.money(coupon.minSpend(), me.currency(), getLocale()), date(coupon.validFrom()),
                    date(coupon.validTo()))));
        }
        if (c.revisitPlanId() != null) {
            add(revisit(c));
        }
        var audience = new Paragraph();
        audience.setId("campaign-audience");
        if (c.launchedAt() == null) {
            AudiencePreview p = campaigns.preview(me.tenantId(), c.id());
            audience.setText(getTranslation("campaigns.preview.text", p.audience(), p.target(), p.control()));
        } else {
            audience.setText(getTranslation("campaigns.detail.members", c.targetMembers(), c.controlMembers()));
        }
        add(audience);
        if (c.status() == CampaignStatus.DRAFT || c.launchedAt() != null) {
            add(new CampaignMessagesSection(delivery, templates, me, c));
        }
        add(actions(c));
        if (c.launchedAt() != null) {
            add(codes(c));
        }
    }

    /** The revisit-plan action: the plan whose channel and script the tasks use; after launch, the tasks. */
    private Paragraph revisit(Campaign c) {
        String plan = campaigns.revisitPlans(me.tenantId()).stream()
                .filter(p -> c.revisitPlanId() != null && p.id() == c.revisitPlanId())
                .map(p -> p.displayName(this::getTranslation)).findFirst().orElse("–");
        var revisit = new Paragraph();
        revisit.setId("campaign-revisit");
        if (c.launchedAt() == null) {
            revisit.setText(getTranslation("campaigns.detail.revisit", plan));
        } else {
            var tasks = campaigns.revisitTasks(me.tenantId(), c.id());
            revisit.setText(getTranslation("campaigns.detail.revisitTasks", c.name(), tasks.open(), tasks.done()));
        }
        return revisit;
    }

    private HorizontalLayout actions(Campaign c) {
        var bar = new HorizontalLayout();
        if (c.status() == CampaignStatus.DRAFT) {
            var launch = new Button(getTranslation("campaigns.launch"), e -> act(c, () -> {
                Campaign launched = campaigns.launch(me.tenantId(), c.id());
                Notifications.success(getTranslation("campaigns.launched", launched.targetMembers(),
                        launched.controlMembers()));
            }));
            launch.setId("campaign-launch");
            launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(launch);
        }
        if (c.status() == CampaignStatus.ACTIVE) {
            var end = new Button(getTranslation("campaigns.complete"), e -> act(c, () -> {
                campaigns.complete(me.tenantId(), c.id());
                Notifications.success(getTranslation("campaigns.completed"));
            }));
            end.setId("campaign-complete");
            bar.add(end);
        }
        if (c.status() == CampaignStatus.DRAFT || c.status() == CampaignStatus.SCHEDULED
                || c.status() == CampaignStatus.ACTIVE) {
            var cancel = new Button(getTranslation("campaigns.cancelCampaign"), e -> act(c, () -> {
                campaigns.cancel(me.tenantId(), c.id());
                Notifications.success(getTranslation("campaigns.cancelled"));
            }));
            cancel.setId("campaign-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(cancel);
        }
        if (c.launchedAt() != null) {
            var results = new Anchor("campaigns/" + c.id() + "/results", getTranslation("campaigns.detail.results"));
            results.setId("campaign-results-link");
            bar.add(results);
        }
        return bar;
    }

    private void act(Campaign c, Runnable action) {
        try {
            action.run();
        } catch (UserFacingException refused) {
            Notifications.error(this, refused);
        }
        show(campaigns.find(me.tenantId(), c.id()));
    }

    private VerticalLayout codes(Campaign c) {
        var box = new VerticalLayout();
        box.setPadding(false);
        var export = new Anchor(CodesExport.handler(campaigns, me, c.id()),
                getTranslation("campaigns.detail.export"));
        export.setId("campaign-codes-export");
        var grid = new Grid<CouponCode>();
        grid.setId("campaign-codes");
        grid.addColumn(CouponCode::code).setHeader(getTranslation("campaigns.code.code")).setAutoWidth(true);
        grid.addColumn(k -> k.customerCode() == null ? "–" : k.customerName() == null ? k.customerCode()
                : k.customerName() + " (" + k.customerCode() + ")")
                .setHeader(getTranslation("campaigns.code.customer")).setFlexGrow(1);
        grid.addColumn(CouponCode::uses).setHeader(getTranslation("campaigns.code.uses")).setAutoWidth(true);
        grid.setItems(new CallbackDataProvider<>(
                q -> campaigns.codes(me.tenantId(), c.id(), q.getOffset(), q.getLimit()).stream(),
                q -> campaigns.countCodes(me.tenantId(), c.id())));
        box.add(new HorizontalLayout(new H3(getTranslation("campaigns.detail.codes")), export), grid);
        return box;
    }

    private String describe(CouponTerms t) {
        String amount = Formats.money(t.value(), me.currency(), getLocale());
        return getTranslation("action.labelled", getTranslation(t.type().messageKey()), switch (t.type()) {
            case PERCENT -> t.value().stripTrailingZeros().toPlainString() + "%";
            case FIXED -> amount;
            case SPEND_SAVE -> Formats.money(t.spendThreshold(), me.currency(), getLocale()) + " → " + amount;
        });
    }

    private String date(java.time.Instant instant) {
        return Formats.dateTime(instant, me.timeZone(), getLocale());
    }
}
