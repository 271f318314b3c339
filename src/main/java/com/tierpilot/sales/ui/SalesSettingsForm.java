package com.tierpilot.sales.ui;

import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.sales.GradeThresholds;
import com.tierpilot.sales.PoolRules;
import com.tierpilot.sales.ProspectGrade;
import com.tierpilot.sales.SalesSettings;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The company's sales settings with one binder: the days to the close date that make a prospect A, B or C; its own
 * wording of stages and customer types; the customers per manager and claims per day; and the days without a
 * follow-up after which a customer of each grade returns to the pool. Fires a {@link SaveEvent} when valid.
 */
class SalesSettingsForm extends FormLayout {

    final Map<ProspectGrade, IntegerField> returnDays = new EnumMap<>(ProspectGrade.class);
    final Button save = new Button();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    SalesSettingsForm(SalesSettings settings, PoolRules rules) {
        setId("sales-settings-form");
        var draft = new Draft(settings, rules);
        add(new H3(getTranslation("salesSettings.grades")), 2);
        days(getTranslation("salesSettings.aWithin"), "sales-settings-a", d -> d.a, (d, v) -> d.a = v);
        days(getTranslation("salesSettings.bWithin"), "sales-settings-b", d -> d.b, (d, v) -> d.b = v);
        days(getTranslation("salesSettings.cWithin"), "sales-settings-c", d -> d.c, (d, v) -> d.c = v);
        add(new H3(getTranslation("salesSettings.ownership")), 2);
        days(getTranslation("salesSettings.managerLimit"), "sales-settings-limit", d -> d.limit,
                (d, v) -> d.limit = v);
        days(getTranslation("salesSettings.dailyClaims"), "sales-settings-daily", d -> d.daily, (d, v) -> d.daily = v);
        for (ProspectGrade grade : ProspectGrade.values()) {
            returnDays.put(grade, days(getTranslation("salesSettings.returnDays", grade.name()),
                    "sales-settings-return-" + grade.name(), d -> d.returns.get(grade),
                    (d, v) -> d.returns.put(grade, v)));
        }
        IntegerField none = days(getTranslation("salesSettings.returnNone"), "sales-settings-return-none",
                d -> d.none, (d, v) -> d.none = v, PoolRules.NEVER);
        none.setHelperText(getTranslation("salesSettings.returnNone.never"));
        add(new H3(getTranslation("salesSettings.labels")), 2);
        for (SalesStage stage : SalesStage.values()) {
            label(getTranslation(stage.messageKey()), "sales-settings-stage-" + stage.name(),
                    d -> d.stages.getOrDefault(stage, ""), (d, v) -> d.stages.put(stage, v));
        }
        for (CustomerType type : CustomerType.values()) {
            label(getTranslation(type.messageKey()), "sales-settings-type-" + type.name(),
                    d -> d.types.getOrDefault(type, ""), (d, v) -> d.types.put(type, v));
        }
        binder.setBean(draft);
        save.setText(getTranslation("salesSettings.save"));
        save.setId("sales-settings-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, binder.getBean().settings(), binder.getBean().rules()));
            }
        });
        add(save);
    }

    /** A whole number of days (or customers) from 1. */
    private IntegerField days(String label, String id, com.vaadin.flow.function.ValueProvider<Draft, Integer> get,
            com.vaadin.flow.data.binder.Setter<Draft, Integer> set) {
        return days(label, id, get, set, 1);
    }

    private IntegerField days(String label, String id, com.vaadin.flow.function.ValueProvider<Draft, Integer> get,
            com.vaadin.flow.data.binder.Setter<Draft, Integer> set, int min) {
        var field = new IntegerField(label);
        field.setId(id);
        field.setMin(min);
        field.setStepButtonsVisible(true);
        binder.forField(field).asRequired(getTranslation("validation.required"))
                .withValidator(v -> v >= min, getTranslation(min == 0 ? "salesSettings.error.notNegative"
                        : "salesSettings.error.positive")).bind(get, set);
        add(field);
        return field;
    }

    /** The company's own word for a stage or type; blank keeps the default shown as placeholder. */
    private void label(String defaultLabel, String id, com.vaadin.flow.function.ValueProvider<Draft, String> get,
            com.vaadin.flow.data.binder.Setter<Draft, String> set) {
        var field = new TextField(defaultLabel);
        field.setId(id);
        field.setPlaceholder(defaultLabel);
        field.setMaxLength(SalesSettings.MAX_LABEL_LENGTH);
        binder.forField(field).bind(get, set);
        add(field);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<SalesSettingsForm> {
        final SalesSettings settings;
        final PoolRules rules;

        SaveEvent(SalesSettingsForm source, SalesSettings settings, PoolRules rules) {
            super(source, true);
            this.settings = settings;
            this.rules = rules;
        }
    }

    /** The binder's bean. */
    static final class Draft {
        Integer a;
        Integer b;
        Integer c;
        Integer limit;
        Integer daily;
        Integer none;
        final Map<ProspectGrade, Integer> returns = new EnumMap<>(ProspectGrade.class);
        final Map<SalesStage, String> stages = new EnumMap<>(SalesStage.class);
        final Map<CustomerType, String> types = new EnumMap<>(CustomerType.class);

        Draft(SalesSettings settings, PoolRules rules) {
            a = settings.thresholds().aWithinDays();
            b = settings.thresholds().bWithinDays();
            c = settings.thresholds().cWithinDays();
            limit = rules.managerLimit();
            daily = rules.dailyClaims();
            none = rules.ungradedReturnDays();
            for (ProspectGrade grade : ProspectGrade.values()) {
                returns.put(grade, rules.returnDays(grade));
            }
            stages.putAll(settings.stageLabels());
            types.putAll(settings.typeLabels());
        }

        SalesSettings settings() {
            return new SalesSettings(new GradeThresholds(a, b, c), stages, types);
        }

        PoolRules rules() {
            return new PoolRules(limit, daily, returns, none);
        }
    }
}
