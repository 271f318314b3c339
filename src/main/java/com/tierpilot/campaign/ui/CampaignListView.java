package com.tierpilot.campaign.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The tenant's campaigns, newest first, read page by page; and the way to a new one. */
@Route("campaigns")
@PageTitle("nav.campaigns")
@Menu(order = 40, icon = "vaadin:megaphone", title = "nav.campaigns")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class CampaignListView extends VerticalLayout {

    CampaignListView(CampaignService campaigns, CurrentUser currentUser) {
        TierPilotUser me = currentUser.require();
        setSizeFull();
        var create = new Button(getTranslation("campaigns.list.new"),
                e -> getUI().ifPresent(ui -> ui.navigate(CampaignWizardView.class)));
        create.setId("campaign-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var grid = new Grid<Campaign>();
        grid.setId("campaign-grid");
        grid.addComponentColumn(c -> new Anchor("campaigns/" + c.id(), c.name()))
                .setHeader(getTranslation("campaigns.column.name")).setFlexGrow(1);
        grid.addColumn(c -> getTranslation(c.status().messageKey()))
                .setHeader(getTranslation("campaigns.column.status")).setAutoWidth(true);
        grid.addColumn(c -> Formats.dateTime(c.startsAt(), me.timeZone(), getLocale()) + " – "
                + Formats.dateTime(c.endsAt(), me.timeZone(), getLocale()))
                .setHeader(getTranslation("campaigns.column.schedule")).setAutoWidth(true);
        grid.addColumn(c -> c.launchedAt() == null ? "–" : c.targetMembers() + " / " + c.controlMembers())
                .setHeader(getTranslation("campaigns.column.members")).setAutoWidth(true);
        grid.setItems(new CallbackDataProvider<>(
                q -> campaigns.page(me.tenantId(), q.getOffset(), q.getLimit()).stream(),
                q -> campaigns.count(me.tenantId())));
        new EmptyState(this, "campaign-empty", "empty.campaigns", "campaigns.list.new", "campaigns/new").in(grid);
        add(new HorizontalLayout(new H2(getTranslation("nav.campaigns")), create), grid);
    }
}
