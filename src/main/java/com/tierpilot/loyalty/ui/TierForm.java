package com.tierpilot.loyalty.ui;

import com.tierpilot.loyalty.LoyaltyTier;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A member tier: name, threshold and benefits; a new one or one being changed. Fires a {@link SaveEvent}. */
class TierForm extends FormLayout {

    /** The choice "no coupon on upgrade". */
    private static final long NONE = 0L;

    final TextField name = new TextField();
    final BigDecimalField threshold = new BigDecimalField();
    final TextArea benefits = new TextArea();
    final com.vaadin.flow.component.select.Select<Long> upgradeCoupon = new com.vaadin.flow.component.select.Select<>();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    /** {@code templates}: the campaigns (id to name) whose code an upgrade can give. */
    TierForm(java.util.Map<Long, String> templates) {
        upgradeCoupon.setLabel(getTranslation("tiers.upgradeCoupon"));
        upgradeCoupon.setHelperText(getTranslation("tiers.upgradeCoupon.helper"));
        upgradeCoupon.setId("tier-upgrade-coupon");
        var choices = new java.util.ArrayList<Long>();
        choices.add(NONE);
        choices.addAll(templates.keySet());
        upgradeCoupon.setItems(choices);
        upgradeCoupon.setItemLabelGenerator(id -> id == NONE ? getTranslation("tiers.upgradeCoupon.none")
                : templates.getOrDefault(id, "#" + id));
        name.setLabel(getTranslation("tiers.name"));
        name.setId("tier-name");
        name.setMaxLength(60);
        threshold.setLabel(getTranslation("tiers.threshold"));
        threshold.setHelperText(getTranslation("tiers.threshold.helper"));
        threshold.setId("tier-threshold");
        benefits.setLabel(getTranslation("tiers.benefits"));
        benefits.setId("tier-benefits");
        benefits.setMaxLength(1000);
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(new StringLengthValidator(getTranslation("validation.maxLength", 60), 1, 60))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(threshold).asRequired(getTranslation("validation.required"))
                .withValidator(v -> v.signum() >= 0, getTranslation("loyalty.tiers.error.threshold"))
                .bind(d -> d.threshold, (d, v) -> d.threshold = v);
        binder.forField(benefits).bind(d -> d.benefits, (d, v) -> d.benefits = v);
        binder.forField(upgradeCoupon).bind(d -> d.upgradeCampaign == null ? NONE : d.upgradeCampaign,
                (d, v) -> d.upgradeCampaign = v == null || v == NONE ? null : v);
        edit(null);
        add(name, threshold, upgradeCoupon, benefits);
        setColspan(benefits, 2);
    }

    /** Starts a new tier ({@code null}) or changes this one. */
    void edit(@Nullable LoyaltyTier tier) {
        binder.setBean(Draft.of(tier));
    }

    /** The tier being changed, or {@code null} for a new one. */
    @Nullable Long editing() {
        return binder.getBean().id;
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            Draft d = binder.getBean();
            String text = d.benefits == null || d.benefits.isBlank() ? null : d.benefits.strip();
            fireEvent(new SaveEvent(this, d.id, d.name.strip(), d.threshold, text, d.upgradeCampaign));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** A tier to save: {@code id} is null for a new one. */
    static final class SaveEvent extends ComponentEvent<TierForm> {
        final @Nullable Long id;
        final String name;
        final BigDecimal threshold;
        final @Nullable String benefits;
        final @Nullable Long upgradeCampaign;

        SaveEvent(TierForm source, @Nullable Long id, String name, BigDecimal threshold, @Nullable String benefits,
                @Nullable Long upgradeCampaign) {
            super(source, false);
            this.id = id;
            this.name = name;
            this.threshold = threshold;
            this.benefits = benefits;
            this.upgradeCampaign = upgradeCampaign;
        }
    }

    /** The form's bean. */
    static final class Draft {
        @Nullable Long id;
        String name = "";
        @Nullable BigDecimal threshold;
        @Nullable String benefits;
        @Nullable Long upgradeCampaign;

        static Draft of(@Nullable LoyaltyTier tier) {
            Draft d = new Draft();
            if (tier != null) {
                d.id = tier.id();
                d.name = tier.name();
                d.threshold = tier.threshold();
                d.benefits = tier.benefits();
                d.upgradeCampaign = tier.upgradeCampaignId();
            }
            return d;
        }
    }
}
