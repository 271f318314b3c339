package com.tierpilot.segmentation.ui.rules;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RulePreview;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.text.NumberFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The editor of one rule segment, in a dialog: its name and its rule tree, with a live preview of how many customers
 * the rule matches in the current run. The preview follows typing after a short pause, runs at most once per round
 * trip, and not at all when the rule has not changed.
 */
public class RuleEditor extends Dialog {

    /** Saves the edited segment; a {@link UserFacingException} keeps the dialog open and is shown. */
    @FunctionalInterface
    interface SaveHandler {
        void save(String name, RuleNode rule);
    }

    /** The edited name, for the binder. */
    static final class Draft {
        private String name = "";

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }
    }

    private final RuleSegmentService rules;
    private final TenantId tenant;
    private final GroupEditor root;
    private final Binder<Draft> binder = new Binder<>();
    private final Draft draft = new Draft();
    private final TextField name = new TextField();
    private final Paragraph preview = new Paragraph();
    private boolean previewPending;
    private @Nullable RuleNode previewed;
    private int previewCalls;

    RuleEditor(RuleSegmentService rules, TenantId tenant, EditorSupport.Builder support, String title, String initialName,
            RuleNode initialRule, SaveHandler onSave) {
        this.rules = rules;
        this.tenant = tenant;
        setHeaderTitle(title);
        setWidth("min(64rem, 95vw)");
        addClassName("rule-editor");

        name.setId("rule-name");
        name.setLabel(getTranslation("rule.editor.name"));
        name.setMaxLength(120);
        name.setWidthFull();
        name.setValueChangeMode(ValueChangeMode.LAZY);
        binder.forField(name).asRequired(getTranslation("rule.error.name"))
                .withValidator(new StringLengthValidator(getTranslation("rule.error.name"), 1, 120))
                .bind(Draft::getName, Draft::setName);
        draft.setName(initialName);
        binder.setBean(draft);

        RuleNode.Group group = initialRule instanceof RuleNode.Group g ? g
                : new RuleNode.Group(RuleNode.Logic.AND, java.util.List.of(initialRule));
        root = new GroupEditor(support.build(this::changed), group, 0, null);

        preview.setId("rule-preview");
        preview.addClassName("rule-preview");

        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.validate().isOk()) {
                if (!root.complete()) {
                    Notifications.error(getTranslation("rule.error.value"));
                    return;
                }
                try {
                    onSave.save(draft.getName().strip(), root.group());
                    close();
                } catch (UserFacingException e) {
                    Notifications.error(this, e);
                }
            }
        });
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("rule-cancel");
        getFooter().add(cancel, save);
        add(name, root, preview);
        changed();
    }

    GroupEditor root() {
        return root;
    }

    TextField nameField() {
        return name;
    }

    Paragraph previewText() {
        return preview;
    }

    /** How many times the preview asked the service, for tests of the debouncing. */
    int previewCalls() {
        return previewCalls;
    }

    /** Asks for a preview once, just before the answer to this round trip goes to the browser. */
    private void changed() {
        if (previewPending) {
            return;
        }
        previewPending = true;
        UI ui = UI.getCurrent();
        if (ui == null) {
            refreshPreview();
            return;
        }
        ui.beforeClientResponse(this, context -> refreshPreview());
    }

    private void refreshPreview() {
        previewPending = false;
        if (!root.complete()) {
            previewed = null;
            preview.setText(getTranslation("rule.preview.incomplete"));
            return;
        }
        RuleNode rule = root.group();
        if (rule.equals(previewed)) {
            return;
        }
        previewed = rule;
        previewCalls++;
        try {
            Optional<RulePreview> result = rules.preview(tenant, rule);
            preview.setText(result.map(this::describe).orElseGet(() -> getTranslation("rule.preview.noRun")));
        } catch (UserFacingException e) {
            preview.setText(getTranslation("rule.preview.invalid", getTranslation(e.messageKey(), e.args())));
        }
    }

    private String describe(RulePreview result) {
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        double share = result.totalCustomers() == 0 ? 0 : (double) result.customers() / result.totalCustomers();
        return getTranslation("rule.preview.result", Formats.count(result.customers(), getLocale()),
                percent.format(share), percent.format(result.revenueShare()));
    }
}
