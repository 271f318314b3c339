package com.tierpilot.campaign.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.campaign.AlwaysOnCampaign;
import com.tierpilot.campaign.AlwaysOnCampaignService;
import com.tierpilot.campaign.AlwaysOnCohort;
import com.tierpilot.campaign.AlwaysOnDefinition;
import com.tierpilot.campaign.CampaignStatus;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.JourneyStep;
import com.tierpilot.campaign.Lift;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.Component;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One always-on campaign: what sets it off and what it does, its version; switch on (with how many would have
 * entered in each of the last nightly runs), pause, resume, end, change; results by entry week, target against
 * control, with the lift, the cost and a chart over time; its entrants, and its codes as CSV.
 */
@Route("campaigns/always-on/:id")
@PageTitle("alwaysOn.title")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class AlwaysOnDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final AlwaysOnCampaignService alwaysOn;
    private final CampaignService campaigns;
    private final RuleSegmentService rules;
    private final TierPilotUser me;

    AlwaysOnDetailView(AlwaysOnCampaignService alwaysOn, CampaignService campaigns, RuleSegmentService rules,
            CurrentUser currentUser) {
        this.alwaysOn = alwaysOn;
        this.campaigns = campaigns;
        this.rules = rules;
        this.me = currentUser.require();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("id").flatMap(CampaignDetailView::parse)
                .flatMap(id -> alwaysOn.find(me.tenantId(), id)));
    }

    private void show(Optional<AlwaysOnCampaign> found) {
        removeAll();
        if (found.isEmpty()) {
            add(CampaignDetailView.notFound(this));
            return;
        }
        AlwaysOnCampaign c = found.get();
        var title = new H2(c.name());
        title.setId("always-on-title");
        var status = new Span(getTranslation(c.paused() ? "alwaysOn.status.paused" : c.status().messageKey()));
        status.setId("always-on-status");
        status.getElement().getThemeList().add("badge");
        add(new HorizontalLayout(title, status));
        if (c.goal() != null) {
            add(new Paragraph(getTranslation("campaigns.detail.goal", c.goal())));
        }
        var trigger = new Paragraph(getTranslation("alwaysOn.detail.trigger", describe(this, c.definition(),
                new SegmentLabels(this, rules, me.tenantId()))));
        trigger.setId("always-on-trigger");
        var steps = new Paragraph(getTranslation("alwaysOn.detail.steps", c.version(), steps(c.definition())));
        steps.setId("always-on-steps");
        AlwaysOnDefinition d = c.definition();
        add(trigger, steps, new Paragraph(getTranslation("alwaysOn.detail.rules", d.holdoutPercent(),
                d.reentryDays() == null ? getTranslation("alwaysOn.detail.once")
                        : getTranslation("alwaysOn.detail.again", d.reentryDays()),
                d.exits().isEmpty() ? "–" : d.exits().stream().map(x -> getTranslation(x.messageKey()))
                        .sorted().collect(Collectors.joining(", ")), d.windowDays())));
        add(actions(c));
        if (c.status() == CampaignStatus.DRAFT) {
            var preview = new Paragraph(previewText(this, getLocale(), alwaysOn.preview(me.tenantId(), d)));
            preview.setId("always-on-preview");
            add(new H3(getTranslation("alwaysOn.preview")), preview);
        } else {
            add(results(c), entrants(c));
        }
    }

    private HorizontalLayout actions(AlwaysOnCampaign c) {
        var bar = new HorizontalLayout();
        if (c.status() == CampaignStatus.DRAFT) {
            bar.add(button("always-on-switch-on", "alwaysOn.switchOn", true, c, () -> {
                alwaysOn.switchOn(me.tenantId(), c.id());
                Notifications.success(getTranslation("alwaysOn.switchedOn"));
            }));
        }
        if (c.running()) {
            bar.add(button("always-on-pause", "alwaysOn.pause", false, c, () -> alwaysOn.pause(me.tenantId(),
                    c.id())));
        }
        if (c.status() == CampaignStatus.ACTIVE && c.paused()) {
            bar.add(button("always-on-resume", "alwaysOn.resume", true, c, () -> alwaysOn.resume(me.tenantId(),
                    c.id())));
        }
        if (c.status() == CampaignStatus.DRAFT || c.status() == CampaignStatus.ACTIVE) {
            var edit = new Anchor("campaigns/always-on/edit/" + c.id(), getTranslation("alwaysOn.edit"));
            edit.setId("always-on-edit");
            var end = button("always-on-end", "alwaysOn.end", false, c, () -> alwaysOn.end(me.tenantId(), c.id()));
            end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(edit, end);
        }
        if (c.definition().hasCoupon() && c.switchedOnAt() != null) {
            var export = new Anchor(CodesExport.handler(campaigns, me, c.id()), getTranslation(
                    "campaigns.detail.export"));
            export.setId("always-on-codes-export");
            bar.add(export);
        }
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    private Button button(String id, String key, boolean primary, AlwaysOnCampaign c, Runnable action) {
        var button = new Button(getTranslation(key), e -> {
            try {
                action.run();
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
            show(alwaysOn.find(me.tenantId(), c.id()));
        });
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    /** One row of the results grid: a week's cohort, or all weeks together. */
    record CohortRow(String week, String versions, String entrants, String conversion, String lift,
            String revenue, String revenueLift, String cost, String points, AlwaysOnCohort cohort) {
    }

    private VerticalLayout results(AlwaysOnCampaign c) {
        var box = new VerticalLayout();
        box.setPadding(false);
        List<AlwaysOnCohort> cohorts = alwaysOn.results(me.tenantId(), c.id());
        List<CohortRow> rows = new ArrayList<>();
        cohorts.forEach(k -> rows.add(row(Formats.date(k.week(), getLocale()), k)));
        alwaysOn.total(me.tenantId(), c.id()).ifPresent(t -> rows.add(row(getTranslation("alwaysOn.results.all"),
                t)));
        var grid = new Grid<CohortRow>();
        grid.setId("always-on-results");
        grid.addColumn(CohortRow::week).setHeader(getTranslation("alwaysOn.results.week")).setAutoWidth(true);
        grid.addColumn(CohortRow::versions).setHeader(getTranslation("alwaysOn.results.versions")).setAutoWidth(true);
        grid.addColumn(CohortRow::entrants).setHeader(getTranslation("alwaysOn.results.entrants")).setAutoWidth(true);
        grid.addColumn(CohortRow::conversion).setHeader(getTranslation("alwaysOn.results.conversion"))
                .setAutoWidth(true);
        grid.addColumn(CohortRow::lift).setHeader(getTranslation("alwaysOn.results.lift")).setAutoWidth(true);
        grid.addColumn(CohortRow::revenue).setHeader(getTranslation("alwaysOn.results.revenue")).setAutoWidth(true);
        grid.addColumn(CohortRow::revenueLift).setHeader(getTranslation("alwaysOn.results.revenueLift"))
                .setAutoWidth(true);
        grid.addColumn(CohortRow::cost).setHeader(getTranslation("alwaysOn.results.cost")).setAutoWidth(true);
        grid.addColumn(CohortRow::points).setHeader(getTranslation("alwaysOn.results.points")).setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        var chart = new EChart("always-on-" + c.id() + "-cohorts");
        chart.setId("always-on-chart");
        chart.setOption(chart(cohorts));
        box.add(new H3(getTranslation("alwaysOn.results.title", c.definition().windowDays())), grid, chart);
        return box;
    }

    private CohortRow row(String week, AlwaysOnCohort k) {
        String currency = me.currency();
        return new CohortRow(week + (k.complete() ? "" : " " + getTranslation("alwaysOn.results.growing")),
                k.versions().stream().sorted().map(v -> "v" + v).collect(Collectors.joining(", ")),
                k.target().entrants() + " / " + k.control().entrants(),
                percent(k.target().conversion()) + " / " + percent(k.control().conversion()),
                interval(k.conversionLift(), v -> percent(v)),
                Formats.money(java.math.BigDecimal.valueOf(k.target().revenuePerMember()), currency, getLocale())
                        + " / " + Formats.money(java.math.BigDecimal.valueOf(k.control().revenuePerMember()),
                                currency, getLocale()),
                interval(k.revenueLift(), v -> Formats.money(java.math.BigDecimal.valueOf(v), currency,
                        getLocale())),
                Formats.money(k.couponCost(), currency, getLocale()), Formats.count(k.bonusPoints(), getLocale()), k);
    }

    private String interval(Lift.@Nullable Interval lift, java.util.function.Function<Double, String> format) {
        if (lift == null) {
            return "–";
        }
        return lift.hasInterval() ? getTranslation("alwaysOn.results.interval", format.apply(lift.estimate()),
                format.apply(lift.low()), format.apply(lift.high())) : format.apply(lift.estimate());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Conversion of target and control by entry week (lines, per cent) and the entrants (bars). */
    private ObjectNode chart(List<AlwaysOnCohort> cohorts) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode option = json.objectNode();
        option.put("animation", false);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 16).put("top", 48)
                .put("bottom", 8);
        option.putObject("tooltip").put("trigger", "axis");
        String target = getTranslation("alwaysOn.chart.target");
        String control = getTranslation("alwaysOn.chart.control");
        String entrants = getTranslation("alwaysOn.chart.entrants");
        option.putObject("legend").put("top", 0).putArray("data").add(target).add(control).add(entrants);
        ArrayNode weeks = option.putObject("xAxis").put("type", "category").putArray("data");
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", "%");
        axes.addObject().put("type", "value").put("name", entrants);
        ArrayNode series = option.putArray("series");
        ArrayNode t = series.addObject().put("name", target).put("type", "line").putArray("data");
        ArrayNode k = series.addObject().put("name", control).put("type", "line").putArray("data");
        ArrayNode n = series.addObject().put("name", entrants).put("type", "bar").put("yAxisIndex", 1)
                .putArray("data");
        for (AlwaysOnCohort c : cohorts) {
            weeks.add(Formats.date(c.week(), getLocale()));
            t.add(Math.round(c.target().conversion() * 1000) / 10.0);
            k.add(Math.round(c.control().conversion() * 1000) / 10.0);
            n.add(c.target().entrants() + c.control().entrants());
        }
        return option;
    }

    private VerticalLayout entrants(AlwaysOnCampaign c) {
        var grid = new Grid<com.tierpilot.campaign.AlwaysOnEntry>();
        grid.setId("always-on-entrants");
        grid.addComponentColumn(e -> new Anchor("customers/" + e.customerCode(), e.customerName() == null
                ? e.customerCode() : e.customerName() + " (" + e.customerCode() + ")"))
                .setHeader(getTranslation("campaigns.code.customer")).setFlexGrow(1);
        grid.addColumn(e -> Formats.date(e.enteredOn(), getLocale()))
                .setHeader(getTranslation("alwaysOn.entrants.entered")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.control() ? "campaigns.results.control" : "campaigns.results.target"))
                .setHeader(getTranslation("alwaysOn.entrants.group")).setAutoWidth(true);
        grid.addColumn(e -> "v" + e.version() + (e.entryNo() > 1 ? " · #" + e.entryNo() : ""))
                .setHeader(getTranslation("alwaysOn.results.versions")).setAutoWidth(true);
        grid.addColumn(e -> e.stepsDone()).setHeader(getTranslation("alwaysOn.entrants.steps")).setAutoWidth(true);
        grid.addColumn(e -> e.exitReason() == null ? getTranslation("alwaysOn.entrants.open")
                : getTranslation("alwaysOn.exitReason." + e.exitReason()))
                .setHeader(getTranslation("alwaysOn.entrants.state")).setAutoWidth(true);
        grid.setItems(new CallbackDataProvider<>(
                q -> alwaysOn.entries(me.tenantId(), c.id(), q.getOffset(), q.getLimit()).stream(),
                q -> alwaysOn.countEntries(me.tenantId(), c.id())));
        var box = new VerticalLayout(new H3(getTranslation("alwaysOn.entrants.title")), grid);
        box.setPadding(false);
        return box;
    }

    /** What sets the campaign off, in the viewer's language. */
    static String describe(Component view, AlwaysOnDefinition d, SegmentLabels segments) {
        return switch (d.trigger()) {
            case SEGMENT -> view.getTranslation("alwaysOn.describe.SEGMENT", segments.label(d.scheme() + ":"
                    + d.segment()));
            case TIER_DROP -> view.getTranslation("alwaysOn.describe.TIER_DROP", d.segment());
            case P_ALIVE -> view.getTranslation("alwaysOn.describe.P_ALIVE", percent(d.threshold() == null ? 0
                    : d.threshold().doubleValue()));
            case BIRTHDAY -> view.getTranslation("alwaysOn.describe.BIRTHDAY", d.triggerDays());
            case FIRST_ORDER -> view.getTranslation("alwaysOn.describe.FIRST_ORDER", d.triggerDays());
        };
    }

    private String steps(AlwaysOnDefinition d) {
        List<String> parts = new ArrayList<>();
        for (JourneyStep s : d.steps()) {
            String what = getTranslation(s.action().messageKey());
            if (s.pointsDays() != null) {
                what = getTranslation("alwaysOn.describe.points", s.pointsDays());
            }
            parts.add(getTranslation(s.unlessRedeemed() ? "alwaysOn.describe.stepUnless" : "alwaysOn.describe.step",
                    s.waitDays(), what));
        }
        return String.join(" → ", parts);
    }

    /** The preview as a sentence: the entrants of each past run, newest first. */
    static String previewText(Component view, Locale locale, List<AlwaysOnCampaignService.PreviewRun> runs) {
        if (runs.isEmpty()) {
            return view.getTranslation("alwaysOn.preview.none");
        }
        String list = runs.stream().map(r -> view.getTranslation("alwaysOn.preview.run",
                Formats.date(r.asOf(), locale), r.entrants() == null ? "?" : String.valueOf(r.entrants())))
                .collect(Collectors.joining(view.getTranslation("alwaysOn.preview.separator")));
        boolean unknown = runs.stream().anyMatch(r -> r.entrants() == null);
        return view.getTranslation(unknown ? "alwaysOn.preview.textPartial" : "alwaysOn.preview.text",
                runs.size(), list);
    }
}
