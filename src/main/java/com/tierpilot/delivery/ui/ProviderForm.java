package com.tierpilot.delivery.ui;

import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderDraft;
import com.tierpilot.delivery.ProviderSettings;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One provider's account: key id, secret (never filled in: a blank secret keeps the stored one, shown masked in the
 * helper text), sign name, Tencent's SmsSdkAppId, region. One binder, a save event.
 */
class ProviderForm extends FormLayout {

    private final Provider provider;
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft = new Draft();
    private final PasswordField secret;

    ProviderForm(Provider provider, @Nullable ProviderSettings stored) {
        this.provider = provider;
        String id = "delivery-" + provider.name().toLowerCase(Locale.ROOT).replace('_', '-');
        setId(id);
        var keyId = new TextField(getTranslation("delivery.provider.keyId." + provider.name()));
        keyId.setId(id + "-key-id");
        secret = new PasswordField(getTranslation("delivery.provider.secret." + provider.name()));
        secret.setId(id + "-secret");
        secret.setRevealButtonVisible(false);
        var signName = new TextField(getTranslation("delivery.provider.signName"));
        signName.setId(id + "-sign-name");
        signName.setHelperText(getTranslation("delivery.provider.signNameHelp"));
        var appId = new TextField(getTranslation("delivery.provider.appId"));
        appId.setId(id + "-app-id");
        var region = new TextField(getTranslation("delivery.provider.region"));
        region.setId(id + "-region");
        region.setPlaceholder(provider == Provider.TENCENT_SMS ? "ap-guangzhou" : "cn-hangzhou");

        String required = getTranslation("validation.required");
        binder.forField(keyId).asRequired(required).bind(d -> d.keyId, (d, v) -> d.keyId = v);
        binder.forField(secret).bind(d -> d.secret, (d, v) -> d.secret = v);
        binder.forField(signName).asRequired(required).bind(d -> d.signName, (d, v) -> d.signName = v);
        binder.forField(appId).bind(d -> d.appId, (d, v) -> d.appId = v);
        binder.forField(region).bind(d -> d.region, (d, v) -> d.region = v);
        show(stored);
        binder.setBean(draft);

        var save = new Button(getTranslation("delivery.provider.save"), click -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, new ProviderDraft(provider, draft.keyId, draft.secret, draft.signName,
                        draft.appId, draft.region)));
            }
        });
        save.setId(id + "-save");
        add(keyId, secret, signName);
        if (provider == Provider.TENCENT_SMS) {
            add(appId);
        }
        add(region, save);
        setMaxWidth("48rem");
    }

    /** Shows what is stored; the secret field stays empty, with the masked secret as its helper text. */
    void show(@Nullable ProviderSettings stored) {
        if (stored != null) {
            draft.keyId = stored.accessKeyId();
            draft.signName = stored.signName();
            draft.appId = stored.appId() == null ? "" : stored.appId();
            draft.region = stored.region();
            secret.setHelperText(getTranslation("delivery.provider.secretStored", stored.maskedSecret()));
        } else {
            secret.setHelperText(getTranslation("delivery.provider.secretNone"));
        }
        draft.secret = "";
        binder.readBean(draft);
        binder.setBean(draft);
    }

    Provider provider() {
        return provider;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<ProviderForm> {
        final ProviderDraft draft;

        SaveEvent(ProviderForm source, ProviderDraft draft) {
            super(source, false);
            this.draft = draft;
        }
    }

    static final class Draft {
        String keyId = "";
        String secret = "";
        String signName = "";
        String appId = "";
        String region = "";
    }
}
