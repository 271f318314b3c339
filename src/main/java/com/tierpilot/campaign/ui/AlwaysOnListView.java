package com.tierpilot.campaign.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.campaign.AlwaysOnCampaign;
import com.tierpilot.campaign.AlwaysOnCampaignService;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * The always-on campaigns: each with its trigger, status and version; a new one, or one of the presets in one click
 * (saved, not yet switched on, to look at and change first).
 */
@Route("campaigns/always-on")
@PageTitle("alwaysOn.title")
@Menu(order = 40.5, icon = "vaadin:refresh", title = "alwaysOn.title")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class AlwaysOnListView extends VerticalLayout {

    AlwaysOnListView(AlwaysOnCampaignService alwaysOn, RuleSegmentService rules, CurrentUser currentUser) {
        TierPilotUser me = currentUser.require();
        setSizeFull();
        var create = new Button(getTranslation("alwaysOn.list.new"),
                e -> getUI().ifPresent(ui -> ui.navigate("campaigns/always-on/edit")));
        create.setId("always-on-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var presets = new HorizontalLayout();
        presets.setWrap(true);
        for (AlwaysOnCampaignService.Preset preset : AlwaysOnCampaignService.Preset.values()) {
            var button = new Button(getTranslation(preset.messageKey()), e -> {
                try {
                    long id = alwaysOn.createFromPreset(me.tenantId(), me.userId(), preset,
                            getTranslation(preset.messageKey()));
                    getUI().ifPresent(ui -> ui.navigate("campaigns/always-on/" + id));
                } catch (UserFacingException refused) {
                    Notifications.error(this, refused);
                }
            });
            button.setId("always-on-preset-" + preset.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            presets.add(button);
        }
        SegmentLabels segments = new SegmentLabels(this, rules, me.tenantId());
        var grid = new Grid<AlwaysOnCampaign>();
        grid.setId("always-on-grid");
        grid.addComponentColumn(c -> new Anchor("campaigns/always-on/" + c.id(), c.name()))
                .setHeader(getTranslation("campaigns.column.name")).setFlexGrow(1);
        grid.addColumn(c -> AlwaysOnDetailView.describe(this, c.definition(), segments))
                .setHeader(getTranslation("alwaysOn.column.trigger")).setFlexGrow(1);
        grid.addColumn(c -> getTranslation(c.paused() ? "alwaysOn.status.paused" : c.status().messageKey()))
                .setHeader(getTranslation("campaigns.column.status")).setAutoWidth(true);
        grid.addColumn(c -> "v" + c.version()).setHeader(getTranslation("alwaysOn.results.versions"))
                .setAutoWidth(true);
        grid.setItems(new CallbackDataProvider<>(
                q -> alwaysOn.list(me.tenantId(), q.getOffset(), q.getLimit()).stream(),
                q -> alwaysOn.count(me.tenantId())));
        new EmptyState(this, "always-on-empty", "empty.alwaysOn", "alwaysOn.list.new", "campaigns/always-on/edit")
                .in(grid);
        add(new HorizontalLayout(new H2(getTranslation("alwaysOn.title")), create),
                new Paragraph(getTranslation("alwaysOn.list.intro")), presets, grid);
    }
}
