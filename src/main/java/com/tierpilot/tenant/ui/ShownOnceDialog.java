package com.tierpilot.tenant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a secret that exists only now (an invitation link, a new API token) in a read-only field with a copy button.
 * It closes only through its close button, so a stray click cannot lose the secret.
 */
final class ShownOnceDialog extends Dialog {

    ShownOnceDialog(String title, String explanation, String label, String secret, String fieldId) {
        setHeaderTitle(title);
        var field = new TextField(label);
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId(fieldId);
        var copy = new Button(getTranslation("action.copy"), VaadinIcon.COPY.create(),
                click -> click.getSource().getElement().executeJs("navigator.clipboard.writeText($0)", secret));
        add(new Paragraph(explanation), field);
        getFooter().add(copy, new Button(getTranslation("action.close"), click -> close()));
        setWidth("40rem");
        setCloseOnOutsideClick(false);
    }
}
