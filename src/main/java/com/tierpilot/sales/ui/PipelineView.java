package com.tierpilot.sales.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.sales.PipelineRow;
import com.tierpilot.sales.ProspectGrade;
import com.tierpilot.sales.SalesPipelineService;
import com.tierpilot.sales.SalesSettings;
import com.tierpilot.sales.SalesSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The pipeline: customers by stage (in the company's wording) and A-E grade, with the sum of expected deals per
 * stage. An account manager sees their own customers and the pool's; the owner and marketers the company's.
 */
@Route("pipeline")
@PageTitle("nav.pipeline")
@Menu(order = 10.6, icon = "vaadin:funnel", title = "nav.pipeline")
@PermitAll
public class PipelineView extends VerticalLayout {

    PipelineView(SalesPipelineService pipeline, SalesSettingsService settings, CurrentUser currentUser) {
        TierPilotUser me = currentUser.require();
        SalesSettings company = settings.settings(me.tenantId());
        add(new H2(getTranslation("nav.pipeline")), new Paragraph(getTranslation(me.role() == Role.ACCOUNT_MANAGER
                ? "pipeline.intro.manager" : "pipeline.intro")));
        List<PipelineRow> rows = pipeline.byStage(me.tenantId(), me.userId(), me.role());
        if (rows.isEmpty()) {
            var empty = new Paragraph(getTranslation("pipeline.empty"));
            empty.setId("pipeline-empty");
            var customers = new Button(getTranslation("pool.toCustomers"), click -> getUI().ifPresent(ui ->
                    ui.navigate("customers")));
            customers.setId("pipeline-to-customers");
            add(empty, customers);
            return;
        }
        var grid = new Grid<PipelineRow>();
        grid.setId("pipeline-grid");
        grid.addColumn(r -> r.stage() == null ? getTranslation("pipeline.noStage")
                : company.label(r.stage(), this::getTranslation)).setHeader(getTranslation("sales.field.stage"))
                .setAutoWidth(true);
        for (ProspectGrade grade : ProspectGrade.values()) {
            grid.addColumn(r -> Formats.count(r.count(grade), getLocale())).setHeader(grade.name())
                    .setTooltipGenerator(r -> getTranslation(grade.messageKey()));
        }
        grid.addColumn(r -> Formats.count(r.ungraded(), getLocale())).setHeader(getTranslation("pipeline.ungraded"));
        grid.addColumn(r -> Formats.count(r.total(), getLocale())).setHeader(getTranslation("pipeline.total"));
        grid.addColumn(r -> Formats.money(r.expectedDeals(), me.currency(), getLocale()))
                .setHeader(getTranslation("pipeline.deals")).setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        add(grid);
        // The conversion between stages over time, from the sales-state history (issue 20).
        var chart = new EChart("pipeline-conversion");
        chart.setId("pipeline-conversion");
        chart.setOption(ConversionChart.option(pipeline.conversionMonths(me.timeZone()),
                pipeline.conversion(me.tenantId(), me.userId(), me.role(), me.timeZone()),
                stage -> company.label(stage, this::getTranslation), this::getTranslation));
        var help = new Paragraph(getTranslation("pipeline.conversion.help"));
        help.setId("pipeline-conversion-help");
        add(new H3(getTranslation("pipeline.conversion.title")), help, chart);
    }
}
