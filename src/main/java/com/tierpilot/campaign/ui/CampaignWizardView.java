package com.tierpilot.campaign.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.campaign.AudiencePreview;
import com.tierpilot.campaign.CampaignDraft;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;

/** The campaign wizard: fills a draft, shows the audience and holdout sizes, and saves it. */
@Route("campaigns/new")
@PageTitle("campaigns.wizard.title")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class CampaignWizardView extends VerticalLayout {

    CampaignWizardView(CampaignService campaigns, RuleSegmentService rules, CurrentUser currentUser, Clock clock) {
        TierPilotUser me = currentUser.require();
        var form = new CampaignForm(new SegmentLabels(this, rules, me.tenantId()),
                campaigns.revisitPlans(me.tenantId()),
                new CampaignFormModel(LocalDateTime.ofInstant(clock.instant(), me.timeZone())));
        form.addPreviewListener(e -> {
            try {
                AudiencePreview p = campaigns.preview(me.tenantId(), e.model().toDraft(me.timeZone()), null);
                form.preview.setText(getTranslation("campaigns.preview.text", p.audience(), p.target(),
                        p.control()));
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        form.addSaveListener(e -> {
            try {
                CampaignDraft draft = e.model().toDraft(me.timeZone());
                long id = campaigns.create(me.tenantId(), me.userId(), draft);
                Notifications.success(getTranslation("campaigns.saved", draft.name()));
                getUI().ifPresent(ui -> ui.navigate("campaigns/" + id));
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        add(new H2(getTranslation("campaigns.wizard.title")), form);
    }
}
