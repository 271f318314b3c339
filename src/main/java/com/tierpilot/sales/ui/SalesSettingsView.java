package com.tierpilot.sales.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.sales.SalesSettingsService;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The owner's sales settings, with the seed's figures as defaults and the seed's rules in words: the A-E grades and
 * their follow-up rhythms, 500 to 800 customers per account manager, and the shared pool's rules.
 */
@Route("settings/sales")
@PageTitle("nav.salesSettings")
@Menu(order = 100.5, icon = "vaadin:handshake", title = "nav.salesSettings")
@RolesAllowed(Role.OWNER_NAME)
public class SalesSettingsView extends VerticalLayout {

    SalesSettingsView(SalesSettingsService settings, CurrentUser currentUser) {
        TierPilotUser me = currentUser.require();
        add(new H2(getTranslation("nav.salesSettings")), new Paragraph(getTranslation("salesSettings.intro")));
        var rules = new UnorderedList();
        rules.setId("sales-settings-seed");
        for (String grade : new String[] {"A", "B", "C", "D", "E"}) {
            rules.add(new ListItem(getTranslation("salesSettings.seed." + grade)));
        }
        rules.add(new ListItem(getTranslation("salesSettings.seed.load")));
        add(rules);
        var form = new SalesSettingsForm(settings.settings(me.tenantId()), settings.poolRules(me.tenantId()));
        form.addSaveListener(e -> {
            try {
                settings.saveAll(me.tenantId(), e.settings, e.rules);
                Notifications.success(getTranslation("salesSettings.saved"));
            } catch (UserFacingException failed) {
                Notifications.error(this, failed);
            }
        });
        add(form);
    }
}
