package com.tierpilot.churn.ui;

import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnListService.CouponTemplate;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Issues a customer on the churn list a win-back coupon from a template (an active campaign with a code per
 * member), then shows the code to pass on. One binder; the view's callback calls the service and returns the code.
 */
class WinBackDialog extends Dialog {

    private final Binder<Draft> binder = new Binder<>(Draft.class);

    WinBackDialog(ChurnEntry entry, List<CouponTemplate> templates, Function<CouponTemplate, @Nullable String> issue) {
        setHeaderTitle(getTranslation("churn.winBack.title", entry.name() == null ? entry.code() : entry.name()));
        var template = new Select<CouponTemplate>();
        template.setId("winback-template");
        template.setLabel(getTranslation("churn.winBack.template"));
        template.setItems(templates);
        template.setItemLabelGenerator(CouponTemplate::name);
        var result = new Paragraph();
        result.setId("winback-code");
        binder.forField(template).asRequired(getTranslation("validation.required"))
                .bind(d -> d.template, (d, v) -> d.template = v);
        binder.setBean(new Draft());
        if (templates.isEmpty()) {
            add(new Paragraph(getTranslation("churn.winBack.noTemplates")));
        } else {
            template.setValue(templates.getFirst());
            add(template, result);
        }
        var issueButton = new Button(getTranslation("churn.winBack.issue"), click -> {
            if (binder.validate().isOk()) {
                String code = issue.apply(binder.getBean().template);
                if (code != null) {
                    result.setText(getTranslation("churn.winBack.issued", code));
                }
            }
        });
        issueButton.setId("winback-issue");
        issueButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issueButton.setEnabled(!templates.isEmpty());
        getFooter().add(new Button(getTranslation("action.close"), click -> close()), issueButton);
    }

    static final class Draft {
        @Nullable CouponTemplate template;
    }
}
