package com.tierpilot.campaign.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignReportingService;
import com.tierpilot.campaign.CampaignResults;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.Lift;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A launched campaign's results, target against control: the figures in a table, the lifts with their 95%
 * confidence intervals, the discount cost and the ROI, charts of target against control (the shared chart
 * component), and their CSV export.
 */
@Route("campaigns/:id/results")
@PageTitle("campaigns.detail.results")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class CampaignResultsView extends VerticalLayout implements BeforeEnterObserver {

    private final CampaignService campaigns;
    private final CampaignReportingService reporting;
    private final com.tierpilot.campaign.CampaignDeliveryService delivery;
    private final TierPilotUser me;

    CampaignResultsView(CampaignService campaigns, CampaignReportingService reporting,
            com.tierpilot.campaign.CampaignDeliveryService delivery, CurrentUser currentUser) {
        this.delivery = delivery;
        this.campaigns = campaigns;
        this.reporting = reporting;
        this.me = currentUser.require();
    }

    /** One row of the table: a figure, for target and control. */
    record Row(String figure, String target, String control) {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Campaign> found = event.getRouteParameters().get("id").flatMap(CampaignDetailView::parse)
                .flatMap(id -> campaigns.find(me.tenantId(), id));
        if (found.isEmpty()) {
            add(CampaignDetailView.notFound(this));
            return;
        }
        Campaign c = found.get();
        var title = new H2(getTranslation("campaigns.results.title", c.name()));
        title.setId("campaign-results-title");
        var back = new Anchor("campaigns/" + c.id(), getTranslation("campaigns.results.back"));
        add(new HorizontalLayout(title, back));
        try {
            show(c, reporting.results(me.tenantId(), c.id()));
        } catch (UserFacingException notLaunched) {
            var text = new Paragraph(getTranslation(notLaunched.messageKey(), notLaunched.args()));
            text.setId("campaign-results-none");
            add(text);
        }
    }

    private void show(Campaign c, CampaignResults r) {
        Locale locale = getLocale();
        add(new Paragraph(getTranslation("campaigns.results.period",
                Formats.dateTime(r.since(), me.timeZone(), locale), Formats.dateTime(r.until(), me.timeZone(),
                        locale))));
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        Function<BigDecimal, String> money = m -> Formats.money(m, me.currency(), locale);
        CampaignResults.Group t = r.target();
        CampaignResults.Group k = r.control();
        var grid = new Grid<Row>();
        grid.setId("campaign-results");
        grid.addColumn(Row::figure).setHeader(getTranslation("campaigns.results.figure")).setFlexGrow(1);
        grid.addColumn(Row::target).setHeader(getTranslation("campaigns.results.target")).setAutoWidth(true);
        grid.addColumn(Row::control).setHeader(getTranslation("campaigns.results.control")).setAutoWidth(true);
        // A fixed table of eleven figures, not a list that grows: no paging needed.
        grid.setItems(List.of(
                row("members", Formats.count(t.members(), locale), Formats.count(k.members(), locale)),
                row("redemptions", Formats.count(t.redemptions(), locale), Formats.count(k.redemptions(), locale)),
                row("redemptionRate", percent.format(t.redemptionRate()), percent.format(k.redemptionRate())),
                row("buyers", Formats.count(t.buyers(), locale), Formats.count(k.buyers(), locale)),
                row("buyerRate", percent.format(t.buyerRate()), percent.format(k.buyerRate())),
                row("orders", Formats.count(t.orders(), locale), Formats.count(k.orders(), locale)),
                row("revenue", money.apply(t.revenue()), money.apply(k.revenue())),
                row("revenuePerMember", money.apply(BigDecimal.valueOf(t.revenuePerMember())),
                        money.apply(BigDecimal.valueOf(k.revenuePerMember()))),
                row("discounts", money.apply(t.discounts()), money.apply(k.discounts()))));
        grid.setAllRowsVisible(true);
        add(grid);

        var conversion = new Paragraph(lift(r.conversionLift(), "campaigns.results.conversionLift",
                "campaigns.results.conversionNoInterval",
                v -> String.format(locale, "%+.1f", v * 100)));
        conversion.setId("campaign-conversion-lift");
        var revenue = new Paragraph(lift(r.revenueLift(), "campaigns.results.revenueLift",
                "campaigns.results.revenueNoInterval",
                v -> (v >= 0 ? "+" : "") + money.apply(BigDecimal.valueOf(v))));
        revenue.setId("campaign-revenue-lift");
        var incremental = new Paragraph(getTranslation("campaigns.results.incremental",
                money.apply(r.incrementalRevenue())));
        var cost = new Paragraph(getTranslation("campaigns.results.cost", money.apply(r.discountCost())));
        cost.setId("campaign-discount-cost");
        var roi = new Paragraph(r.roi() == null ? getTranslation("campaigns.results.noRoi")
                : getTranslation("campaigns.results.roi", percent.format(r.roi())));
        roi.setId("campaign-roi");
        var rates = new EChart("campaign-" + c.id() + "-rates");
        rates.setId("campaign-results-chart");
        rates.setOption(ResultsChart.rates(r, this::getTranslation));
        rates.setHeight("18rem");
        var perMember = new EChart("campaign-" + c.id() + "-revenue");
        perMember.setId("campaign-results-revenue-chart");
        perMember.setOption(ResultsChart.revenue(r, this::getTranslation, me.currency()));
        perMember.setHeight("18rem");
        var chart = new Div(rates, perMember);
        chart.addClassName("campaign-results-charts");
        var export = new Anchor(exportCsv(c), getTranslation("campaigns.results.export"));
        export.setId("campaign-results-export");
        add(conversion, revenue, incremental, cost, roi, chart, export);
        var messages = delivery.results(me.tenantId(), c.id());
        if (!messages.isEmpty()) {
            add(new com.vaadin.flow.component.html.H3(getTranslation("campaignMessages.results")),
                    CampaignMessagesSection.results(messages));
        }
    }

    private Row row(String key, String target, String control) {
        return new Row(getTranslation("campaigns.results." + key), target, control);
    }

    /** A lift's line; both lines name their figure, with or without an interval (issue 17, item 8). */
    private String lift(Lift.@org.jspecify.annotations.Nullable Interval lift, String key, String noInterval,
            Function<Double, String> format) {
        if (lift == null) {
            return getTranslation(noInterval, "–");
        }
        if (!lift.hasInterval()) {
            return getTranslation(noInterval, format.apply(lift.estimate()));
        }
        return getTranslation(key, format.apply(lift.estimate()), format.apply(lift.low()),
                format.apply(lift.high()));
    }

    private DownloadHandler exportCsv(Campaign c) {
        return event -> {
            event.setFileName("campaign-" + c.id() + "-results.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                reporting.writeCsv(me.tenantId(), c.id(), out);
            }
        };
    }
}
