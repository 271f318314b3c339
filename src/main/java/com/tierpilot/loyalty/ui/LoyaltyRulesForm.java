package com.tierpilot.loyalty.ui;

import com.tierpilot.loyalty.ExpiryMode;
import com.tierpilot.loyalty.LoyaltyRules;
import com.tierpilot.loyalty.LoyaltyRules.Multiplier;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The programme's earn rules: on or off, points per currency unit, the date orders start to earn, the birthday
 * bonus, expiry, and multipliers per category or channel (rows added and removed in place). One binder for the
 * fields; fires a {@link SaveEvent}.
 */
class LoyaltyRulesForm extends VerticalLayout {

    final Checkbox enabled = new Checkbox();
    final BigDecimalField rate = new BigDecimalField();
    final DatePicker earnFrom = new DatePicker();
    final IntegerField birthdayBonus = new IntegerField();
    final Select<ExpiryMode> expiry = new Select<>();
    final IntegerField months = new IntegerField();
    private final VerticalLayout multiplierRows = new VerticalLayout();
    private final List<MultiplierRow> rows = new ArrayList<>();
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final int version;

    LoyaltyRulesForm(LoyaltyRules rules, LocalDate today) {
        this.version = rules.version();
        setPadding(false);
        enabled.setLabel(getTranslation("loyalty.program.enabled"));
        enabled.setId("program-enabled");
        rate.setLabel(getTranslation("loyalty.program.rate"));
        rate.setId("program-rate");
        earnFrom.setLabel(getTranslation("loyalty.program.earnFrom"));
        earnFrom.setHelperText(getTranslation("loyalty.program.earnFrom.helper"));
        earnFrom.setId("program-earn-from");
        birthdayBonus.setLabel(getTranslation("loyalty.program.birthdayBonus"));
        birthdayBonus.setMin(0);
        expiry.setLabel(getTranslation("loyalty.program.expiry"));
        expiry.setItems(ExpiryMode.values());
        expiry.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        months.setLabel(getTranslation("loyalty.program.months"));
        months.setMin(1);
        months.setMax(120);
        binder.forField(enabled).bind(d -> d.enabled, (d, v) -> d.enabled = v);
        binder.forField(rate).asRequired(getTranslation("validation.required"))
                .withValidator(r -> r.signum() >= 0 && r.compareTo(BigDecimal.valueOf(1000)) <= 0,
                        getTranslation("loyalty.program.error.rate"))
                .bind(d -> d.rate, (d, v) -> d.rate = v);
        binder.forField(earnFrom).withValidator(d -> d != null || !enabled.getValue(),
                getTranslation("loyalty.program.error.earnFrom")).bind(d -> d.earnFrom, (d, v) -> d.earnFrom = v);
        binder.forField(birthdayBonus).withValidator(b -> b == null || b >= 0,
                getTranslation("loyalty.program.error.bonus")).bind(d -> d.birthdayBonus, (d, v) -> d.birthdayBonus = v);
        binder.forField(expiry).asRequired(getTranslation("validation.required"))
                .bind(d -> d.expiry, (d, v) -> d.expiry = v);
        binder.forField(months).withValidator(m -> expiry.getValue() != ExpiryMode.ROLLING || m != null && m >= 1
                && m <= 120, getTranslation("loyalty.program.error.months")).bind(d -> d.months, (d, v) -> d.months = v);
        Draft draft = new Draft();
        draft.enabled = rules.enabled();
        draft.rate = rules.pointsPerUnit();
        draft.earnFrom = rules.earnFrom() == null ? today : rules.earnFrom();
        draft.birthdayBonus = rules.birthdayBonus();
        draft.expiry = rules.expiryMode();
        draft.months = rules.expiryMonths();
        binder.setBean(draft);
        months.setVisible(draft.expiry == ExpiryMode.ROLLING);
        expiry.addValueChangeListener(e -> months.setVisible(e.getValue() == ExpiryMode.ROLLING));
        var fields = new FormLayout(enabled, rate, earnFrom, birthdayBonus, expiry, months);
        multiplierRows.setPadding(false);
        rules.multipliers().forEach(this::addRow);
        var add = new Button(getTranslation("loyalty.program.addMultiplier"), e -> addRow(null));
        add.setId("program-add-multiplier");
        add(fields, new com.vaadin.flow.component.html.H4(getTranslation("loyalty.program.multipliers")),
                multiplierRows, add);
    }

    private void addRow(@Nullable Multiplier m) {
        var row = new MultiplierRow(m);
        rows.add(row);
        multiplierRows.add(row);
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        boolean rowsOk = rows.stream().allMatch(MultiplierRow::valid);
        if (binder.validate().isOk() && rowsOk) {
            Draft d = binder.getBean();
            fireEvent(new SaveEvent(this, new LoyaltyRules(d.enabled, d.rate,
                    d.birthdayBonus == null ? 0 : d.birthdayBonus, d.expiry,
                    d.expiry == ExpiryMode.ROLLING ? d.months : null, d.earnFrom,
                    rows.stream().map(MultiplierRow::multiplier).toList(), version)));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<LoyaltyRulesForm> {
        private final LoyaltyRules rules;

        SaveEvent(LoyaltyRulesForm source, LoyaltyRules rules) {
            super(source, false);
            this.rules = rules;
        }

        LoyaltyRules rules() {
            return rules;
        }
    }

    /** One multiplier: category or channel, its value, and the factor. */
    private final class MultiplierRow extends HorizontalLayout {
        final Select<Multiplier.Kind> kind = new Select<>();
        final TextField value = new TextField();
        final BigDecimalField factor = new BigDecimalField();

        MultiplierRow(@Nullable Multiplier m) {
            kind.setItems(Multiplier.Kind.values());
            kind.setItemLabelGenerator(k -> getTranslation("loyalty.program.kind." + k.name()));
            kind.setValue(m == null ? Multiplier.Kind.CATEGORY : m.kind());
            value.setPlaceholder(getTranslation("loyalty.program.value"));
            value.setMaxLength(100);
            value.setValue(m == null ? "" : m.value());
            factor.setPlaceholder("×");
            factor.setValue(m == null ? new BigDecimal("2") : m.factor());
            var remove = new Button(getTranslation("loyalty.program.remove"), e -> {
                rows.remove(this);
                multiplierRows.remove(this);
            });
            setAlignItems(Alignment.BASELINE);
            add(kind, value, factor, remove);
        }

        boolean valid() {
            boolean ok = !value.getValue().isBlank() && factor.getValue() != null && factor.getValue().signum() > 0
                    && factor.getValue().compareTo(BigDecimal.valueOf(100)) <= 0;
            value.setInvalid(value.getValue().isBlank());
            factor.setInvalid(!ok && !value.getValue().isBlank());
            if (!ok) {
                factor.setErrorMessage(getTranslation("loyalty.program.error.multiplier"));
            }
            return ok;
        }

        Multiplier multiplier() {
            return new Multiplier(kind.getValue(), value.getValue().strip(), factor.getValue());
        }
    }

    /** The form's bean. */
    static final class Draft {
        boolean enabled;
        BigDecimal rate = BigDecimal.ONE;
        @Nullable LocalDate earnFrom;
        @Nullable Integer birthdayBonus;
        ExpiryMode expiry = ExpiryMode.NONE;
        @Nullable Integer months;
    }
}
