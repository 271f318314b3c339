package com.tierpilot.prediction.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.customer.CustomerLinks;
import com.tierpilot.prediction.PredictionModel;
import com.tierpilot.prediction.PredictionOutlook;
import com.tierpilot.prediction.PredictionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * Churn prediction for the tenant: which model its predictions come from (fitted to its own customers, or the
 * population defaults while it has too few repeat buyers), the owner's settings, and "predict now".
 */
@Route("prediction")
@PageTitle("nav.prediction")
@Menu(order = 33, icon = "vaadin:chart-line", title = "nav.prediction")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class PredictionView extends VerticalLayout {

    private final PredictionService predictions;
    private final TierPilotUser me;
    private final VerticalLayout model = new VerticalLayout();
    private final Button predictNow;

    PredictionView(PredictionService predictions, CurrentUser currentUser) {
        this.predictions = predictions;
        this.me = currentUser.require();
        model.setPadding(false);
        predictNow = new Button(getTranslation("prediction.predictNow"), click -> predictNow());
        predictNow.setId("prediction-now");
        predictNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.prediction")), new Paragraph(getTranslation("prediction.intro")), model,
                predictNow);
        showModel(predictions.model(me.tenantId()));
        if (me.role() == Role.OWNER) {
            var form = new PredictionSettingsForm(predictions.settings(me.tenantId()));
            form.addSaveListener(save -> {
                try {
                    predictions.saveSettings(me.tenantId(), save.settings());
                    Notifications.success(getTranslation("prediction.settings.saved"));
                } catch (UserFacingException e) {
                    Notifications.error(this, e);
                }
            });
            add(new H3(getTranslation("prediction.settings.title")), form);
        }
    }

    private void predictNow() {
        predictNow.setEnabled(false);
        UI ui = UI.getCurrent();
        try {
            predictions.predictInBackground(me.tenantId()).whenComplete((done, failure) -> ui.access(() -> {
                predictNow.setEnabled(true);
                if (failure != null) {
                    Notifications.error(getTranslation("prediction.failed"));
                } else {
                    showModel(Optional.of(done));
                    Notifications.success(getTranslation("prediction.done",
                            Formats.count(done.customers(), getLocale())));
                }
            }));
        } catch (UserFacingException e) {
            predictNow.setEnabled(true);
            Notifications.error(this, e);
        }
    }

    private void showModel(Optional<PredictionModel> latest) {
        model.removeAll();
        if (latest.isEmpty()) {
            model.add(paragraph("prediction-status", getTranslation("prediction.none")));
            return;
        }
        PredictionModel m = latest.get();
        Locale locale = getLocale();
        String asOf = m.asOf().toString();
        if (m.fitted()) {
            model.add(paragraph("prediction-status", getTranslation("prediction.fitted", asOf,
                    Formats.count(m.customers(), locale), Formats.count(m.repeatBuyers(), locale))));
        } else if (m.fitRejected()) {
            model.add(paragraph("prediction-status", getTranslation("prediction.fitRejected", asOf,
                    Formats.count(m.customers(), locale), Formats.count(m.repeatBuyers(), locale))));
        } else {
            model.add(paragraph("prediction-status", getTranslation("prediction.defaults", asOf,
                    Formats.count(m.customers(), locale), Formats.count(m.repeatBuyers(), locale),
                    PredictionService.MIN_REPEAT_BUYERS)));
        }
        model.add(paragraph("prediction-parameters", getTranslation("prediction.parameters",
                String.format(Locale.ROOT, "%.3f", m.r()), String.format(Locale.ROOT, "%.3f", m.alpha()),
                String.format(Locale.ROOT, "%.3f", m.a()), String.format(Locale.ROOT, "%.3f", m.b()),
                String.format(Locale.ROOT, "%.2f", m.p()), String.format(Locale.ROOT, "%.2f", m.q()),
                String.format(Locale.ROOT, "%.2f", m.v()))));
        model.add(paragraph("prediction-discount", getTranslation("prediction.discountUsed",
                java.text.NumberFormat.getPercentInstance(locale).format(m.monthlyDiscount()))));
        showOutlook(predictions.outlook(me.tenantId()));
    }

    /** What the model says: P(alive) and expected purchases of all customers, and the ten most at risk. */
    private void showOutlook(PredictionOutlook outlook) {
        String customers = getTranslation("prediction.outlook.customers");
        var alive = new EChart("p-alive");
        alive.setId("prediction-p-alive-chart");
        alive.setOption(OutlookCharts.pAlive(outlook, customers));
        alive.setHeight("16rem");
        var purchases = new EChart("expected-purchases");
        purchases.setId("prediction-purchases-chart");
        purchases.setOption(OutlookCharts.purchases(outlook, customers,
                getTranslation("prediction.outlook.purchasesAxis")));
        purchases.setHeight("16rem");
        var charts = new Div(card("prediction.outlook.pAlive", alive), card("prediction.outlook.purchases",
                purchases));
        charts.addClassName("campaign-results-charts");
        charts.setWidthFull();
        Locale locale = getLocale();
        var atRisk = new Grid<PredictionOutlook.AtRisk>();
        atRisk.setId("prediction-at-risk");
        atRisk.addComponentColumn(c -> new Anchor(CustomerLinks.page(c.code()), c.name() == null ? c.code()
                : c.name() + " (" + c.code() + ")")).setHeader(getTranslation("prediction.outlook.customer"))
                .setAutoWidth(true);
        atRisk.addColumn(c -> new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale))
                .format(c.pAlive())).setHeader("P(alive)").setAutoWidth(true);
        atRisk.addColumn(c -> Formats.money(c.clv12m(), me.currency(), locale))
                .setHeader(getTranslation("prediction.outlook.clv")).setAutoWidth(true);
        atRisk.addColumn(c -> Formats.money(c.valueAtRisk(), me.currency(), locale))
                .setHeader(getTranslation("prediction.outlook.valueAtRisk")).setAutoWidth(true);
        // Ten rows at most: a fixed list, not a lazy one.
        atRisk.setItems(outlook.mostAtRisk());
        atRisk.setAllRowsVisible(true);
        model.add(new H3(getTranslation("prediction.outlook.title")), charts,
                new H3(getTranslation("prediction.outlook.atRisk")), atRisk);
    }

    private Div card(String titleKey, EChart chart) {
        var card = new Div(new H3(getTranslation(titleKey)), chart);
        card.addClassName("chart-card");
        return card;
    }

    private static Paragraph paragraph(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        return p;
    }
}
