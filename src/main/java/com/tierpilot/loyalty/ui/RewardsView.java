package com.tierpilot.loyalty.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.loyalty.LoyaltyProgramService;
import com.tierpilot.loyalty.LoyaltyTier;
import com.tierpilot.loyalty.LoyaltyTierService;
import com.tierpilot.loyalty.Reward;
import com.tierpilot.loyalty.RewardDraft;
import com.tierpilot.loyalty.RewardRedemption;
import com.tierpilot.loyalty.RewardService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rewards counter: staff redeem a reward for a customer's points; owners and marketers keep the catalogue
 * (cost, stock, offered or not). The catalogue grid pages in SQL.
 */
@Route("rewards")
@PageTitle("nav.rewards")
@Menu(order = 13, icon = "vaadin:gift", title = "nav.rewards")
@PermitAll
public class RewardsView extends VerticalLayout {

    private final RewardService rewards;
    private final CampaignService campaigns;
    private final CustomerProfileService customers;
    /** An account manager redeems for their own and the pool's customers only (issue 20, data scope). */
    private final DataScope scope;
    private final TierPilotUser me;
    private final Grid<Reward> grid = new Grid<>();
    final TextField customerCode = new TextField();
    final ComboBox<Reward> reward = new ComboBox<>();
    final Button redeem = new Button();
    /** One key per redemption: a retry of the same one (after an error, say) can never redeem twice. */
    private String attemptKey = newKey();

    RewardsView(RewardService rewards, LoyaltyProgramService program, LoyaltyTierService tiers, CampaignService campaigns,
            CustomerProfileService customers, CurrentUser currentUser, Clock clock) {
        this.rewards = rewards;
        this.campaigns = campaigns;
        this.customers = customers;
        this.me = currentUser.require();
        this.scope = currentUser.scope();
        setSizeFull();
        add(new H2(getTranslation("rewards.title")), new Paragraph(getTranslation("rewards.intro")));
        add(redeemForm());
        boolean editor = me.role() == Role.OWNER || me.role() == Role.MARKETER;
        if (editor) {
            var create = new Button(getTranslation("rewards.new"), e -> edit(null));
            create.setId("reward-new");
            var rules = new Button(getTranslation("loyalty.program.title"), e -> editRules(program,
                    LocalDate.now(clock.withZone(me.timeZone()))));
            rules.setId("program-rules");
            var tierButton = new Button(getTranslation("tiers.title"), e -> editTiers(tiers));
            tierButton.setId("tiers-edit");
            add(new HorizontalLayout(create, rules, tierButton));
        }
        configureGrid(editor);
        add(grid);
    }

    private VerticalLayout redeemForm() {
        customerCode.setLabel(getTranslation("rewards.redeem.customer"));
        customerCode.setId("redeem-customer");
        reward.setLabel(getTranslation("rewards.redeem.reward"));
        reward.setId("redeem-reward");
        reward.setItemLabelGenerator(r -> r.name() + " · " + r.pointsCost());
        reward.setItems(query -> rewards.page(me.tenantId(), true, query.getOffset(), query.getLimit()).stream());
        customerCode.addValueChangeListener(e -> attemptKey = newKey());
        reward.addValueChangeListener(e -> attemptKey = newKey());
        redeem.setText(getTranslation("rewards.redeem.button"));
        redeem.setId("redeem-button");
        redeem.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        redeem.setDisableOnClick(true);
        redeem.addClickListener(e -> {
            try {
                redeem();
            } finally {
                redeem.setEnabled(true);
            }
        });
        var row = new HorizontalLayout(customerCode, reward, redeem);
        row.setAlignItems(Alignment.BASELINE);
        var box = new VerticalLayout(new H3(getTranslation("rewards.redeem.title")), row);
        box.setPadding(false);
        return box;
    }

    private void redeem() {
        Reward chosen = reward.getValue();
        String code = customerCode.getValue().strip();
        if (chosen == null || code.isEmpty()) {
            Notifications.error(getTranslation("rewards.redeem.missing"));
            return;
        }
        try {
            long customer = customers.byCode(me.tenantId(), code, scope)
                    .orElseThrow(() -> new com.tierpilot.base.NotFoundException("customer")).id();
            RewardRedemption done = rewards.redeem(me.tenantId(), chosen.id(), customer, attemptKey, me.userId());
            if (done.repeated()) {
                Notifications.warning(getTranslation("rewards.redeem.repeated"));
            } else {
                Notifications.success(getTranslation("rewards.redeem.done", done.rewardName(), code, done.points(),
                        done.balance().points()));
            }
            attemptKey = newKey();
            grid.getDataProvider().refreshAll();
        } catch (UserFacingException refused) {
            Notifications.error(this, refused);
        }
    }

    private void configureGrid(boolean editor) {
        grid.setId("reward-grid");
        grid.addColumn(Reward::name).setHeader(getTranslation("rewards.name")).setAutoWidth(true);
        grid.addColumn(Reward::pointsCost).setHeader(getTranslation("rewards.cost")).setAutoWidth(true);
        grid.addColumn(r -> r.remaining() == null ? getTranslation("rewards.unlimited") : r.remaining())
                .setHeader(getTranslation("rewards.remaining")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.active() ? "rewards.active.yes" : "rewards.active.no"))
                .setHeader(getTranslation("rewards.active")).setAutoWidth(true);
        grid.addColumn(r -> r.description() == null ? "" : r.description())
                .setHeader(getTranslation("rewards.description"));
        if (editor) {
            grid.addComponentColumn(r -> new Button(getTranslation("rewards.edit"), e -> edit(r)))
                    .setAutoWidth(true);
        }
        grid.setItems(query -> rewards.page(me.tenantId(), false, query.getOffset(), query.getLimit()).stream(),
                query -> rewards.count(me.tenantId()));
        if (editor) {
            new EmptyState(this, "rewards-empty", "empty.rewards", "rewards.new", () -> edit(null)).in(grid);
        } else {
            new EmptyState(this, "rewards-empty", "empty.rewards.manager", "empty.rewards.manager.action",
                    "customers").in(grid);
        }
    }

    /** Opens the form for a new reward ({@code null}) or this one. */
    void edit(@Nullable Reward existing) {
        var form = new RewardForm(existing == null ? null : RewardDraft.of(existing));
        var dialog = new Dialog(form);
        dialog.setHeaderTitle(existing == null ? getTranslation("rewards.new") : existing.name());
        var save = new Button(getTranslation("rewards.save"), e -> form.submit());
        save.setId("reward-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("rewards.cancel"), e -> dialog.close()), save);
        form.addSaveListener(e -> {
            try {
                Reward saved = existing == null ? rewards.create(me.tenantId(), e.draft())
                        : rewards.update(me.tenantId(), existing.id(), existing.version(), e.draft());
                Notifications.success(getTranslation("rewards.saved", saved.name()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                reward.getDataProvider().refreshAll();
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        dialog.open();
    }

    /** The programme's earn rules, in a dialog. */
    void editRules(LoyaltyProgramService program, LocalDate today) {
        var form = new LoyaltyRulesForm(program.rules(me.tenantId()), today);
        var dialog = new Dialog(form);
        dialog.setWidth("720px");
        dialog.setHeaderTitle(getTranslation("loyalty.program.title"));
        var save = new Button(getTranslation("rewards.save"), e -> form.submit());
        save.setId("program-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("rewards.cancel"), e -> dialog.close()), save);
        form.addSaveListener(e -> {
            try {
                program.save(me.tenantId(), e.rules());
                Notifications.success(getTranslation("loyalty.program.saved"));
                dialog.close();
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        dialog.open();
    }

    /** The member tiers: a grid of the tiers, a form to add or change one, and what the thresholds count. */
    void editTiers(LoyaltyTierService tiers) {
        var tierGrid = new Grid<LoyaltyTier>();
        tierGrid.setId("tiers-grid");
        tierGrid.setAllRowsVisible(true);
        var templates = new java.util.LinkedHashMap<Long, String>();
        campaigns.couponTemplates(me.tenantId()).forEach(c -> templates.put(c.id(), c.name()));
        var form = new TierForm(templates);
        Runnable reload = () -> tierGrid.setItems(tiers.tiers(me.tenantId()));
        tierGrid.addColumn(LoyaltyTier::name).setHeader(getTranslation("tiers.name")).setAutoWidth(true);
        tierGrid.addColumn(t -> t.threshold().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("tiers.threshold")).setAutoWidth(true);
        tierGrid.addColumn(t -> t.benefits() == null ? "" : t.benefits()).setHeader(getTranslation("tiers.benefits"));
        tierGrid.addColumn(t -> t.upgradeCampaignId() == null ? "" : templates.getOrDefault(t.upgradeCampaignId(),
                "#" + t.upgradeCampaignId())).setHeader(getTranslation("tiers.upgradeCoupon")).setAutoWidth(true);
        tierGrid.addComponentColumn(t -> {
            var change = new Button(getTranslation("rewards.edit"), e -> form.edit(t));
            change.setId("tier-edit-" + t.id());
            var delete = new Button(getTranslation("tiers.delete"), e -> {
                try {
                    tiers.delete(me.tenantId(), t.id());
                    Notifications.success(getTranslation("tiers.deleted", t.name()));
                    if (Long.valueOf(t.id()).equals(form.editing())) {
                        form.edit(null);
                    }
                    reload.run();
                } catch (UserFacingException refused) {
                    Notifications.error(this, refused);
                }
            });
            delete.setId("tier-delete-" + t.id());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(change, delete);
        }).setAutoWidth(true);
        reload.run();
        form.addSaveListener(e -> {
            try {
                LoyaltyTier saved = tiers.save(me.tenantId(), e.id, e.name, e.threshold, e.benefits,
                        e.upgradeCampaign);
                Notifications.success(getTranslation("tiers.saved", saved.name()));
                form.edit(null);
                reload.run();
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        var saveTier = new Button(getTranslation("tiers.saveTier"), e -> form.submit());
        saveTier.setId("tier-save");
        saveTier.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var newTier = new Button(getTranslation("tiers.new"), e -> form.edit(null));
        newTier.setId("tier-new");

        var settings = new TierSettingsForm(tiers.settings(me.tenantId()));
        settings.addSaveListener(e -> {
            try {
                tiers.saveSettings(me.tenantId(), e.settings);
                Notifications.success(getTranslation("tiers.settings.saved"));
            } catch (UserFacingException refused) {
                Notifications.error(this, refused);
            }
        });
        var saveSettings = new Button(getTranslation("tiers.settings.save"), e -> settings.submit());
        saveSettings.setId("tiers-settings-save");

        var content = new VerticalLayout(tierGrid, form, new HorizontalLayout(newTier, saveTier),
                new H3(getTranslation("tiers.settings")), settings, saveSettings);
        content.setPadding(false);
        var dialog = new Dialog(content);
        dialog.setWidth("760px");
        dialog.setHeaderTitle(getTranslation("tiers.title"));
        var close = new Button(getTranslation("tiers.close"), e -> dialog.close());
        close.setId("tiers-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private static String newKey() {
        return "counter:" + UUID.randomUUID();
    }
}
