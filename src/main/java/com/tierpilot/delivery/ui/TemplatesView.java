package com.tierpilot.delivery.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.MessageTemplate;
import com.tierpilot.delivery.MessageTemplateService;
import com.tierpilot.delivery.SendResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The company's message templates: the list, the form (a text per language), a preview with a real customer's data
 * (the customer's language, or the one chosen) and "send to me" through the same adapter a campaign uses.
 */
@Route("campaigns/templates")
@PageTitle("nav.messageTemplates")
@Menu(order = 40.7, icon = "vaadin:envelopes-o", title = "nav.messageTemplates")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class TemplatesView extends VerticalLayout {

    private final MessageTemplateService templates;
    private final TierPilotUser me;
    private final Grid<MessageTemplate> grid = new Grid<>();
    private final TemplateForm form = new TemplateForm();
    private final VerticalLayout tryOut = new VerticalLayout();
    private final Paragraph empty = new Paragraph();
    private final Button emptyAction = new Button();
    private @Nullable MessageTemplate selected;

    TemplatesView(MessageTemplateService templates, CurrentUser currentUser) {
        this.templates = templates;
        this.me = currentUser.require();
        setSizeFull();
        grid.setId("templates-grid");
        grid.addColumn(MessageTemplate::name).setHeader(getTranslation("templates.name")).setFlexGrow(1);
        grid.addColumn(t -> getTranslation("consent.channel." + t.channel()))
                .setHeader(getTranslation("templates.channel")).setAutoWidth(true);
        grid.addColumn(t -> t.texts().keySet().stream().sorted().map(l -> getTranslation("templates.language." + l))
                .collect(Collectors.joining(getTranslation("templates.languageSeparator"))))
                .setHeader(getTranslation("templates.languages")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        empty.setId("templates-empty");
        empty.setText(getTranslation("templates.empty"));
        emptyAction.setText(getTranslation("templates.new"));
        emptyAction.setId("templates-new");
        emptyAction.addClickListener(e -> {
            grid.asSingleSelect().clear();
            select(null);
        });
        form.setId("template-form");
        form.addSaveListener(e -> {
            try {
                long id = templates.save(me.tenantId(), e.draft.id, e.draft.name, e.draft.channel, e.draft.texts());
                Notifications.success(getTranslation("templates.saved", e.draft.name));
                refresh();
                templates.all(me.tenantId()).stream().filter(t -> t.id() == id).findFirst()
                        .ifPresent(grid.asSingleSelect()::setValue);
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        tryOut.setPadding(false);
        add(new H2(getTranslation("nav.messageTemplates")), new HorizontalLayout(empty, emptyAction), grid,
                new H3(getTranslation("templates.edit")), form, tryOut);
        refresh();
        select(null);
    }

    private void refresh() {
        List<MessageTemplate> all = templates.all(me.tenantId());
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }

    private void select(@Nullable MessageTemplate template) {
        selected = template;
        form.edit(template);
        tryOut.removeAll();
        if (template != null) {
            tryOut.add(tryOut(template));
        }
    }

    /** Preview with a real customer, and send to me. */
    private VerticalLayout tryOut(MessageTemplate template) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(getTranslation("templates.tryOut")));
        var customer = new TextField(getTranslation("templates.customerCode"));
        customer.setId("template-preview-customer");
        customer.setHelperText(getTranslation("templates.customerCodeHelp"));
        var language = new ComboBox<String>(getTranslation("templates.previewLanguage"));
        language.setId("template-preview-language");
        language.setItems(MessageTemplate.CHINESE, MessageTemplate.ENGLISH);
        language.setItemLabelGenerator(l -> getTranslation("templates.language." + l));
        language.setPlaceholder(getTranslation("templates.customersLanguage"));
        language.setClearButtonVisible(true);
        var result = new VerticalLayout();
        result.setPadding(false);
        result.setId("template-preview");
        var preview = new Button(getTranslation("templates.preview"), click -> {
            result.removeAll();
            try {
                var p = templates.preview(me.tenantId(), template.id(), customer.getValue(), language.getValue());
                if (p.subject() != null) {
                    var subject = new Paragraph(getTranslation("templates.previewSubject", p.subject()));
                    subject.setId("template-preview-subject");
                    result.add(subject);
                }
                if (p.html() != null) {
                    var frame = new IFrame();
                    frame.setSrcdoc(p.html());
                    frame.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
                    frame.setWidth("100%");
                    frame.setHeight("12em");
                    frame.setId("template-preview-html");
                    result.add(frame);
                }
                var text = new Pre(p.text());
                text.setId("template-preview-text");
                result.add(text);
                if (template.channel() == ChannelKind.SMS) {
                    var parts = new Paragraph(getTranslation("templates.smsLength", p.smsCharacters(), p.smsParts()));
                    parts.setId("template-preview-parts");
                    result.add(parts);
                }
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        preview.setId("template-preview-button");
        var address = new TextField(getTranslation(template.channel() == ChannelKind.EMAIL
                ? "templates.myEmail" : "templates.myPhone"));
        address.setId("template-send-address");
        if (template.channel() == ChannelKind.EMAIL) {
            address.setValue(me.email());
        }
        var sendToMe = new Button(getTranslation("templates.sendToMe"), click -> {
            try {
                SendResult r = templates.sendToMe(me.tenantId(), template.id(), customer.getValue(),
                        address.getValue());
                if (r.accepted()) {
                    Notifications.success(getTranslation("templates.sent", address.getValue()));
                } else {
                    Notifications.error(this, new UserFacingException("templates.notSent",
                            r.code() == null ? "" : r.code(), r.detail() == null ? "" : r.detail()));
                }
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        sendToMe.setId("template-send-to-me");
        var previewRow = new HorizontalLayout(customer, language, preview);
        previewRow.setAlignItems(Alignment.BASELINE);
        previewRow.setWrap(true);
        var sendRow = new HorizontalLayout(address, sendToMe);
        sendRow.setAlignItems(Alignment.BASELINE);
        box.add(previewRow, result, sendRow);
        return box;
    }
}
