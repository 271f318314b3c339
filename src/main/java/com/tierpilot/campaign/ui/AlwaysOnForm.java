package com.tierpilot.campaign.ui;

import com.tierpilot.campaign.AlwaysOnAction;
import com.tierpilot.campaign.AlwaysOnTrigger;
import com.tierpilot.campaign.CampaignTasks;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.campaign.ExitCondition;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.EnumSet;
import java.util.List;

/**
 * The always-on campaign form: name and goal; the trigger and its setting; holdout, re-entry, exits and the results
 * window; up to three steps (action, wait, skipped for redeemers, the action's setting); the coupon. One binder over
 * an {@link AlwaysOnFormModel}; fires {@link PreviewEvent} and {@link SaveEvent} and leaves the service to its view.
 */
class AlwaysOnForm extends VerticalLayout {

    final TextField name = new TextField();
    final TextArea goal = new TextArea();
    final Select<AlwaysOnTrigger> trigger = new Select<>();
    final ComboBox<String> segment = new ComboBox<>();
    final Select<String> tier = new Select<>();
    final BigDecimalField threshold = new BigDecimalField();
    final IntegerField days = new IntegerField();
    final IntegerField holdout = new IntegerField();
    final IntegerField reentry = new IntegerField();
    final CheckboxGroup<ExitCondition> exits = new CheckboxGroup<>();
    final IntegerField window = new IntegerField();
    final Select<DiscountType> discountType = new Select<>();
    final BigDecimalField value = new BigDecimalField();
    final BigDecimalField spendThreshold = new BigDecimalField();
    final BigDecimalField minSpend = new BigDecimalField();
    final TextField prefix = new TextField();
    final IntegerField validDays = new IntegerField();
    final Paragraph preview = new Paragraph();
    final Button showPreview = new Button();
    final Button save = new Button();

    private final Binder<AlwaysOnFormModel> binder = new Binder<>();
    private final AlwaysOnFormModel model;

    AlwaysOnForm(SegmentLabels segments, List<CampaignTasks.PlanChoice> plans, AlwaysOnFormModel model) {
        this.model = model;
        setPadding(false);
        label(name, "name");
        label(goal, "goal");
        label(trigger, "trigger");
        label(segment, "segment");
        label(tier, "tier");
        label(threshold, "threshold");
        label(days, "days");
        label(holdout, "holdout");
        label(reentry, "reentry");
        label(exits, "exits");
        label(window, "window");
        label(discountType, "discountType");
        label(value, "value");
        label(spendThreshold, "spendThreshold");
        label(minSpend, "minSpend");
        label(prefix, "prefix");
        label(validDays, "validDays");
        trigger.setItems(AlwaysOnTrigger.values());
        trigger.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        segment.setItems(segments.references());
        segment.setItemLabelGenerator(segments::label);
        tier.setItems("A", "B");
        reentry.setHelperText(getTranslation("alwaysOn.field.reentry.help"));
        window.setHelperText(getTranslation("alwaysOn.field.window.help"));
        exits.setItems(ExitCondition.values());
        exits.setItemLabelGenerator(e -> getTranslation(e.messageKey()));
        discountType.setItems(DiscountType.values());
        discountType.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        prefix.setMaxLength(8);

        binder.forField(name).asRequired(getTranslation("campaigns.error.name")).bind(m -> m.name, (m, v) -> m.name = v);
        binder.forField(goal).bind(m -> m.goal, (m, v) -> m.goal = v);
        binder.forField(trigger).asRequired().bind(m -> m.trigger, (m, v) -> m.trigger = v);
        binder.forField(segment).bind(m -> m.segment, (m, v) -> m.segment = v);
        binder.forField(tier).bind(m -> m.tier, (m, v) -> m.tier = v);
        binder.forField(threshold).bind(m -> m.threshold, (m, v) -> m.threshold = v);
        binder.forField(days).bind(m -> m.days, (m, v) -> m.days = v);
        binder.forField(holdout).bind(m -> m.holdout, (m, v) -> m.holdout = v);
        binder.forField(reentry).bind(m -> m.reentryDays, (m, v) -> m.reentryDays = v);
        binder.forField(exits).bind(m -> m.exits, (m, v) -> m.exits = v.isEmpty()
                ? EnumSet.noneOf(ExitCondition.class) : EnumSet.copyOf(v));
        binder.forField(window).bind(m -> m.windowDays, (m, v) -> m.windowDays = v);
        binder.forField(discountType).bind(m -> m.discountType, (m, v) -> m.discountType = v);
        binder.forField(value).bind(m -> m.value, (m, v) -> m.value = v);
        binder.forField(spendThreshold).bind(m -> m.spendThreshold, (m, v) -> m.spendThreshold = v);
        binder.forField(minSpend).bind(m -> m.minSpend, (m, v) -> m.minSpend = v);
        binder.forField(prefix).bind(m -> m.prefix, (m, v) -> m.prefix = v);
        binder.forField(validDays).bind(m -> m.validDays, (m, v) -> m.validDays = v);

        var stepRows = new VerticalLayout();
        stepRows.setPadding(false);
        for (int i = 0; i < 3; i++) {
            stepRows.add(step(i, plans));
        }
        binder.setBean(model);
        showTriggerFields(model.trigger);
        trigger.addValueChangeListener(e -> showTriggerFields(e.getValue()));

        preview.setId("always-on-preview");
        showPreview.setText(getTranslation("alwaysOn.preview"));
        showPreview.setId("always-on-preview-button");
        showPreview.addClickListener(e -> {
            if (binder.validate().isOk()) {
                fireEvent(new PreviewEvent(this, model));
            }
        });
        save.setText(getTranslation("campaigns.save"));
        save.setId("always-on-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, model));
            }
        });
        add(new H3(getTranslation("campaigns.wizard.basics")), new FormLayout(name, goal),
                new H3(getTranslation("alwaysOn.form.trigger")), new FormLayout(trigger, segment, tier, threshold,
                        days),
                new H3(getTranslation("alwaysOn.form.journey")), new FormLayout(holdout, reentry, exits, window),
                new H3(getTranslation("alwaysOn.form.steps")), stepRows,
                new H3(getTranslation("campaigns.wizard.coupon")), new FormLayout(discountType, value,
                        spendThreshold, minSpend, prefix, validDays),
                preview, new HorizontalLayout(showPreview, save));
    }

    private HorizontalLayout step(int i, List<CampaignTasks.PlanChoice> plans) {
        var action = new Select<AlwaysOnAction>();
        var wait = new IntegerField();
        var unless = new Checkbox(getTranslation("alwaysOn.field.unlessRedeemed"));
        var points = new IntegerField();
        var plan = new ComboBox<CampaignTasks.PlanChoice>();
        action.setLabel(getTranslation("alwaysOn.field.step", i + 1));
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("alwaysOn.field.noStep"));
        action.setItems(AlwaysOnAction.values());
        action.setItemLabelGenerator(a -> a == null ? getTranslation("alwaysOn.field.noStep")
                : getTranslation(a.messageKey()));
        wait.setLabel(getTranslation(i == 0 ? "alwaysOn.field.waitFirst" : "alwaysOn.field.wait"));
        points.setLabel(getTranslation("alwaysOn.field.pointsDays"));
        plan.setLabel(getTranslation("campaigns.field.revisitPlan"));
        plan.setItems(plans);
        plan.setItemLabelGenerator(p -> getTranslation("campaigns.field.revisitPlan.item",
                p.displayName(this::getTranslation), getTranslation(p.channelKey())));
        action.setId("always-on-step" + (i + 1) + "-action");
        wait.setId("always-on-step" + (i + 1) + "-wait");
        unless.setId("always-on-step" + (i + 1) + "-unless");
        points.setId("always-on-step" + (i + 1) + "-points");
        plan.setId("always-on-step" + (i + 1) + "-plan");
        AlwaysOnFormModel.StepModel s = model.steps.get(i);
        binder.forField(action).bind(m -> m.steps.get(i).action, (m, v) -> m.steps.get(i).action = v);
        binder.forField(wait).bind(m -> m.steps.get(i).waitDays, (m, v) -> m.steps.get(i).waitDays = v);
        binder.forField(unless).bind(m -> m.steps.get(i).unlessRedeemed, (m, v) -> m.steps.get(i).unlessRedeemed = v);
        binder.forField(points).bind(m -> m.steps.get(i).pointsDays, (m, v) -> m.steps.get(i).pointsDays = v);
        binder.forField(plan).bind(m -> plans.stream().filter(p -> m.steps.get(i).planId != null
                && p.id() == m.steps.get(i).planId).findFirst().orElse(null),
                (m, v) -> m.steps.get(i).planId = v == null ? null : v.id());
        Runnable shown = () -> {
            AlwaysOnAction a = action.getValue();
            wait.setVisible(a != null);
            unless.setVisible(a != null);
            points.setVisible(a == AlwaysOnAction.DOUBLE_POINTS);
            plan.setVisible(a == AlwaysOnAction.REVISIT);
        };
        action.setValue(s.action);
        shown.run();
        action.addValueChangeListener(e -> shown.run());
        var row = new HorizontalLayout(action, wait, unless, points, plan);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void showTriggerFields(AlwaysOnTrigger t) {
        segment.setVisible(t == AlwaysOnTrigger.SEGMENT);
        tier.setVisible(t == AlwaysOnTrigger.TIER_DROP);
        threshold.setVisible(t == AlwaysOnTrigger.P_ALIVE);
        days.setVisible(t == AlwaysOnTrigger.BIRTHDAY || t == AlwaysOnTrigger.FIRST_ORDER);
        days.setLabel(getTranslation(t == AlwaysOnTrigger.BIRTHDAY ? "alwaysOn.field.daysBefore"
                : "alwaysOn.field.daysAfter"));
    }

    private void label(com.vaadin.flow.component.HasLabel field, String key) {
        field.setLabel(getTranslation("alwaysOn.field." + key));
        ((com.vaadin.flow.component.Component) field).setId("always-on-" + key);
    }

    Registration addPreviewListener(ComponentEventListener<PreviewEvent> listener) {
        return addListener(PreviewEvent.class, listener);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** An event of the form that carries the edited values. */
    abstract static class ModelEvent extends ComponentEvent<AlwaysOnForm> {

        private final AlwaysOnFormModel model;

        ModelEvent(AlwaysOnForm source, AlwaysOnFormModel model) {
            super(source, false);
            this.model = model;
        }

        AlwaysOnFormModel model() {
            return model;
        }
    }

    /** The user asked how many would have entered in the last nights. */
    static final class PreviewEvent extends ModelEvent {

        PreviewEvent(AlwaysOnForm source, AlwaysOnFormModel model) {
            super(source, model);
        }
    }

    /** The user saves the campaign (a new version when it exists). */
    static final class SaveEvent extends ModelEvent {

        SaveEvent(AlwaysOnForm source, AlwaysOnFormModel model) {
            super(source, model);
        }
    }
}
