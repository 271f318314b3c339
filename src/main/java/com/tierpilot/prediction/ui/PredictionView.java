package com.tierpilot.prediction.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.prediction.PredictionModel;
import com.tierpilot.prediction.PredictionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
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
    }

    private static Paragraph paragraph(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        return p;
    }
}
