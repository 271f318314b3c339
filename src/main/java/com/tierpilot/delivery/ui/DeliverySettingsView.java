package com.tierpilot.delivery.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.delivery.DeliverySettingsService;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderSettings;
import com.tierpilot.delivery.SendResult;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The owner's delivery settings: the rules campaigns send by (quiet hours, weekly cap, SMS price per part, SMS
 * provider, unsubscribe phrase), the accounts at Alibaba Cloud SMS and Tencent Cloud SMS (secrets never shown again,
 * only masked), and a test message through either.
 */
@Route("settings/delivery")
@PageTitle("nav.deliverySettings")
@Menu(order = 101, icon = "vaadin:envelope-o", title = "nav.deliverySettings")
@RolesAllowed(Role.OWNER_NAME)
public class DeliverySettingsView extends VerticalLayout {

    private final DeliverySettingsService settings;
    private final TierPilotUser me;
    private final Paragraph testResult = new Paragraph();

    DeliverySettingsView(DeliverySettingsService settings, com.tierpilot.delivery.UnsubscribeService unsubscribes,
            CurrentUser currentUser, @org.springframework.beans.factory.annotation.Value("${tierpilot.public-url:}")
            String publicUrl) {
        this.settings = settings;
        this.me = currentUser.require();
        var rules = settings.rules(me.tenantId());
        var rulesForm = new RulesForm(rules);
        rulesForm.addSaveListener(save -> {
            try {
                settings.saveRules(me.tenantId(), save.rules);
                rulesForm.saved(settings.rules(me.tenantId()));
                Notifications.success(getTranslation("settings.saved"));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        add(new H2(getTranslation("delivery.rules.title")), rulesForm);

        Map<Provider, ProviderSettings> stored = settings.providers(me.tenantId()).stream()
                .collect(Collectors.toMap(ProviderSettings::provider, Function.identity()));
        for (Provider provider : List.of(Provider.ALIYUN_SMS, Provider.TENCENT_SMS)) {
            var form = new ProviderForm(provider, stored.get(provider));
            form.addSaveListener(save -> {
                try {
                    form.show(settings.saveProvider(me.tenantId(), save.draft));
                    Notifications.success(getTranslation("delivery.provider.saved"));
                } catch (UserFacingException e) {
                    Notifications.error(this, e);
                }
            });
            add(new H3(getTranslation(provider.labelKey())), form);
        }

        var test = new TestMessageForm(rules.smsProvider());
        test.addSendListener(send -> send(send.provider, send.message));
        testResult.setId("delivery-test-result");
        add(new H3(getTranslation("delivery.test.title")), test, testResult);
        add(new H3(getTranslation("delivery.replies.title")), replyHook(unsubscribes, publicUrl));
    }

    /**
     * The secret addresses at which the providers report customers' SMS replies and the messages' delivery (status
     * reports), with one token: made anew on request (the old one stops working) and shown once, as only its hash is
     * kept.
     */
    private VerticalLayout replyHook(com.tierpilot.delivery.UnsubscribeService unsubscribes, String publicUrl) {
        var box = new VerticalLayout();
        box.setPadding(false);
        var state = new Paragraph(unsubscribes.replyHookCreated(me.tenantId())
                .map(at -> getTranslation("delivery.replies.exists", com.tierpilot.base.ui.Formats.dateTime(at,
                        me.timeZone(), me.locale())))
                .orElse(getTranslation("delivery.replies.none")));
        state.setId("delivery-replies-state");
        var address = new com.vaadin.flow.component.textfield.TextField(getTranslation("delivery.replies.address"));
        address.setId("delivery-replies-address");
        address.setReadOnly(true);
        address.setWidthFull();
        address.setVisible(false);
        var reports = new com.vaadin.flow.component.textfield.TextField(getTranslation("delivery.replies.reports"));
        reports.setId("delivery-reports-address");
        reports.setReadOnly(true);
        reports.setWidthFull();
        reports.setVisible(false);
        var create = new com.vaadin.flow.component.button.Button(getTranslation("delivery.replies.create"), click -> {
            String base = publicUrl.isBlank() ? com.vaadin.flow.server.VaadinServletRequest.getCurrent()
                    .getHttpServletRequest().getRequestURL().toString().replaceFirst("(https?://[^/]+).*", "$1")
                    : publicUrl.replaceAll("/+$", "");
            String replies = unsubscribes.newReplyHook(me.tenantId());
            address.setValue(base + replies);
            address.setVisible(true);
            reports.setValue(base + replies.replace("/hooks/sms/replies/", "/hooks/sms/reports/"));
            reports.setVisible(true);
            state.setText(getTranslation("delivery.replies.shownOnce"));
        });
        create.setId("delivery-replies-create");
        box.add(new Paragraph(getTranslation("delivery.replies.help")), state, address, reports, create);
        box.setMaxWidth("48rem");
        return box;
    }

    private void send(Provider provider, com.tierpilot.delivery.SmsMessage message) {
        try {
            SendResult result = settings.sendTestSms(me.tenantId(), provider, message);
            String text = switch (result.outcome()) {
                case ACCEPTED -> getTranslation("delivery.test.accepted", result.providerMessageId());
                case TEMPORARY_FAILURE -> getTranslation("delivery.test.temporary", result.code(),
                        result.detail() == null ? "" : result.detail());
                case PERMANENT_FAILURE -> getTranslation("delivery.test.permanent", result.code(),
                        result.detail() == null ? "" : result.detail());
            };
            testResult.setText(text);
            if (result.accepted()) {
                Notifications.success(text);
            } else {
                Notifications.warning(text);
            }
        } catch (UserFacingException e) {
            testResult.setText(getTranslation(e.messageKey(), e.args()));
            Notifications.error(this, e);
        }
    }
}
