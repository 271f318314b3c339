package com.tierpilot.segmentation.ui.rules;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentDefinition;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's rule segments, as the rule tab of the segmentation settings: name, key, whether active, and the rule
 * in words. Owners and marketers create, edit, switch off and delete them; everybody else only reads.
 */
public class RuleSegmentsPanel extends VerticalLayout {

    private final RuleSegmentService rules;
    private final TeamDirectoryService team;
    private final TierPilotUser me;
    private final boolean editable;
    private final Grid<RuleSegmentDefinition> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private RuleTexts texts;

    public RuleSegmentsPanel(RuleSegmentService rules, TeamDirectoryService team, TierPilotUser me) {
        this.rules = rules;
        this.team = team;
        this.me = me;
        this.editable = me.hasRole(Role.OWNER) || me.hasRole(Role.MARKETER);
        this.texts = new RuleTexts(this, managers());
        setPadding(false);
        setId("rule-segments");

        var intro = new Paragraph(getTranslation("rule.panel.intro"));
        var create = new Button(getTranslation("rule.panel.new"), VaadinIcon.PLUS.create(), click -> openNew());
        create.setId("rule-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(editable);

        grid.setId("rule-segments-grid");
        grid.addColumn(RuleSegmentDefinition::name).setHeader(getTranslation("rule.panel.name")).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(RuleSegmentDefinition::key).setHeader(getTranslation("rule.panel.key")).setAutoWidth(true);
        grid.addComponentColumn(this::activeToggle).setHeader(getTranslation("rule.panel.active")).setAutoWidth(true);
        grid.addComponentColumn(this::summary).setHeader(getTranslation("rule.panel.rule")).setFlexGrow(3);
        if (editable) {
            grid.addComponentColumn(this::actions).setHeader(getTranslation("rule.panel.actions")).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("rule.panel.empty"));
        empty.setId("rule-segments-empty");
        add(intro, create, grid, empty);
        refresh();
    }

    /** Shows the segments as they are stored now. */
    void refresh() {
        // A tenant has a few dozen rule segments at most; the list is small enough to show whole.
        List<RuleSegmentDefinition> all = rules.list(me.tenantId());
        grid.setItems(all);
        empty.setVisible(all.isEmpty());
    }

    private Map<String, String> managers() {
        Map<String, String> managers = new LinkedHashMap<>();
        for (UserSummary user : team.activeUsers(me.tenantId())) {
            managers.put(String.valueOf(user.userId().value()), user.displayName());
        }
        return managers;
    }

    private Component activeToggle(RuleSegmentDefinition segment) {
        var active = new Checkbox(segment.active());
        active.setId("rule-active-" + segment.key());
        active.setAriaLabel(getTranslation("rule.panel.active"));
        active.setReadOnly(!editable);
        active.addValueChangeListener(e -> {
            if (!e.isFromClient() && e.getValue() == segment.active()) {
                return;
            }
            save(() -> rules.update(me.tenantId(), me.userId(), segment.id(), segment.version(), segment.name(),
                    segment.rule(), e.getValue()));
            refresh();
        });
        return active;
    }

    private Component summary(RuleSegmentDefinition segment) {
        var text = new Span(texts.summary(segment.rule()));
        text.setTitle(texts.sentence(segment.rule()));
        text.addClassName("rule-summary");
        return text;
    }

    private Component actions(RuleSegmentDefinition segment) {
        var edit = new Button(getTranslation("rule.panel.edit"), VaadinIcon.EDIT.create(), click -> openEdit(segment));
        edit.setId("rule-edit-" + segment.key());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var delete = new Button(getTranslation("rule.panel.delete"), VaadinIcon.TRASH.create(),
                click -> confirmDelete(segment));
        delete.setId("rule-delete-" + segment.key());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        var buttons = new HorizontalLayout(edit, delete);
        buttons.setSpacing(false);
        return buttons;
    }

    private void openNew() {
        RuleNode start = new RuleNode.Group(RuleNode.Logic.AND,
                List.of(new RuleNode.Condition(RuleField.REGION, RuleOperator.EQUALS, List.of(), null)));
        editor(getTranslation("rule.editor.newTitle"), "", start, (name, rule) -> {
            rules.create(me.tenantId(), me.userId(), name, rule);
            Notifications.success(getTranslation("rule.panel.saved", name));
            refresh();
        }).open();
    }

    private void openEdit(RuleSegmentDefinition segment) {
        editor(getTranslation("rule.editor.editTitle", segment.name()), segment.name(), segment.rule(),
                (name, rule) -> {
                    try {
                        rules.update(me.tenantId(), me.userId(), segment.id(), segment.version(), name, rule,
                                segment.active());
                    } catch (UserFacingException e) {
                        throw translated(e);
                    }
                    Notifications.success(getTranslation("rule.panel.saved", name));
                    refresh();
                }).open();
    }

    RuleEditor editor(String title, String name, RuleNode rule, RuleEditor.SaveHandler onSave) {
        texts = new RuleTexts(this, managers());
        var support = new EditorSupport.Builder(texts, rules.knownTags(me.tenantId()),
                rules.knownAttributes(me.tenantId()), editable);
        return new RuleEditor(rules, me.tenantId(), support, title, name, rule, onSave);
    }

    private void confirmDelete(RuleSegmentDefinition segment) {
        var confirm = new ConfirmDialog(getTranslation("rule.delete.title"),
                getTranslation("rule.delete.text", segment.name()), getTranslation("rule.panel.delete"), yes -> {
                    save(() -> rules.delete(me.tenantId(), me.userId(), segment.id()));
                    refresh();
                });
        confirm.setId("rule-delete-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void save(Runnable change) {
        try {
            change.run();
        } catch (UserFacingException e) {
            Notifications.error(this, translated(e));
        }
    }

    /** A concurrent change of a rule segment says so in the rule segments' own words. */
    private static UserFacingException translated(UserFacingException e) {
        return "segmentation.error.concurrentChange".equals(e.messageKey())
                ? new UserFacingException("rule.error.concurrentChange") : e;
    }
}
