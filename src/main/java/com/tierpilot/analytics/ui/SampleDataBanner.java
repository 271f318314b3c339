package com.tierpilot.analytics.ui;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.demo.SampleDataService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Says on the dashboard that the company holds sample data, with the one click that removes it (issue 17, item 5).
 */
class SampleDataBanner extends Div {

    SampleDataBanner(SampleDataService sample, TierPilotUser me, SampleDataService.Loaded loaded) {
        setId("sample-data");
        addClassName("sample-data-banner");
        String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                .format(loaded.loadedOn());
        var text = new Span(getTranslation("sample.loaded", Formats.count(loaded.customers(), getLocale()),
                Formats.count(loaded.orders(), getLocale()), day));
        var remove = new Button(getTranslation("sample.remove"), VaadinIcon.TRASH.create(), click -> {
            try {
                int removed = sample.remove(me.tenantId());
                Notifications.success(getTranslation("sample.removed", Formats.count(removed, getLocale())));
                getUI().ifPresent(ui -> ui.getPage().reload());
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        remove.setId("sample-data-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(text, remove);
    }
}
