package com.tierpilot.tenant.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.TenantProfile;
import com.tierpilot.tenant.TenantService;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;

/**
 * The owner's tenant settings: company name, time zone (it drives the nightly run), currency; and the API tokens of
 * the REST API.
 */
@Route("settings")
@PageTitle("nav.settings")
@Menu(order = 100, icon = "vaadin:cog", title = "nav.settings")
@RolesAllowed(Role.OWNER_NAME)
public class SettingsView extends VerticalLayout {

    SettingsView(TenantService tenants, ApiTokenService apiTokens, TeamDirectoryService team, CurrentUser currentUser) {
        TierPilotUser me = currentUser.require();
        var form = new TenantSettingsForm(tenants.profile(me.tenantId()));
        form.addSaveListener(save -> {
            try {
                tenants.updateSettings(me.tenantId(), save.name, save.zone, save.currency);
                Notifications.success(getTranslation("settings.saved"));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        add(new H2(getTranslation("settings.company")), form, new ApiTokensPanel(apiTokens, me,
                team.activeUsers(me.tenantId())));
    }

    /** Name, zone and currency of the tenant, with one binder; fires a save event. */
    static final class TenantSettingsForm extends FormLayout {

        private final Binder<Draft> binder = new Binder<>(Draft.class);

        TenantSettingsForm(TenantProfile profile) {
            var name = new TextField(getTranslation("signup.companyName"));
            name.setId("settings-name");
            var zone = new ComboBox<ZoneId>(getTranslation("signup.timeZone"));
            zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
            zone.setItemLabelGenerator(ZoneId::getId);
            var currency = new ComboBox<Currency>(getTranslation("signup.currency"));
            currency.setItems(Currency.getAvailableCurrencies().stream()
                    .sorted(Comparator.comparing(Currency::getCurrencyCode)).toList());
            currency.setItemLabelGenerator(Currency::getCurrencyCode);
            String required = getTranslation("validation.required");
            binder.forField(name).asRequired(required).bind(d -> d.name, (d, v) -> d.name = v);
            binder.forField(zone).asRequired(required).bind(d -> d.zone, (d, v) -> d.zone = v);
            binder.forField(currency).asRequired(required).bind(d -> d.currency, (d, v) -> d.currency = v);
            var draft = new Draft();
            draft.name = profile.name();
            draft.zone = profile.timeZone();
            draft.currency = Currency.getInstance(profile.currency());
            binder.setBean(draft);
            var save = new Button(getTranslation("action.save"), click -> {
                if (binder.validate().isOk()) {
                    fireEvent(new SaveEvent(this, draft.name, draft.zone, draft.currency));
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("settings-save");
            add(name, zone, currency, save);
            setMaxWidth("40rem");
        }

        com.vaadin.flow.shared.Registration addSaveListener(
                com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
            return addListener(SaveEvent.class, listener);
        }

        static final class SaveEvent extends ComponentEvent<TenantSettingsForm> {
            final String name;
            final ZoneId zone;
            final Currency currency;

            SaveEvent(TenantSettingsForm source, String name, ZoneId zone, Currency currency) {
                super(source, false);
                this.name = name;
                this.zone = zone;
                this.currency = currency;
            }
        }

        static final class Draft {
            String name = "";
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Currency currency = Currency.getInstance("CNY");
        }
    }
}
