package com.tierpilot.tenant.ui;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.ApiTokenSummary;
import com.tierpilot.tenant.NewApiToken;
import com.tierpilot.tenant.UserSummary;
import com.tierpilot.base.Role;
import java.util.List;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;

/**
 * The owner's API tokens on the settings screen: the active tokens (never the tokens themselves, only their first
 * characters), a dialog to create one, the new token shown once to copy, and revocation.
 */
class ApiTokensPanel extends VerticalLayout {

    private final ApiTokenService service;
    private final TierPilotUser me;
    private final Grid<ApiTokenSummary> grid = new Grid<>();
    /** The company's active account managers, for tokens bound to one (issue 20, data scope). */
    private final List<UserSummary> managers;

    ApiTokensPanel(ApiTokenService service, TierPilotUser me, List<UserSummary> users) {
        this.service = service;
        this.me = me;
        this.managers = users.stream().filter(u -> u.active() && u.role() == Role.ACCOUNT_MANAGER).toList();
        setPadding(false);
        var create = new Button(getTranslation("apiTokens.create"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.setId("api-token-create");

        grid.setId("api-tokens");
        grid.addColumn(ApiTokenSummary::name).setHeader(getTranslation("apiTokens.name"));
        grid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("apiTokens.prefix")).setAutoWidth(true);
        grid.addColumn(t -> format(t.createdAt())).setHeader(getTranslation("apiTokens.created")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("apiTokens.neverUsed") : format(t.lastUsedAt()))
                .setHeader(getTranslation("apiTokens.lastUsed"));
        grid.addColumn(this::scope).setHeader(getTranslation("apiTokens.scope")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var revoke = new Button(getTranslation("apiTokens.revoke"), click -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return revoke;
        });
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("apiTokens.empty"));

        add(new H2(getTranslation("apiTokens.title")), new Paragraph(getTranslation("apiTokens.intro")), create, grid);
        refresh();
    }

    private void openCreate() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("apiTokens.create"));
        var form = new ApiTokenForm(managers);
        form.addCreateListener(event -> {
            try {
                NewApiToken created = event.manager() == null
                        ? service.create(me.tenantId(), me.userId(), event.name())
                        : service.createForManager(me.tenantId(), me.userId(), me.role(), event.manager(),
                                event.name());
                dialog.close();
                refresh();
                showOnce(created);
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        var save = new Button(getTranslation("apiTokens.create"), click -> form.submit());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("api-token-save");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    /** The only time the token is ever shown. */
    private void showOnce(NewApiToken created) {
        new ShownOnceDialog(getTranslation("apiTokens.createdTitle"), getTranslation("apiTokens.copyWarning"),
                getTranslation("apiTokens.token"), created.token(), "new-api-token").open();
    }

    private void confirmRevoke(ApiTokenSummary token) {
        var confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("apiTokens.revoke"));
        confirm.setText(getTranslation("apiTokens.revoke.confirm", token.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("apiTokens.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            service.revoke(me.tenantId(), me.userId(), token.id());
            Notifications.success(getTranslation("apiTokens.revoked", token.name()));
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(service.list(me.tenantId()));
    }

    /** The company's, or the account manager's customers and the pool's. */
    private String scope(ApiTokenSummary token) {
        return token.manager() == null ? getTranslation("apiTokens.scope.company") : getTranslation(
                "apiTokens.scope.manager", managers.stream().filter(u -> u.userId().equals(token.manager()))
                        .map(UserSummary::displayName).findFirst().orElse(token.manager().toString()));
    }

    private String format(Instant instant) {
        return Formats.dateTime(instant, me.timeZone(), getLocale());
    }
}
