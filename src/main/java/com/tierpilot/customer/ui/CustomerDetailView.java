package com.tierpilot.customer.ui;

import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.CustomerLinks;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.customer.CustomerProfile;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OrderRow;
import com.tierpilot.tenant.TeamDirectoryService;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One customer: profile, tags and attributes, order history (read page by page), and the sections other modules
 * contribute (segments and tier timeline, predictions, points). Another tenant's code reads as unknown.
 */
@Route(CustomerLinks.ROUTE)
@PageTitle("customers.detail.title")
@PermitAll
public class CustomerDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomerProfileService queries;
    private final TeamDirectoryService team;
    private final CustomerAssignmentService assignment;
    private final List<CustomerPageSection> sections;
    private final TierPilotUser me;

    CustomerDetailView(CustomerProfileService queries, TeamDirectoryService team, CustomerAssignmentService assignment,
            ObjectProvider<CustomerPageSection> sections, CurrentUser currentUser) {
        this.queries = queries;
        this.assignment = assignment;
        this.team = team;
        this.sections = sections.orderedStream().sorted(Comparator.comparingInt(CustomerPageSection::order))
                .toList();
        this.me = currentUser.require();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = CustomerLinks.code(event.getRouteParameters().getWildcard("code"));
        // Data scope: an account manager reaches their own customers and the pool's; a colleague's reads as unknown.
        Optional<CustomerProfile> found = queries.byCode(me.tenantId(), code).filter(c -> me.role()
                != com.tierpilot.base.Role.ACCOUNT_MANAGER || c.accountManager() == null
                || c.accountManager().equals(me.userId()));
        add(new Anchor("customers", getTranslation("customers.detail.back")));
        if (found.isEmpty()) {
            var missing = new H2(getTranslation("customers.detail.notFound"));
            missing.setId("customer-not-found");
            add(missing);
            return;
        }
        CustomerProfile c = found.get();
        var title = new H2(c.name() == null ? c.code() : c.name() + " · " + c.code());
        title.setId("customer-title");
        add(title, profile(c), orders(c));
        sections.forEach(section -> add(section.render(me.tenantId(), c.id())));
    }

    private FormLayout profile(CustomerProfile c) {
        var form = new FormLayout();
        form.setId("customer-profile");
        field(form, "customers.column.phone", c.phone());
        field(form, "customers.column.email", c.email());
        field(form, "customers.column.region", join(c.region(), c.city()));
        field(form, "customers.detail.gender", c.gender() == null ? null : getTranslation("customers.gender."
                + c.gender().code()));
        field(form, "customers.detail.birthday", c.birthday() == null ? null : c.birthday().toString());
        field(form, "customers.detail.industry", join(c.industry(), c.companySize()));
        field(form, "customers.detail.channel", c.sourceChannel());
        var users = team.activeUsers(me.tenantId());
        if (me.role() == com.tierpilot.base.Role.ACCOUNT_MANAGER) {
            field(form, "customers.column.manager", c.accountManager() == null
                    ? getTranslation("customers.unassigned") : users.stream().filter(u -> u.userId().equals(
                            c.accountManager())).map(u -> u.displayName()).findFirst().orElse("–"));
        } else {
            var manager = new com.vaadin.flow.component.combobox.ComboBox<Long>();
            manager.setId("customer-manager-select");
            manager.setAriaLabel(getTranslation("customers.column.manager"));
            manager.setPlaceholder(getTranslation("customers.unassigned"));
            manager.setClearButtonVisible(true);
            java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
            users.forEach(u -> names.put(u.userId().value(), u.displayName()));
            manager.setItems(names.keySet());
            manager.setItemLabelGenerator(id -> names.getOrDefault(id, "#" + id));
            manager.setValue(c.accountManager() == null ? null : c.accountManager().value());
            manager.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    var result = assignment.assignOne(me.tenantId(), c.code(), e.getValue());
                    result.loads().stream().filter(com.tierpilot.customer.ManagerLoad::overLimit).findFirst()
                            .ifPresentOrElse(l -> com.tierpilot.base.ui.Notifications.warning(getTranslation(
                                    "customers.assign.overLimitOne", l.name(), l.customers(),
                                    assignment.managerLimit(me.tenantId()))),
                                    () -> com.tierpilot.base.ui.Notifications.success(getTranslation(
                                            "customers.assign.saved")));
                } catch (com.tierpilot.base.UserFacingException failed) {
                    com.tierpilot.base.ui.Notifications.error(this, failed);
                }
            });
            form.addFormItem(manager, getTranslation("customers.column.manager"));
        }
        field(form, "customers.column.tags", c.tags().isEmpty() ? null : String.join(", ", c.tags()));
        field(form, "customers.column.created", c.createdOn().toString());
        field(form, "customers.detail.consent", getTranslation(c.marketingConsent() ? "customers.detail.yes"
                : "customers.detail.no"));
        c.attributes().forEach((name, value) -> form.addFormItem(new Span(value), name));
        return form;
    }

    private VerticalLayout orders(CustomerProfile c) {
        var box = new VerticalLayout();
        box.setPadding(false);
        var summary = new Paragraph(c.orders().count() == 0 ? getTranslation("customers.detail.noOrders")
                : getTranslation("customers.detail.orderSummary", Formats.count(c.orders().count(), getLocale()),
                        Formats.money(c.orders().revenue(), me.currency(), getLocale()), c.orders().first(),
                        c.orders().last()));
        summary.setId("customer-order-summary");
        var grid = new Grid<OrderRow>();
        grid.setId("customer-orders");
        grid.addColumn(OrderRow::orderNo).setHeader(getTranslation("customers.order.no")).setAutoWidth(true);
        grid.addColumn(o -> o.orderedAt().toString().replace('T', ' ')).setHeader(
                getTranslation("customers.order.at")).setAutoWidth(true);
        grid.addColumn(o -> Formats.money(o.amount(), me.currency(), getLocale()))
                .setHeader(getTranslation("customers.order.amount")).setAutoWidth(true);
        grid.addColumn(o -> o.category() == null ? "" : o.category()).setHeader(
                getTranslation("customers.order.category"));
        grid.addColumn(o -> getTranslation("customers.order.status." + o.status().name()))
                .setHeader(getTranslation("customers.order.status"));
        grid.setItems(new CallbackDataProvider<>(
                q -> queries.orders(me.tenantId(), c.id(), q.getOffset(), q.getLimit()).stream(),
                q -> queries.countOrders(me.tenantId(), c.id())));
        // As tall as its orders up to ten, then a scrolling list; none for a customer without orders (the summary
        // says so) instead of a tall empty grid (issue 17, item 7).
        if (c.orders().count() <= 10) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("420px");
        }
        grid.setVisible(c.orders().count() > 0);
        box.add(new H3(getTranslation("customers.detail.orders")), summary, grid);
        return box;
    }

    private void field(FormLayout form, String labelKey, String value) {
        form.addFormItem(new Span(value == null || value.isBlank() ? "–" : value), getTranslation(labelKey));
    }

    private static String join(String a, String b) {
        return java.util.stream.Stream.of(a, b).filter(v -> v != null && !v.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
