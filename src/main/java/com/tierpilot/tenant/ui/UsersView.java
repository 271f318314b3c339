package com.tierpilot.tenant.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.tenant.InvitationLink;
import com.tierpilot.tenant.PendingInvitation;
import com.tierpilot.tenant.UserAdminService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;

/** The owner's user management: invite, change roles, deactivate and reactivate. */
@Route("users")
@PageTitle("nav.users")
@Menu(order = 90, icon = "vaadin:users", title = "nav.users")
@RolesAllowed(Role.OWNER_NAME)
public class UsersView extends VerticalLayout {

    private final UserAdminService service;
    private final TierPilotUser me;
    private final String publicUrl;
    private final Grid<UserSummary> users = new Grid<>();
    private final Grid<PendingInvitation> pending = new Grid<>();

    UsersView(UserAdminService service, CurrentUser currentUser,
            @Value("${tierpilot.public-url:}") String publicUrl) {
        this.service = service;
        this.me = currentUser.require();
        this.publicUrl = publicUrl;
        setSizeFull();

        var invite = new Button(getTranslation("users.invite"), VaadinIcon.PLUS.create(), click -> openInvite());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setId("invite-user");
        add(new HorizontalLayout(invite));

        configureUsersGrid();
        add(users);

        pending.setId("pending-invitations");
        pending.addColumn(PendingInvitation::email).setHeader(getTranslation("users.email"));
        pending.addColumn(i -> getTranslation(i.role().messageKey())).setHeader(getTranslation("users.role"));
        pending.addColumn(i -> format(i.expiresAt())).setHeader(getTranslation("users.invite.expires"));
        pending.addComponentColumn(i -> {
            var revoke = new Button(getTranslation("users.invite.revoke"), click -> {
                service.revokeInvitation(me.tenantId(), i.id());
                refreshPending();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return revoke;
        });
        pending.setAllRowsVisible(true);
        add(new H2(getTranslation("users.pending")), pending);
        refreshPending();
    }

    private void configureUsersGrid() {
        users.setId("users-grid");
        // Issue 17, item 7: at 1366 px the columns did not fit, and the name ("Manag…"), the last sign-in header
        // ("最近…") and the actions were cut. The name, status and actions take the width of their contents, the
        // role and last sign-in a width that holds theirs; the e-mail takes the rest and wraps a long address
        // instead of cutting it.
        users.addColumn(UserSummary::displayName).setHeader(getTranslation("users.name")).setKey("displayName")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        users.addColumn(new ComponentRenderer<>(this::email)).setHeader(getTranslation("users.email")).setKey("email")
                .setSortable(true).setWidth("12rem").setFlexGrow(1);
        users.addComponentColumn(this::roleSelect).setHeader(getTranslation("users.role")).setKey("role")
                .setSortable(true).setWidth("12rem").setFlexGrow(0);
        users.addColumn(u -> getTranslation(!u.active() ? "users.status.inactive"
                : u.locked() ? "users.status.locked" : "users.status.active"))
                .setHeader(getTranslation("users.status")).setAutoWidth(true).setFlexGrow(0);
        users.addColumn(u -> u.lastLoginAt() == null ? "" : format(u.lastLoginAt()))
                .setHeader(getTranslation("users.lastLogin")).setKey("lastLoginAt").setSortable(true)
                .setWidth("11rem").setFlexGrow(0); // a date and time; the sorted header's auto width cut it
        users.addComponentColumn(this::activationButton).setAutoWidth(true).setFlexGrow(0);
        users.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            String key = order.map(o -> o.getSorted()).orElse("displayName");
            boolean ascending = order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true);
            return service.users(me.tenantId(), query.getOffset(), query.getLimit(), key, ascending).stream();
        }, query -> service.countUsers(me.tenantId()));
        users.sort(GridSortOrder.asc(users.getColumnByKey("displayName")).build());
    }

    private Component email(UserSummary user) {
        var email = new Span(user.email());
        email.getStyle().set("overflow-wrap", "anywhere").set("white-space", "normal");
        return email;
    }

    private Component roleSelect(UserSummary user) {
        var select = new Select<Role>();
        select.setWidthFull();
        select.setItems(Role.values());
        select.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        select.setValue(user.role());
        select.addValueChangeListener(change -> {
            if (!change.isFromClient() || change.getValue() == null) {
                return;
            }
            try {
                service.changeRole(me.tenantId(), me.userId(), user.userId(), change.getValue());
                Notifications.success(getTranslation("users.roleChanged", user.displayName()));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
            users.getDataProvider().refreshAll();
        });
        return select;
    }

    private Component activationButton(UserSummary user) {
        if (user.userId().equals(me.userId())) {
            return new Span();
        }
        boolean active = user.active();
        var button = new Button(getTranslation(active ? "users.deactivate" : "users.reactivate"), click -> {
            try {
                if (active) {
                    service.deactivate(me.tenantId(), me.userId(), user.userId());
                } else {
                    service.reactivate(me.tenantId(), me.userId(), user.userId());
                }
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
            users.getDataProvider().refreshAll();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        if (active) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }

    private void openInvite() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.invite"));
        var form = new InviteForm();
        form.addInviteListener(event -> {
            try {
                InvitationLink link = service.invite(me.tenantId(), me.userId(), event.email(), event.role(),
                        baseUrl(), getLocale());
                dialog.close();
                showLink(link);
                refreshPending();
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        var send = new Button(getTranslation("users.invite.send"), click -> form.submit());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("invite-send");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), send);
        dialog.open();
    }

    private void showLink(InvitationLink link) {
        new ShownOnceDialog(getTranslation("users.invite.created"),
                getTranslation(link.emailed() ? "users.invite.emailed" : "users.invite.copyHint", link.email(),
                        format(link.expiresAt())),
                getTranslation("users.invite.link"), link.url(), "invitation-url").open();
    }

    private void refreshPending() {
        pending.setItems(service.pendingInvitations(me.tenantId()));
    }

    private String baseUrl() {
        return PublicAddress.of(publicUrl);
    }

    private String format(java.time.Instant instant) {
        return Formats.dateTime(instant, me.timeZone(), getLocale());
    }
}
