package com.tierpilot.delivery.ui;

import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.MessageTemplate;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message template's name, channel and its Chinese and English texts (subject and HTML body for e-mail; body and
 * the provider's template code for SMS), with the merge fields listed; one binder, a save event.
 */
class TemplateForm extends FormLayout {

    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final RadioButtonGroup<ChannelKind> channel = new RadioButtonGroup<>();
    private final List<com.vaadin.flow.component.Component> emailOnly = new ArrayList<>();
    private final List<com.vaadin.flow.component.Component> smsOnly = new ArrayList<>();
    private Draft draft = new Draft();

    TemplateForm() {
        var name = new TextField(getTranslation("templates.name"));
        name.setId("template-name");
        name.setMaxLength(80);
        channel.setLabel(getTranslation("templates.channel"));
        channel.setId("template-channel");
        channel.setItems(ChannelKind.values());
        channel.setItemLabelGenerator(c -> getTranslation("consent.channel." + c));
        String required = getTranslation("validation.required");
        binder.forField(name).asRequired(required).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(channel).asRequired(required).bind(d -> d.channel, (d, v) -> d.channel = v);
        add(name, channel);
        language("zh", "templates.chinese");
        language("en", "templates.english");
        var fields = new com.vaadin.flow.component.html.Paragraph(getTranslation("templates.fields",
                "{{name}}, {{couponCode}}, {{couponValue}}, {{couponExpiry}}, {{segment}}, {{link}}"));
        setColspan(fields, 2);
        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveEvent(this, draft));
            }
        });
        save.setId("template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(fields, save);
        channel.addValueChangeListener(e -> showFor(e.getValue()));
        edit(null);
    }

    private void language(String suffix, String titleKey) {
        var title = new H4(getTranslation(titleKey));
        setColspan(title, 2);
        var subject = new TextField(getTranslation("templates.subject"));
        subject.setId("template-subject-" + suffix);
        subject.setMaxLength(200);
        var code = new TextField(getTranslation("templates.providerTemplate"));
        code.setId("template-code-" + suffix);
        code.setMaxLength(64);
        code.setHelperText(getTranslation("templates.providerTemplateHelp"));
        var body = new TextArea(getTranslation("templates.body"));
        body.setId("template-body-" + suffix);
        body.setMaxLength(4000);
        body.setMinHeight("8em");
        setColspan(body, 2);
        boolean zh = suffix.equals("zh");
        binder.forField(subject).bind(d -> zh ? d.subjectZh : d.subjectEn,
                (d, v) -> { if (zh) { d.subjectZh = v; } else { d.subjectEn = v; } });
        binder.forField(code).bind(d -> zh ? d.codeZh : d.codeEn,
                (d, v) -> { if (zh) { d.codeZh = v; } else { d.codeEn = v; } });
        binder.forField(body).bind(d -> zh ? d.bodyZh : d.bodyEn,
                (d, v) -> { if (zh) { d.bodyZh = v; } else { d.bodyEn = v; } });
        emailOnly.add(subject);
        smsOnly.add(code);
        add(title, subject, code, body);
    }

    private void showFor(@Nullable ChannelKind kind) {
        emailOnly.forEach(c -> c.setVisible(kind != ChannelKind.SMS));
        smsOnly.forEach(c -> c.setVisible(kind == ChannelKind.SMS));
    }

    /** Shows a template to change, or an empty form for a new one (null). */
    void edit(@Nullable MessageTemplate template) {
        draft = Draft.of(template);
        binder.readBean(draft);
        channel.setReadOnly(template != null);
        showFor(draft.channel);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<TemplateForm> {
        final Draft draft;

        SaveEvent(TemplateForm source, Draft draft) {
            super(source, false);
            this.draft = draft;
        }
    }

    /** What the form edits. */
    static final class Draft {
        @Nullable Long id;
        String name = "";
        ChannelKind channel = ChannelKind.EMAIL;
        String subjectZh = "";
        String bodyZh = "";
        String codeZh = "";
        String subjectEn = "";
        String bodyEn = "";
        String codeEn = "";

        static Draft of(@Nullable MessageTemplate t) {
            Draft d = new Draft();
            if (t == null) {
                return d;
            }
            d.id = t.id();
            d.name = t.name();
            d.channel = t.channel();
            MessageTemplate.Text zh = t.texts().get(MessageTemplate.CHINESE);
            MessageTemplate.Text en = t.texts().get(MessageTemplate.ENGLISH);
            if (zh != null) {
                d.subjectZh = zh.subject() == null ? "" : zh.subject();
                d.bodyZh = zh.body();
                d.codeZh = zh.providerTemplate() == null ? "" : zh.providerTemplate();
            }
            if (en != null) {
                d.subjectEn = en.subject() == null ? "" : en.subject();
                d.bodyEn = en.body();
                d.codeEn = en.providerTemplate() == null ? "" : en.providerTemplate();
            }
            return d;
        }

        List<MessageTemplate.Text> texts() {
            return List.of(new MessageTemplate.Text(MessageTemplate.CHINESE, subjectZh, bodyZh, codeZh),
                    new MessageTemplate.Text(MessageTemplate.ENGLISH, subjectEn, bodyEn, codeEn));
        }
    }
}
