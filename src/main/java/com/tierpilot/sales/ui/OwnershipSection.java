package com.tierpilot.sales.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.ManagerLoad;
import com.tierpilot.customer.OwnerChange;
import com.tierpilot.sales.FollowUpLog;
import com.tierpilot.sales.FollowUpLogService;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The customer page's owner (管户) and follow-up logs (追踪志): who owns the customer, or that it is in the shared
 * pool, with a button to claim it or give it back; the form to log a follow-up and the latest logs; and the trail of
 * owners.
 */
@org.springframework.stereotype.Component
class OwnershipSection implements CustomerPageSection {

    static final int LATEST = 20;

    private final CustomerAssignmentService assignment;
    private final CustomerProfileService customers;
    private final FollowUpLogService logs;
    private final TeamDirectoryService team;
    private final TenantService tenants;
    private final CurrentUser currentUser;

    OwnershipSection(CustomerAssignmentService assignment, CustomerProfileService customers, FollowUpLogService logs,
            TeamDirectoryService team, TenantService tenants, CurrentUser currentUser) {
        this.assignment = assignment;
        this.customers = customers;
        this.logs = logs;
        this.team = team;
        this.tenants = tenants;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-ownership");
        fill(box, tenant, customerId);
        return box;
    }

    private void fill(VerticalLayout box, TenantId tenant, long customerId) {
        box.removeAll();
        TierPilotUser me = currentUser.require();
        Map<Long, String> names = team.activeUsers(tenant).stream().collect(Collectors.toMap(
                u -> u.userId().value(), UserSummary::displayName, (a, b) -> a));
        var owner = customers.byId(tenant, customerId).orElseThrow().accountManager();
        box.add(new H3(box.getTranslation("ownership.title")));
        var status = new Paragraph(owner == null ? box.getTranslation("ownership.inPool")
                : box.getTranslation("ownership.ownedBy", names.getOrDefault(owner.value(), "#" + owner.value())));
        status.setId("ownership-status");
        var actions = new HorizontalLayout(status);
        actions.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        if (owner == null) {
            actions.add(button(box, "ownership.claim", "ownership-claim", () -> {
                ManagerLoad load = assignment.claim(tenant, me.userId(), customerId);
                Notifications.success(box.getTranslation("ownership.claimed", load.customers(),
                        assignment.managerLimit(tenant)));
            }, tenant, customerId));
        } else if (owner.equals(me.userId()) || me.role() != Role.ACCOUNT_MANAGER) {
            actions.add(button(box, "ownership.release", "ownership-release", () -> {
                assignment.release(tenant, me.userId(), me.role(), customerId);
                Notifications.success(box.getTranslation("ownership.released"));
            }, tenant, customerId));
        }
        box.add(actions);
        box.add(new H4(box.getTranslation("followUpLog.title")));
        if (me.role() != Role.ACCOUNT_MANAGER || me.userId().equals(owner)) {
            var form = new FollowUpLogForm(tenants.today(tenant));
            form.addLogListener(e -> act(box, () -> {
                var entry = e.entry();
                logs.log(tenant, me.userId(), me.role(), customerId, entry.getKind(), entry.getOutcome(),
                        entry.getNote(), entry.getNextOn());
                Notifications.success(box.getTranslation("followUpLog.saved"));
            }, tenant, customerId));
            box.add(form);
        }
        List<FollowUpLog> latest = logs.ofCustomer(tenant, customerId, LATEST);
        if (latest.isEmpty()) {
            var none = new Paragraph(box.getTranslation("followUpLog.none"));
            none.setId("followup-logs-none");
            box.add(none);
        } else {
            box.add(logGrid(box, tenant, names, latest));
        }
        List<OwnerChange> trail = assignment.history(tenant, customerId, LATEST);
        if (!trail.isEmpty()) {
            box.add(new H4(box.getTranslation("ownership.history")));
            box.add(trailGrid(box, tenant, names, trail));
        }
    }

    private Button button(VerticalLayout box, String key, String id, Runnable action, TenantId tenant,
            long customerId) {
        var button = new Button(box.getTranslation(key), click -> act(box, action, tenant, customerId));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** Runs an action, tells the user its failure in their language, and shows the section anew. */
    private void act(VerticalLayout box, Runnable action, TenantId tenant, long customerId) {
        try {
            action.run();
            fill(box, tenant, customerId);
        } catch (UserFacingException failed) {
            Notifications.error(box, failed);
            fill(box, tenant, customerId);
        }
    }

    private Grid<FollowUpLog> logGrid(Component c, TenantId tenant, Map<Long, String> names,
            List<FollowUpLog> latest) {
        var grid = new Grid<FollowUpLog>();
        grid.setId("followup-logs");
        grid.addColumn(l -> l.loggedOn().toString()).setHeader(c.getTranslation("followUpLog.column.on"))
                .setAutoWidth(true);
        grid.addColumn(l -> name(names, l.loggedBy() == null ? null : l.loggedBy().value(), c))
                .setHeader(c.getTranslation("followUpLog.column.by")).setAutoWidth(true);
        grid.addColumn(l -> c.getTranslation(l.kind().messageKey()))
                .setHeader(c.getTranslation("followUpLog.field.kind")).setAutoWidth(true);
        grid.addColumn(l -> l.outcome() == null ? "–" : c.getTranslation(l.outcome().messageKey()))
                .setHeader(c.getTranslation("followUpLog.field.outcome")).setAutoWidth(true);
        grid.addColumn(l -> l.note() == null ? "" : l.note()).setHeader(c.getTranslation("followUpLog.field.note"));
        grid.addColumn(l -> l.nextOn() == null ? "–" : l.nextOn().toString())
                .setHeader(c.getTranslation("followUpLog.field.nextOn")).setAutoWidth(true);
        grid.setItems(latest);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<OwnerChange> trailGrid(Component c, TenantId tenant, Map<Long, String> names,
            List<OwnerChange> trail) {
        ZoneId zone = tenants.profile(tenant).timeZone();
        Locale locale = UI.getCurrent().getLocale();
        var grid = new Grid<OwnerChange>();
        grid.setId("owner-history");
        grid.addColumn(h -> Formats.dateTime(h.changedAt(), zone, locale))
                .setHeader(c.getTranslation("sales.history.when")).setAutoWidth(true);
        grid.addColumn(h -> h.changedBy() == null ? c.getTranslation("ownership.byNight")
                : name(names, h.changedBy().value(), c)).setHeader(c.getTranslation("sales.history.who"))
                .setAutoWidth(true);
        grid.addColumn(h -> c.getTranslation(h.action().messageKey()))
                .setHeader(c.getTranslation("ownership.column.action")).setAutoWidth(true);
        grid.addColumn(h -> name(names, h.oldManager(), c)).setHeader(c.getTranslation("sales.history.from"));
        grid.addColumn(h -> name(names, h.newManager(), c)).setHeader(c.getTranslation("sales.history.to"));
        grid.setItems(trail);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String name(Map<Long, String> names, @Nullable Long user, Component c) {
        return user == null ? c.getTranslation("ownership.pool") : names.getOrDefault(user, "#" + user);
    }
}
