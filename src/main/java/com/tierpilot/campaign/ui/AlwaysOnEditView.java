package com.tierpilot.campaign.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.campaign.AlwaysOnCampaign;
import com.tierpilot.campaign.AlwaysOnCampaignService;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;


/**
 * A new always-on campaign, or a change of one (which makes a new version): the form, with how many customers would
 * have entered in each of the last nightly runs before it is switched on.
 */
@Route("campaigns/always-on/edit/:id?")
@PageTitle("alwaysOn.title")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class AlwaysOnEditView extends VerticalLayout implements BeforeEnterObserver {

    private final AlwaysOnCampaignService alwaysOn;
    private final CampaignService campaigns;
    private final RuleSegmentService rules;
    private final TierPilotUser me;

    AlwaysOnEditView(AlwaysOnCampaignService alwaysOn, CampaignService campaigns, RuleSegmentService rules, CurrentUser currentUser) {
        this.alwaysOn = alwaysOn;
        this.campaigns = campaigns;
        this.rules = rules;
        this.me = currentUser.require();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<String> param = event.getRouteParameters().get("id");
        Optional<AlwaysOnCampaign> existing = param.flatMap(CampaignDetailView::parse)
                .flatMap(id -> alwaysOn.find(me.tenantId(), id));
        if (param.isPresent() && existing.isEmpty()) {
            add(CampaignDetailView.notFound(this));
            return;
        }
        AlwaysOnFormModel model = existing.map(AlwaysOnFormModel::of).orElseGet(AlwaysOnFormModel::new);
        var form = new AlwaysOnForm(new SegmentLabels(this, rules, me.tenantId()),
                campaigns.revisitPlans(me.tenantId()), model);
        form.addPreviewListener(e -> {
            try {
                form.preview.setText(AlwaysOnDetailView.previewText(this, getLocale(),
                        alwaysOn.preview(me.tenantId(), e.model().definition())));
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        form.addSaveListener(e -> {
            try {
                String name = e.model().name == null ? "" : e.model().name;
                long id;
                if (existing.isPresent()) {
                    id = alwaysOn.update(me.tenantId(), me.userId(), existing.get().id(), existing.get().version(),
                            name, e.model().goal, e.model().definition()).id();
                } else {
                    id = alwaysOn.create(me.tenantId(), me.userId(), name, e.model().goal, e.model().definition(),
                            null);
                }
                Notifications.success(getTranslation("campaigns.saved", name));
                getUI().ifPresent(ui -> ui.navigate("campaigns/always-on/" + id));
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        add(new H2(existing.map(c -> getTranslation("alwaysOn.edit.title", c.name(), c.version() + 1))
                .orElse(getTranslation("alwaysOn.new.title"))), form);
    }
}
