package com.tierpilot.analytics.ui;

import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerOverview;
import com.tierpilot.customer.CustomerStatistics;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The landing page after login. For now it shows the headline figures of the customer base; the segmentation charts
 * join it once tiers are computed.
 */
@Route("")
@PageTitle("nav.dashboard")
@Menu(order = 0, icon = "vaadin:dashboard", title = "nav.dashboard")
@PermitAll
public class DashboardView extends VerticalLayout {

    DashboardView(CustomerStatistics statistics, CurrentUser currentUser, Clock clock) {
        TierPilotUser user = currentUser.require();
        LocalDate today = LocalDate.now(clock.withZone(user.timeZone()));
        CustomerOverview overview = statistics.overview(user.tenantId(), today);

        add(new H2(getTranslation("dashboard.welcome", user.displayName())));
        var kpis = new Div(
                kpi("kpi-customers", "dashboard.kpi.customers", Formats.count(overview.customers(), getLocale())),
                kpi("kpi-active", "dashboard.kpi.active", Formats.count(overview.activeCustomers(), getLocale())),
                kpi("kpi-orders", "dashboard.kpi.orders", Formats.count(overview.orders(), getLocale())),
                kpi("kpi-revenue", "dashboard.kpi.revenue",
                        Formats.money(overview.revenue(), user.currency(), getLocale())));
        kpis.addClassName("kpi-row");
        add(kpis);
        if (overview.customers() == 0) {
            add(new Paragraph(getTranslation("dashboard.empty")));
        } else {
            add(new Paragraph(getTranslation("dashboard.window")));
        }
    }

    private Component kpi(String id, String labelKey, String value) {
        var label = new Span(getTranslation(labelKey));
        label.addClassName("kpi-label");
        var figure = new Span(value);
        figure.addClassName("kpi-value");
        var card = new Div(label, figure);
        card.addClassName("kpi-card");
        card.setId(id);
        return card;
    }
}
