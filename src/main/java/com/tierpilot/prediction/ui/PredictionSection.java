package com.tierpilot.prediction.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.prediction.CustomerPrediction;
import com.tierpilot.prediction.PredictionService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Optional;

/** The customer page's prediction: P(alive), purchases to expect, the value of the next year, in plain words. */
@org.springframework.stereotype.Component
class PredictionSection implements CustomerPageSection {

    private final PredictionService predictions;
    private final CurrentUser currentUser;

    PredictionSection(PredictionService predictions, CurrentUser currentUser) {
        this.predictions = predictions;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-prediction");
        box.add(new H3(box.getTranslation("customers.prediction.title")));
        Optional<CustomerPrediction> found = predictions.forCustomer(tenant, customerId);
        if (found.isEmpty()) {
            box.add(new Paragraph(box.getTranslation("customers.prediction.none")));
            return box;
        }
        CustomerPrediction p = found.get();
        var locale = com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.ENGLISH
                : com.vaadin.flow.component.UI.getCurrent().getLocale();
        String percent = NumberFormat.getPercentInstance(locale).format(p.pAlive());
        String purchases = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale))
                .format(p.expectedPurchases90d());
        // In the company's currency, as every amount on the page (issue 17, item 8: "worth about 415.06").
        String value = currentUser.get().map(me -> Formats.money(p.clv12m(), me.currency(), locale))
                .orElseGet(() -> NumberFormat.getNumberInstance(locale).format(p.clv12m()));
        var figures = new Paragraph(box.getTranslation("customers.prediction.figures", percent, purchases, value));
        figures.setId("customer-prediction-figures");
        box.add(figures, new Paragraph(box.getTranslation("customers.prediction.explain")));
        if (!p.fitted()) {
            box.add(new Paragraph(box.getTranslation("customers.prediction.defaults")));
        }
        return box;
    }
}
