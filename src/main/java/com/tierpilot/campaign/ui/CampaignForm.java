package com.tierpilot.campaign.ui;

import com.tierpilot.campaign.CampaignAction;
import com.tierpilot.campaign.CampaignTasks;
import com.tierpilot.campaign.CodeMode;
import com.tierpilot.campaign.DiscountType;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The campaign wizard's form: name and goal, target, schedule and holdout, actions, and the coupon. One binder over
 * a {@link CampaignFormModel}; it fires {@link PreviewEvent} and {@link SaveEvent} with the model and leaves the
 * service calls to its view.
 */
class CampaignForm extends VerticalLayout {

    final TextField name = new TextField();
    final TextArea goal = new TextArea();
    final MultiSelectComboBox<String> include = new MultiSelectComboBox<>();
    final MultiSelectComboBox<String> exclude = new MultiSelectComboBox<>();
    final ComboBox<String> requiredRule = new ComboBox<>();
    final IntegerField holdout = new IntegerField();
    final DateTimePicker startsAt = new DateTimePicker();
    final DateTimePicker endsAt = new DateTimePicker();
    final CheckboxGroup<CampaignAction> actions = new CheckboxGroup<>();
    final ComboBox<CampaignTasks.PlanChoice> revisitPlan = new ComboBox<>();
    final Select<DiscountType> discountType = new Select<>();
    final BigDecimalField value = new BigDecimalField();
    final BigDecimalField threshold = new BigDecimalField();
    final BigDecimalField minSpend = new BigDecimalField();
    final DateTimePicker validFrom = new DateTimePicker();
    final DateTimePicker validTo = new DateTimePicker();
    final TextField categories = new TextField();
    final RadioButtonGroup<CodeMode> codeMode = new RadioButtonGroup<>();
    final TextField prefix = new TextField();
    final TextField sharedCode = new TextField();
    final IntegerField perCode = new IntegerField();
    final IntegerField perCustomer = new IntegerField();
    final IntegerField total = new IntegerField();
    final Paragraph preview = new Paragraph();
    final Button showPreview = new Button();
    final Button save = new Button();

    /** The uses a shared code gets by default: one per customer, for a shop's whole clientele. */
    static final int SHARED_CODE_USES = 100_000;

    private final Binder<CampaignFormModel> binder = new Binder<>();
    private final CampaignFormModel model;

    /** {@code plans}: the revisit plans the revisit-plan action can take its channel and script from. */
    CampaignForm(SegmentLabels segments, List<CampaignTasks.PlanChoice> plans, CampaignFormModel model) {
        this.model = model;
        setPadding(false);
        label(name, "name");
        label(goal, "goal");
        label(include, "include");
        label(exclude, "exclude");
        label(requiredRule, "rule");
        label(holdout, "holdout");
        label(startsAt, "startsAt");
        label(endsAt, "endsAt");
        label(actions, "actions");
        label(revisitPlan, "revisitPlan");
        label(discountType, "discountType");
        label(value, "value");
        label(threshold, "threshold");
        label(minSpend, "minSpend");
        label(validFrom, "validFrom");
        label(validTo, "validTo");
        label(categories, "categories");
        label(codeMode, "codeMode");
        label(prefix, "prefix");
        label(sharedCode, "sharedCode");
        label(perCode, "perCode");
        label(perCustomer, "perCustomer");
        label(total, "total");

        include.setItems(segments.references());
        include.setItemLabelGenerator(segments::label);
        exclude.setItems(segments.references());
        exclude.setItemLabelGenerator(segments::label);
        requiredRule.setItems(segments.ruleKeys());
        requiredRule.setItemLabelGenerator(segments::ruleName);
        requiredRule.setClearButtonVisible(true);
        holdout.setMin(0);
        holdout.setMax(90);
        holdout.setStepButtonsVisible(true);
        actions.setItems(CampaignAction.values());
        actions.setItemLabelGenerator(a -> getTranslation(a.messageKey()));
        revisitPlan.setItems(plans);
        revisitPlan.setItemLabelGenerator(p -> getTranslation("campaigns.field.revisitPlan.item",
                p.displayName(this::getTranslation), getTranslation(p.channelKey())));
        revisitPlan.setHelperText(getTranslation(plans.isEmpty() ? "campaigns.field.revisitPlan.none"
                : "campaigns.field.revisitPlan.help"));
        revisitPlan.setWidth("28em");
        discountType.setItems(DiscountType.values());
        discountType.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        codeMode.setItems(CodeMode.values());
        codeMode.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        prefix.setMaxLength(8);
        validFrom.setHelperText(getTranslation("campaigns.field.validDefault"));
        validTo.setHelperText(getTranslation("campaigns.field.validDefault"));

        binder.forField(name).asRequired(getTranslation("campaigns.error.name"))
                .bind(m -> m.name, (m, v) -> m.name = v);
        binder.forField(goal).bind(m -> m.goal, (m, v) -> m.goal = v);
        binder.forField(include).asRequired(getTranslation("campaigns.error.target"))
                .bind(m -> m.include, (m, v) -> m.include = new LinkedHashSet<>(v));
        binder.forField(exclude).bind(m -> m.exclude, (m, v) -> m.exclude = new LinkedHashSet<>(v));
        binder.forField(requiredRule).bind(m -> m.requiredRule, (m, v) -> m.requiredRule = v);
        binder.forField(holdout).bind(m -> m.holdoutPercent, (m, v) -> m.holdoutPercent = v);
        binder.forField(startsAt).asRequired().bind(m -> m.startsAt, (m, v) -> m.startsAt = v);
        binder.forField(endsAt).asRequired().bind(m -> m.endsAt, (m, v) -> m.endsAt = v);
        binder.forField(actions).bind(m -> m.actions, (m, v) -> m.actions = Set.copyOf(v));
        binder.forField(revisitPlan)
                .withValidator(p -> p != null || !actions.getValue().contains(CampaignAction.REVISIT_PLAN),
                        getTranslation("campaigns.error.revisitPlan"))
                .bind(m -> plans.stream().filter(p -> m.revisitPlanId != null && p.id() == m.revisitPlanId)
                        .findFirst().orElse(null), (m, v) -> m.revisitPlanId = v == null ? null : v.id());
        binder.forField(discountType).bind(m -> m.discountType, (m, v) -> m.discountType = v);
        binder.forField(value).bind(m -> m.value, (m, v) -> m.value = v);
        binder.forField(threshold).bind(m -> m.threshold, (m, v) -> m.threshold = v);
        binder.forField(minSpend).bind(m -> m.minSpend, (m, v) -> m.minSpend = v);
        binder.forField(validFrom).bind(m -> m.validFrom, (m, v) -> m.validFrom = v);
        binder.forField(validTo).bind(m -> m.validTo, (m, v) -> m.validTo = v);
        binder.forField(categories).bind(m -> m.categories, (m, v) -> m.categories = v);
        binder.forField(codeMode).bind(m -> m.codeMode, (m, v) -> m.codeMode = v);
        binder.forField(prefix).bind(m -> m.prefix, (m, v) -> m.prefix = v);
        binder.forField(sharedCode).bind(m -> m.sharedCode, (m, v) -> m.sharedCode = v);
        binder.forField(perCode).bind(m -> m.perCode, (m, v) -> m.perCode = v);
        binder.forField(perCustomer).bind(m -> m.perCustomer, (m, v) -> m.perCustomer = v);
        binder.forField(total).bind(m -> m.total, (m, v) -> m.total = v);
        binder.setBean(model);

        revisitPlan.setVisible(model.actions.contains(CampaignAction.REVISIT_PLAN));
        actions.addValueChangeListener(e -> revisitPlan.setVisible(e.getValue().contains(CampaignAction.REVISIT_PLAN)));
        threshold.setVisible(model.discountType == DiscountType.SPEND_SAVE);
        discountType.addValueChangeListener(e -> threshold.setVisible(e.getValue() == DiscountType.SPEND_SAVE));
        sharedCode.setVisible(model.codeMode == CodeMode.SHARED);
        codeMode.addValueChangeListener(e -> {
            sharedCode.setVisible(e.getValue() == CodeMode.SHARED);
            prefix.setVisible(e.getValue() == CodeMode.UNIQUE);
            // A shared code is used by many customers: one use per code would end it at the first till.
            if (e.getValue() == CodeMode.SHARED && Integer.valueOf(1).equals(perCode.getValue())) {
                perCode.setValue(SHARED_CODE_USES);
            } else if (e.getValue() == CodeMode.UNIQUE
                    && Integer.valueOf(SHARED_CODE_USES).equals(perCode.getValue())) {
                perCode.setValue(1);
            }
        });

        preview.setId("campaign-preview");
        showPreview.setText(getTranslation("campaigns.preview"));
        showPreview.setId("campaign-preview-button");
        showPreview.addClickListener(e -> {
            if (binder.validate().isOk()) {
                fireEvent(new PreviewEvent(this, model));
            }
        });
        save.setText(getTranslation("campaigns.save"));
        save.setId("campaign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, model));
            }
        });

        add(new H3(getTranslation("campaigns.wizard.basics")), new FormLayout(name, goal),
                new H3(getTranslation("campaigns.wizard.target")), new FormLayout(include, exclude, requiredRule),
                new H3(getTranslation("campaigns.wizard.schedule")), new FormLayout(startsAt, endsAt, holdout),
                new H3(getTranslation("campaigns.wizard.actions")), actions, revisitPlan,
                new H3(getTranslation("campaigns.wizard.coupon")), new FormLayout(discountType, value, threshold,
                        minSpend, validFrom, validTo, categories, codeMode, prefix, sharedCode, perCode,
                        perCustomer, total),
                preview, new HorizontalLayout(showPreview, save));
    }

    private void label(com.vaadin.flow.component.HasLabel field, String key) {
        field.setLabel(getTranslation("campaigns.field." + key));
        ((com.vaadin.flow.component.Component) field).setId("campaign-" + key);
    }

    CampaignFormModel model() {
        return model;
    }

    Registration addPreviewListener(ComponentEventListener<PreviewEvent> listener) {
        return addListener(PreviewEvent.class, listener);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** An event of the form that carries the edited values. */
    abstract static class ModelEvent extends ComponentEvent<CampaignForm> {

        private final CampaignFormModel model;

        ModelEvent(CampaignForm source, CampaignFormModel model) {
            super(source, false);
            this.model = model;
        }

        CampaignFormModel model() {
            return model;
        }
    }

    /** The user asked for the audience's size. */
    static final class PreviewEvent extends ModelEvent {

        PreviewEvent(CampaignForm source, CampaignFormModel model) {
            super(source, model);
        }
    }

    /** The user saves the draft. */
    static final class SaveEvent extends ModelEvent {

        SaveEvent(CampaignForm source, CampaignFormModel model) {
            super(source, model);
        }
    }
}
