package com.tierpilot.loyalty.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.loyalty.PointsBalance;
import com.tierpilot.loyalty.PointsEntry;
import com.tierpilot.loyalty.LoyaltyTierService;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.tenant.TenantService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The customer page's points: the balance, any debt, and the latest entries of the ledger. */
@org.springframework.stereotype.Component
class PointsSection implements CustomerPageSection {

    private static final int LATEST = 10;

    private final PointsLedgerService ledger;
    private final LoyaltyTierService tiers;
    private final TenantService tenants;

    PointsSection(PointsLedgerService ledger, LoyaltyTierService tiers, TenantService tenants) {
        this.ledger = ledger;
        this.tiers = tiers;
        this.tenants = tenants;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-points");
        box.add(new H3(box.getTranslation("customers.points.title")));
        PointsBalance balance = ledger.balance(tenant, customerId);
        var summary = new Paragraph(box.getTranslation(balance.debt() > 0 ? "customers.points.balanceWithDebt"
                : "customers.points.balance", balance.points(), balance.debt()));
        summary.setId("customer-points-balance");
        box.add(summary);
        tiers.of(tenant, customerId).ifPresent(t -> {
            var tier = new Paragraph(box.getTranslation(t.inGrace() ? "customers.points.tierGrace"
                    : "customers.points.tier", t.tier().name(), t.since().toString(),
                    t.tier().benefits() == null ? "" : t.tier().benefits()));
            tier.setId("customer-points-tier");
            box.add(tier);
        });
        List<PointsEntry> entries = ledger.latest(tenant, customerId, LATEST);
        if (!entries.isEmpty()) {
            var grid = new Grid<PointsEntry>();
            grid.setId("customer-points-entries");
            // When the entry was booked, in the company's time zone (not the server's UTC).
            ZoneId zone = tenants.profile(tenant).timeZone();
            Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
            grid.addColumn(e -> Formats.dateTime(e.createdAt(), zone, locale))
                    .setHeader(box.getTranslation("customers.points.when")).setAutoWidth(true);
            grid.addColumn(e -> (e.points() > 0 ? "+" : "") + e.points())
                    .setHeader(box.getTranslation("customers.points.points")).setAutoWidth(true);
            grid.addColumn(e -> box.getTranslation(e.reason().messageKey()))
                    .setHeader(box.getTranslation("customers.points.reason")).setAutoWidth(true);
            grid.addColumn(e -> e.reference() == null ? "" : e.reference())
                    .setHeader(box.getTranslation("customers.points.reference"));
            // The latest ten entries only.
            grid.setItems(entries);
            grid.setAllRowsVisible(true);
            box.add(grid);
        }
        return box;
    }
}
