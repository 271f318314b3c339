package com.tierpilot.segmentation.ui.rules;

import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A group of a rule: "Customers who match all of / any of" its conditions and nested groups. */
class GroupEditor extends VerticalLayout {

    private final EditorSupport support;
    private final int depth;
    private final Select<RuleNode.Logic> logic = new Select<>();
    private final VerticalLayout children = new VerticalLayout();
    private final List<Component> parts = new ArrayList<>();
    private final Button addGroup;

    GroupEditor(EditorSupport support, RuleNode.Group initial, int depth, @Nullable Runnable remove) {
        this.support = support;
        this.depth = depth;
        addClassName("rule-group");
        setPadding(depth > 0);
        if (depth > 0) {
            getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)");
        }
        children.setPadding(false);
        children.setSpacing(false);

        logic.setItems(RuleNode.Logic.values());
        logic.setItemLabelGenerator(l -> getTranslation("rule.editor.logic." + l.name()));
        logic.setValue(initial.logic());
        logic.addClassName("rule-logic");
        logic.setReadOnly(!support.editable());
        logic.addValueChangeListener(e -> support.changed());
        var header = new HorizontalLayout(new Span(getTranslation("rule.editor.customersWho")), logic);
        header.setAlignItems(Alignment.BASELINE);

        var addCondition = new Button(getTranslation("rule.editor.addCondition"), VaadinIcon.PLUS.create(),
                click -> {
                    addCondition(new RuleNode.Condition(RuleField.REGION, RuleOperator.EQUALS, List.of(), null));
                    support.changed();
                });
        addCondition.addClassName("rule-add-condition");
        addGroup = new Button(getTranslation("rule.editor.addGroup"), VaadinIcon.PLUS_SQUARE_O.create(), click -> {
            addGroup(new RuleNode.Group(RuleNode.Logic.AND, List.of(
                    new RuleNode.Condition(RuleField.REGION, RuleOperator.EQUALS, List.of(), null))));
            support.changed();
        });
        addGroup.addClassName("rule-add-group");
        // A group's conditions sit one level below it, and must not pass the deepest level.
        addGroup.setEnabled(depth + 2 <= RuleSegmentService.MAX_DEPTH);
        if (!addGroup.isEnabled()) {
            addGroup.setTooltipText(getTranslation("rule.error.tooDeep", RuleSegmentService.MAX_DEPTH));
        }
        var actions = new HorizontalLayout(addCondition, addGroup);
        if (remove != null) {
            var removeGroup = new Button(getTranslation("rule.editor.removeGroup"), VaadinIcon.TRASH.create(),
                    click -> remove.run());
            removeGroup.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            removeGroup.addClassName("rule-remove-group");
            actions.add(removeGroup);
        }
        for (var button : actions.getChildren().toList()) {
            ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        actions.setVisible(support.editable());
        add(header, children, actions);
        for (RuleNode child : initial.children()) {
            switch (child) {
                case RuleNode.Group g -> addGroup(g);
                case RuleNode.Condition c -> addCondition(c);
            }
        }
    }

    Select<RuleNode.Logic> logicSelect() {
        return logic;
    }

    Button addGroupButton() {
        return addGroup;
    }

    int depth() {
        return depth;
    }

    List<Component> parts() {
        return List.copyOf(parts);
    }

    /** The group as it stands. */
    RuleNode.Group group() {
        List<RuleNode> nodes = new ArrayList<>();
        for (Component part : parts) {
            nodes.add(part instanceof GroupEditor g ? g.group() : ((ConditionRow) part).condition());
        }
        return new RuleNode.Group(Objects.requireNonNull(logic.getValue()), nodes);
    }

    /** Whether every condition in the group and below has the values it needs. */
    boolean complete() {
        return parts.stream().allMatch(p -> p instanceof GroupEditor g ? g.complete() : ((ConditionRow) p).complete());
    }

    private void addCondition(RuleNode.Condition condition) {
        ConditionRow[] row = new ConditionRow[1];
        row[0] = new ConditionRow(support, condition, () -> remove(row[0]));
        parts.add(row[0]);
        children.add(row[0]);
    }

    private void addGroup(RuleNode.Group group) {
        GroupEditor[] editor = new GroupEditor[1];
        editor[0] = new GroupEditor(support, group, depth + 1, () -> remove(editor[0]));
        parts.add(editor[0]);
        children.add(editor[0]);
    }

    private void remove(Component part) {
        parts.remove(part);
        children.remove(part);
        support.changed();
    }
}
