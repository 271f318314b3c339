package com.tierpilot.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What an empty screen or grid says (issue 17, item 5: "every empty screen says what to do next, with a button"): a
 * sentence in the viewer's language and one button that goes where the next step is done. Routes are given as
 * paths, so that a view can point into another module without depending on its views.
 */
public final class EmptyState extends Div {

    private final Button button;

    /**
     * @param id the element id; the button gets {@code id + "-action"}
     * @param textKey the message key of the sentence
     * @param buttonKey the message key of the button
     * @param route the path the button goes to
     */
    public EmptyState(Component context, String id, String textKey, String buttonKey, String route) {
        this(context, id, textKey, buttonKey, () -> context.getUI().ifPresent(ui -> ui.navigate(route)));
    }

    /** An empty state whose button does something on the same screen (for example adds a preset). */
    public EmptyState(Component context, String id, String textKey, String buttonKey, Runnable action) {
        setId(id);
        addClassName("empty-state");
        button = new Button(context.getTranslation(buttonKey), click -> action.run());
        button.setId(id + "-action");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(context.getTranslation(textKey)), button);
    }

    /** Shows this state in the grid when it has no rows. */
    public EmptyState in(Grid<?> grid) {
        grid.setEmptyStateComponent(this);
        return this;
    }

    public Button button() {
        return button;
    }
}
