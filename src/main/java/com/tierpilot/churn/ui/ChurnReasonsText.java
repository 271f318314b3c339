package com.tierpilot.churn.ui;

import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnListService;
import com.vaadin.flow.component.Component;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Why a customer is on the churn list, in words of the viewer's language: "was A, now B", "P(alive) 0.31", ... */
final class ChurnReasonsText implements ChurnListService.ChurnReasons {

    private final Component context;
    private final Locale locale;

    ChurnReasonsText(Component context, Locale locale) {
        this.context = context;
        this.locale = locale;
    }

    @Override
    public List<String> of(ChurnEntry e) {
        List<String> reasons = new ArrayList<>();
        if (e.tierDropped()) {
            reasons.add(e.toTier() == null ? context.getTranslation(locale, "churn.why.tierLost", e.fromTier())
                    : context.getTranslation(locale, "churn.why.tierDrop", e.fromTier(), e.toTier()));
        }
        if (e.stageAtRisk()) {
            reasons.add(context.getTranslation(locale, "churn.why.stage",
                    context.getTranslation(locale, "segment.lifecycle." + e.lifecycleStage())));
        }
        if (e.lowPAlive() && e.pAlive() != null) {
            reasons.add(context.getTranslation(locale, "churn.why.pAlive",
                    new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale)).format(e.pAlive())));
        }
        if (e.daysWithoutOrder() != null) {
            reasons.add(context.getTranslation(locale, "churn.why.noOrder", e.daysWithoutOrder()));
        }
        return reasons;
    }
}
