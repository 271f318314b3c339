package com.tierpilot.sales.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.CustomerCount;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerLinks;
import com.tierpilot.customer.CustomerRow;
import com.tierpilot.customer.CustomerSearchService;
import com.tierpilot.customer.CustomerSort;
import com.tierpilot.customer.ManagerLoad;
import com.tierpilot.sales.ProspectGrade;
import com.tierpilot.sales.SharedPoolService;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared pool (公海): the customers nobody owns, which account managers claim up to their limit and the day's
 * claims; a manager's own count against the limit and the customers that go back to the pool soon unless followed
 * up; the owner and marketers see each manager's count against the limit.
 */
@Route("pool")
@PageTitle("nav.pool")
@Menu(order = 10.5, icon = "vaadin:inbox", title = "nav.pool")
@PermitAll
public class SharedPoolView extends VerticalLayout {

    private final CustomerSearchService search;
    private final CustomerAssignmentService assignment;
    private final SharedPoolService pool;
    private final TierPilotUser me;
    private final Paragraph load = new Paragraph();
    private final TextField text = new TextField();
    private final Grid<CustomerRow> grid = new Grid<>();
    private final Map<Long, ProspectGrade> grades = new HashMap<>();
    private CustomerFilter filter = poolFilter(null);

    SharedPoolView(CustomerSearchService search, CustomerAssignmentService assignment, SharedPoolService pool, TeamDirectoryService team,
            TenantService tenants, CurrentUser currentUser) {
        this.search = search;
        this.assignment = assignment;
        this.pool = pool;
        this.me = currentUser.require();
        add(new H2(getTranslation("nav.pool")), new Paragraph(getTranslation("pool.intro")));
        load.setId("pool-load");
        add(load);
        showLoad();
        var notices = pool.notices(me.tenantId(), me.userId().value(), tenants.today(me.tenantId()));
        if (!notices.isEmpty()) {
            var box = new VerticalLayout();
            box.setId("pool-notices");
            box.setPadding(false);
            box.add(new H3(getTranslation("pool.notices")));
            notices.forEach(n -> box.add(new Anchor(CustomerLinks.page(n.code()), getTranslation("pool.notice",
                    n.name() == null ? n.code() : n.name() + " · " + n.code(), n.returnsOn().toString()))));
            add(box);
        }
        if (me.role() != Role.ACCOUNT_MANAGER) {
            add(teamLoads(team));
        }
        text.setId("pool-search");
        text.setPlaceholder(getTranslation("customers.search"));
        text.setWidth("35rem");
        text.setTooltipText(getTranslation("customers.search"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> {
            filter = poolFilter(e.getValue());
            grid.getDataProvider().refreshAll();
        });
        add(text);
        long inPool = search.count(me.tenantId(), poolFilter(null)).value();
        if (inPool == 0) {
            var empty = new Paragraph(getTranslation("pool.empty"));
            empty.setId("pool-empty");
            var customers = new Button(getTranslation("pool.toCustomers"), click -> getUI().ifPresent(ui ->
                    ui.navigate("customers")));
            customers.setId("pool-to-customers");
            add(empty, customers);
        }
        configureGrid();
        add(grid);
        setSizeFull();
    }

    private static CustomerFilter poolFilter(String text) {
        return new CustomerFilter(text, null, null, CustomerFilter.UNASSIGNED, null, null, null, null);
    }

    private void showLoad() {
        ManagerLoad mine = assignment.load(me.tenantId(), me.userId());
        int limit = assignment.managerLimit(me.tenantId());
        load.setText(getTranslation(mine.overLimit() ? "pool.load.over" : "pool.load",
                Formats.count(mine.customers(), getLocale()), Formats.count(limit, getLocale()),
                assignment.claimsLeftToday(me.tenantId(), me.userId())));
        load.getStyle().set("color", mine.overLimit() ? "var(--lumo-error-text-color)" : null);
    }

    private Grid<UserSummary> teamLoads(TeamDirectoryService team) {
        var loads = new Grid<UserSummary>();
        loads.setId("pool-team");
        Map<Long, ManagerLoad> byManager = new HashMap<>();
        List<UserSummary> managers = team.activeUsers(me.tenantId()).stream()
                .filter(u -> u.role() == Role.ACCOUNT_MANAGER).toList();
        managers.forEach(u -> byManager.put(u.userId().value(), assignment.load(me.tenantId(), u.userId())));
        int limit = assignment.managerLimit(me.tenantId());
        loads.addColumn(UserSummary::displayName).setHeader(getTranslation("customers.column.manager"));
        loads.addColumn(u -> Formats.count(byManager.get(u.userId().value()).customers(), getLocale()))
                .setHeader(getTranslation("pool.team.customers"));
        loads.addColumn(u -> byManager.get(u.userId().value()).overLimit()
                ? getTranslation("pool.team.over", limit) : getTranslation("pool.team.within", limit))
                .setHeader(getTranslation("pool.team.limit"));
        loads.setItems(managers);
        loads.setAllRowsVisible(true);
        return loads;
    }

    private void configureGrid() {
        grid.setId("pool-grid");
        grid.addColumn(CustomerRow::code).setHeader(getTranslation("customers.column.code")).setAutoWidth(true);
        grid.addColumn(r -> r.name() == null ? "" : r.name()).setHeader(getTranslation("customers.column.name"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.region() == null ? "" : r.region())
                .setHeader(getTranslation("customers.column.region")).setAutoWidth(true);
        grid.addColumn(r -> grades.containsKey(r.id()) ? grades.get(r.id()).name() : "–")
                .setHeader(getTranslation("pool.column.grade")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            var claim = new Button(getTranslation("ownership.claim"), click -> claim(r));
            claim.setId("pool-claim-" + r.code());
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return claim;
        }).setAutoWidth(true);
        // In code order, in SQL.
        grid.setItems(new CallbackDataProvider<CustomerRow, Void>(query -> {
            List<CustomerRow> page = search.page(me.tenantId(), filter, CustomerSort.CODE, true, query.getOffset(),
                    query.getLimit());
            grades.putAll(pool.grades(me.tenantId(), page.stream().map(CustomerRow::id).toList()));
            return page.stream();
        }, query -> {
            CustomerCount counted = search.count(me.tenantId(), filter);
            return counted.more() ? (int) Math.min(Integer.MAX_VALUE, (long) query.getOffset() + query.getLimit()
                    + 1) : (int) counted.value();
        }));
    }

    private void claim(CustomerRow row) {
        try {
            ManagerLoad mine = assignment.claim(me.tenantId(), me.userId(), row.id());
            Notifications.success(getTranslation("ownership.claimed", mine.customers(),
                    assignment.managerLimit(me.tenantId())));
            showLoad();
            grid.getDataProvider().refreshAll();
        } catch (UserFacingException failed) {
            Notifications.error(this, failed);
            grid.getDataProvider().refreshAll();
        }
    }
}
