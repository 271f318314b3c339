package com.tierpilot.segmentation.ui.rules;

import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** One condition of a rule: a field, an operator that fits the field's type, and value editors for that type. */
class ConditionRow extends HorizontalLayout {

    /** How long typing pauses before the preview follows, in milliseconds. */
    static final int TYPING_PAUSE = 400;

    /** The operators in the order the editor offers them: the usual ones first, "is empty" last. */
    private static final List<RuleOperator> SHOWN_ORDER = List.of(RuleOperator.EQUALS, RuleOperator.NOT_EQUALS,
            RuleOperator.LESS, RuleOperator.LESS_OR_EQUAL, RuleOperator.GREATER, RuleOperator.GREATER_OR_EQUAL,
            RuleOperator.WITHIN_LAST_DAYS, RuleOperator.BEFORE, RuleOperator.AFTER, RuleOperator.BETWEEN,
            RuleOperator.IN, RuleOperator.NOT_IN, RuleOperator.CONTAINS, RuleOperator.CONTAINS_ANY,
            RuleOperator.CONTAINS_ALL, RuleOperator.CONTAINS_NONE, RuleOperator.IS_TRUE, RuleOperator.IS_FALSE,
            RuleOperator.IS_EMPTY, RuleOperator.IS_NOT_EMPTY);

    private final EditorSupport support;
    private final Select<RuleField> field = new Select<>();
    private final Select<RuleOperator> operator = new Select<>();
    private final ComboBox<String> attribute = new ComboBox<>();
    private final HorizontalLayout valueBox = new HorizontalLayout();
    private Supplier<List<String>> values = List::of;

    ConditionRow(EditorSupport support, RuleNode.Condition initial, Runnable remove) {
        this.support = support;
        addClassName("rule-condition");
        setAlignItems(Alignment.BASELINE);
        valueBox.setPadding(false);
        valueBox.setSpacing(true);

        field.setAriaLabel(getTranslation("rule.editor.field"));
        field.setItems(RuleField.values());
        field.setItemLabelGenerator(support.texts()::field);
        field.setValue(initial.field());
        field.addClassName("rule-field");

        attribute.setItems(support.knownAttributes());
        attribute.setAllowCustomValue(true);
        attribute.addCustomValueSetListener(e -> attribute.setValue(e.getDetail()));
        attribute.setPlaceholder(getTranslation("rule.editor.attributeName"));
        attribute.addClassName("rule-attribute");
        if (initial.attribute() != null) {
            attribute.setValue(initial.attribute());
        }
        attribute.addValueChangeListener(e -> support.changed());

        operator.setItemLabelGenerator(support.texts()::operator);
        operator.addClassName("rule-operator");
        showOperators(initial.field(), initial.operator());
        showValues(initial.values());

        field.addValueChangeListener(e -> {
            if (e.getValue() != null && !Objects.equals(e.getValue(), e.getOldValue())) {
                showOperators(e.getValue(), null);
                showValues(List.of());
                support.changed();
            }
        });
        operator.addValueChangeListener(e -> {
            if (e.getValue() != null && !Objects.equals(e.getValue(), e.getOldValue())) {
                List<String> kept = e.getValue() != null && sameShape(e.getOldValue(), e.getValue())
                        ? values.get() : List.of();
                showValues(kept);
                support.changed();
            }
        });

        var delete = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> remove.run());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        delete.setAriaLabel(getTranslation("rule.editor.removeCondition"));
        delete.setTooltipText(getTranslation("rule.editor.removeCondition"));
        delete.addClassName("rule-remove-condition");
        delete.setVisible(support.editable());
        field.setReadOnly(!support.editable());
        operator.setReadOnly(!support.editable());
        attribute.setReadOnly(!support.editable());
        add(field, attribute, operator, valueBox, delete);
    }

    Select<RuleField> fieldSelect() {
        return field;
    }

    Select<RuleOperator> operatorSelect() {
        return operator;
    }

    ComboBox<String> attributeSelect() {
        return attribute;
    }

    /** The value editors currently shown. */
    List<Component> valueEditors() {
        return valueBox.getChildren().toList();
    }

    /** The condition as it stands, even when incomplete. */
    RuleNode.Condition condition() {
        RuleField f = Objects.requireNonNull(field.getValue());
        String attr = f == RuleField.ATTRIBUTE ? attribute.getValue() : null;
        return new RuleNode.Condition(f, Objects.requireNonNull(operator.getValue()), values.get(),
                attr == null || attr.isBlank() ? null : attr.strip());
    }

    /** Whether every value the operator needs is given. */
    boolean complete() {
        RuleNode.Condition c = condition();
        if (c.field() == RuleField.ATTRIBUTE && c.attribute() == null) {
            return false;
        }
        int needed = needed(c.operator());
        return needed < 0 ? !c.values().isEmpty() : c.values().size() == needed;
    }

    /** How many values an operator takes: -1 for one or more. */
    private static int needed(RuleOperator op) {
        return switch (op) {
            case IS_EMPTY, IS_NOT_EMPTY, IS_TRUE, IS_FALSE -> 0;
            case BETWEEN -> 2;
            case IN, NOT_IN, CONTAINS_ANY, CONTAINS_ALL, CONTAINS_NONE -> -1;
            default -> 1;
        };
    }

    private static boolean sameShape(@Nullable RuleOperator a, RuleOperator b) {
        return a != null && needed(a) == needed(b) && a != RuleOperator.WITHIN_LAST_DAYS
                && b != RuleOperator.WITHIN_LAST_DAYS;
    }

    private void showOperators(RuleField f, @Nullable RuleOperator wanted) {
        attribute.setVisible(f == RuleField.ATTRIBUTE);
        List<RuleOperator> fitting = SHOWN_ORDER.stream().filter(f.type().operators()::contains).toList();
        operator.setItems(fitting);
        operator.setValue(wanted != null && fitting.contains(wanted) ? wanted : fitting.getFirst());
    }

    private void showValues(List<String> initial) {
        valueBox.removeAll();
        RuleField f = Objects.requireNonNull(field.getValue());
        RuleOperator op = Objects.requireNonNull(operator.getValue());
        int needed = needed(op);
        if (needed == 0) {
            values = List::of;
            return;
        }
        if (op == RuleOperator.WITHIN_LAST_DAYS) {
            var days = new IntegerField();
            days.setMin(1);
            days.setStepButtonsVisible(true);
            days.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("rule.editor.days")));
            single(days, initial, s -> Integer.valueOf(s.strip()), String::valueOf);
            return;
        }
        if (needed < 0 || f.type() == RuleField.Type.CHOICE) {
            multi(f, initial);
            return;
        }
        switch (f.type()) {
            case NUMBER -> {
                if (needed == 2) {
                    pair(BigDecimalField::new, initial, BigDecimal::new, BigDecimal::toPlainString);
                } else {
                    single(new BigDecimalField(), initial, BigDecimal::new, BigDecimal::toPlainString);
                }
            }
            case DATE -> {
                if (needed == 2) {
                    pair(DatePicker::new, initial, LocalDate::parse, LocalDate::toString);
                } else {
                    single(new DatePicker(), initial, LocalDate::parse, LocalDate::toString);
                }
            }
            default -> {
                var text = new TextField();
                single(text, initial, s -> s, String::strip);
            }
        }
    }

    private <T> void single(AbstractField<?, T> editor, List<String> initial,
            java.util.function.Function<String, T> parse, java.util.function.Function<T, String> format) {
        prepare(editor);
        editor.setValue(parsed(initial, 0, parse, editor.getEmptyValue()));
        editor.addValueChangeListener(e -> support.changed());
        valueBox.add(editor);
        values = () -> {
            T v = editor.getValue();
            String text = v == null ? "" : format.apply(v);
            return text.isBlank() ? List.of() : List.of(text);
        };
    }

    private <T> void pair(Supplier<? extends AbstractField<?, T>> make, List<String> initial,
            java.util.function.Function<String, T> parse, java.util.function.Function<T, String> format) {
        AbstractField<?, T> from = make.get();
        AbstractField<?, T> to = make.get();
        for (var editor : List.of(from, to)) {
            prepare(editor);
            editor.addValueChangeListener(e -> support.changed());
        }
        from.setValue(parsed(initial, 0, parse, from.getEmptyValue()));
        to.setValue(parsed(initial, 1, parse, to.getEmptyValue()));
        valueBox.add(from, new com.vaadin.flow.component.html.Span(getTranslation("rule.editor.and")), to);
        values = () -> {
            T a = from.getValue();
            T b = to.getValue();
            return a == null || b == null ? List.of() : List.of(format.apply(a), format.apply(b));
        };
    }

    private void multi(RuleField f, List<String> initial) {
        var select = new MultiSelectComboBox<String>();
        prepare(select);
        Map<String, String> choices = support.texts().choices(f);
        Collection<String> items;
        if (!choices.isEmpty()) {
            items = choices.keySet();
            select.setItemLabelGenerator(v -> choices.getOrDefault(v, v));
        } else {
            Set<String> known = new LinkedHashSet<>(f == RuleField.TAGS ? support.knownTags() : List.of());
            known.addAll(initial);
            items = new ArrayList<>(known);
            select.setAllowCustomValue(true);
        }
        List<String> all = new ArrayList<>(items);
        initial.stream().filter(v -> !all.contains(v)).forEach(all::add);
        select.setItems(all);
        select.addCustomValueSetListener(e -> {
            String value = e.getDetail().strip();
            if (!value.isEmpty()) {
                if (!all.contains(value)) {
                    all.add(value);
                    select.setItems(all);
                }
                Set<String> chosen = new LinkedHashSet<>(select.getValue());
                chosen.add(value);
                select.setValue(chosen);
            }
        });
        select.setValue(new LinkedHashSet<>(initial));
        select.addValueChangeListener(e -> support.changed());
        select.setMinWidth("14em");
        valueBox.add(select);
        values = () -> all.stream().filter(select.getValue()::contains).toList();
    }

    private void prepare(HasValue<?, ?> editor) {
        editor.setReadOnly(!support.editable());
        if (editor instanceof Component component) {
            component.addClassName("rule-value");
        }
        if (editor instanceof TextField text) {
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setValueChangeTimeout(TYPING_PAUSE);
        }
        if (editor instanceof BigDecimalField number) {
            number.setValueChangeMode(ValueChangeMode.LAZY);
            number.setValueChangeTimeout(TYPING_PAUSE);
        }
        if (editor instanceof IntegerField number) {
            number.setValueChangeMode(ValueChangeMode.LAZY);
            number.setValueChangeTimeout(TYPING_PAUSE);
        }
    }

    private static <T> T parsed(List<String> values, int index, java.util.function.Function<String, T> parse,
            T empty) {
        if (values.size() <= index) {
            return empty;
        }
        try {
            return parse.apply(values.get(index));
        } catch (RuntimeException e) {
            return empty;
        }
    }
}
