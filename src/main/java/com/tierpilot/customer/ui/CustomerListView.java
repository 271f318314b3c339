package com.tierpilot.customer.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.customer.AssignmentResult;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.CustomerCount;
import com.tierpilot.customer.CustomerExportService;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerLinks;
import com.tierpilot.customer.CustomerRow;
import com.tierpilot.customer.CustomerSearchService;
import com.tierpilot.customer.CustomerSort;
import com.tierpilot.customer.ExportFormat;
import com.tierpilot.customer.SegmentChoices;
import com.tierpilot.tenant.TeamDirectoryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The customer list: searched, filtered (region, tag, account manager, and the segments of the current run) and
 * sorted in SQL, page by page. The filter lives in the URL, so a filtered list can be bookmarked and the segment
 * browser and the dashboard can link to one. Owners and marketers download what the filter matches.
 */
@Route("customers")
@PageTitle("nav.customers")
@Menu(order = 10, icon = "vaadin:users", title = "nav.customers")
@PermitAll
public class CustomerListView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomerSearchService search;
    private final CustomerAssignmentService assignment;
    private final TierPilotUser me;
    private final Map<Long, String> managers = new LinkedHashMap<>();
    private final Grid<CustomerRow> grid = new Grid<>();
    private final Span count = new Span();
    private final TextField text = new TextField();
    private final ComboBox<String> region = new ComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final ComboBox<Long> manager = new ComboBox<>();
    private final ComboBox<String> rfm = new ComboBox<>();
    private final ComboBox<String> abc = new ComboBox<>();
    private final ComboBox<String> lifecycle = new ComboBox<>();
    private final ComboBox<String> rule = new ComboBox<>();
    private CustomerFilter filter = CustomerFilter.NONE;
    private com.vaadin.flow.component.contextmenu.ContextMenu columnMenu;
    private boolean reading;
    /** What the grid says without rows: with no filter, the next step; with filters, how to see everyone again. */
    private final EmptyState noCustomers;
    private final EmptyState noMatch;

    CustomerListView(CustomerSearchService search, CustomerExportService export, CustomerAssignmentService assignment,
            SegmentChoices segments, TeamDirectoryService team, CurrentUser currentUser) {
        this.search = search;
        this.assignment = assignment;
        this.me = currentUser.require();
        this.filter = scoped(CustomerFilter.NONE);
        noCustomers = me.role() == Role.ACCOUNT_MANAGER
                ? new EmptyState(this, "customer-empty", "empty.customers.manager", "empty.customers.manager.action",
                        "tasks")
                : new EmptyState(this, "customer-empty", "empty.customers", "empty.customers.action", "import");
        noMatch = new EmptyState(this, "customer-no-match", "empty.customers.filtered",
                "empty.customers.filtered.action", this::clearFilters);
        team.activeUsers(me.tenantId()).forEach(u -> managers.put(u.userId().value(), u.displayName()));
        setSizeFull();
        configureFilters(segments);
        configureGrid();
        var header = new HorizontalLayout(new H2(getTranslation("nav.customers")), count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (me.role() != Role.ACCOUNT_MANAGER) {
            var assign = new Button(getTranslation("customers.assign.open"), VaadinIcon.USER_CHECK.create(),
                    click -> openAssign());
            assign.setId("customer-assign");
            assign.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(assign, download(export, ExportFormat.CSV), download(export, ExportFormat.XLSX));
        }
        header.add(columnChooser());
        var filters = new HorizontalLayout(text, region, tag, manager, rfm, abc, lifecycle, rule);
        filters.setWrap(true);
        add(header, filters, grid);
    }

    private void configureFilters(SegmentChoices segments) {
        text.setId("customer-search");
        text.setPlaceholder(getTranslation("customers.search"));
        // Wide enough for the whole placeholder in both languages (issue 17, item 7); the tooltip repeats it.
        text.setWidth("35rem");
        text.setTooltipText(getTranslation("customers.search"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(400);
        choice(region, "customer-region", "customers.filter.region", search.regions(me.tenantId()), r -> r);
        choice(tag, "customer-tag", "customers.filter.tag", search.tags(me.tenantId()), t -> t);
        List<Long> managerIds = new ArrayList<>();
        managerIds.add(CustomerFilter.UNASSIGNED);
        managerIds.addAll(managers.keySet());
        choice(manager, "customer-manager", "customers.filter.manager", managerIds, this::managerName);
        choice(rfm, "customer-rfm", "customers.filter.rfm", segments.keys("RFM"),
                k -> getTranslation("segment.rfm." + k));
        choice(abc, "customer-abc", "customers.filter.abc", segments.keys("ABC"),
                k -> getTranslation("segment.abc." + k));
        choice(lifecycle, "customer-lifecycle", "customers.filter.lifecycle", segments.keys("LIFECYCLE"),
                k -> getTranslation("segment.lifecycle." + k));
        Map<String, String> rules = segments.rules(me.tenantId());
        choice(rule, "customer-rule", "customers.filter.rule", List.copyOf(rules.keySet()),
                k -> rules.getOrDefault(k, k));
        text.addValueChangeListener(e -> filterChanged());
    }

    private <T> void choice(ComboBox<T> box, String id, String labelKey, List<T> items,
            com.vaadin.flow.component.ItemLabelGenerator<T> label) {
        box.setId(id);
        box.setPlaceholder(getTranslation(labelKey));
        box.setAriaLabel(getTranslation(labelKey));
        box.setClearButtonVisible(true);
        box.setItems(items);
        box.setItemLabelGenerator(label);
        box.addValueChangeListener(e -> filterChanged());
    }

    private void configureGrid() {
        grid.setId("customer-grid");
        grid.setSizeFull();
        grid.addColumn(CustomerRow::code).setHeader(getTranslation("customers.column.code")).setKey("CODE")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.name() == null ? "" : r.name()).setHeader(getTranslation("customers.column.name"))
                .setKey("NAME").setSortable(true).setWidth("6rem").setFlexGrow(1);
        grid.addColumn(r -> join(r.region(), r.city())).setHeader(getTranslation("customers.column.region"))
                .setKey("REGION").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.tags())).setHeader(getTranslation("customers.column.tags"))
                .setWidth("7rem").setFlexGrow(1).setTooltipGenerator(r -> String.join(", ", r.tags()));
        // At 1366 pixels the columns share little room: headers and long values wrap instead of being cut off
        // (issue 17, item 7); the manager and value tier columns are narrower than their one-line header or value
        // (they wrap), else the last column ran 115 px off the grid in English.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> r.accountManagerId() == null ? "" : managerName(r.accountManagerId()))
                .setHeader(getTranslation("customers.column.manager")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(r -> r.rfmSegment() == null ? "" : getTranslation("segment.rfm." + r.rfmSegment()))
                .setHeader(getTranslation("customers.column.rfm")).setAutoWidth(true);
        grid.addColumn(r -> r.abcTier() == null ? "" : getTranslation("segment.abc." + r.abcTier()))
                .setHeader(getTranslation("customers.column.abc")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(r -> r.lifecycleStage() == null ? "" : getTranslation("segment.lifecycle." + r.lifecycleStage()))
                .setHeader(getTranslation("customers.column.lifecycle")).setAutoWidth(true);
        grid.addColumn(r -> r.createdOn().toString()).setHeader(getTranslation("customers.column.created"))
                .setKey("CREATED").setSortable(true).setAutoWidth(true);
        grid.getColumns().forEach(c -> c.setResizable(true));
        grid.setMultiSort(false);
        grid.setItems(new CallbackDataProvider<CustomerRow, Void>(query -> {
            CustomerSort sort = CustomerSort.CODE;
            boolean ascending = true;
            for (var order : query.getSortOrders()) {
                sort = CustomerSort.valueOf(order.getSorted());
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            return search.page(me.tenantId(), filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
        }, query -> {
            CustomerCount counted = search.count(me.tenantId(), filter);
            // Beyond the counting limit the grid grows as the user scrolls.
            return counted.more() ? (int) Math.min(Integer.MAX_VALUE, (long) query.getOffset() + query.getLimit()
                    + 1) : (int) counted.value();
        }));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(CustomerLinks.page(click.getItem().code()))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        reading = true;
        text.setValue(first(params, "q").orElse(""));
        region.setValue(first(params, "region").orElse(null));
        tag.setValue(first(params, "tag").orElse(null));
        manager.setValue(first(params, "manager").map(this::managerId).orElse(null));
        rfm.setValue(first(params, "rfm").filter(k -> contains(rfm, k)).orElse(null));
        abc.setValue(first(params, "abc").filter(k -> contains(abc, k)).orElse(null));
        lifecycle.setValue(first(params, "lifecycle").filter(k -> contains(lifecycle, k)).orElse(null));
        rule.setValue(first(params, "rule").filter(k -> contains(rule, k)).orElse(null));
        reading = false;
        apply();
    }

    private void filterChanged() {
        if (reading) {
            return;
        }
        apply();
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "q", text.getValue());
        put(query, "region", region.getValue());
        put(query, "tag", tag.getValue());
        put(query, "manager", manager.getValue() == null ? null
                : manager.getValue() == CustomerFilter.UNASSIGNED ? "none" : manager.getValue().toString());
        put(query, "rfm", rfm.getValue());
        put(query, "abc", abc.getValue());
        put(query, "lifecycle", lifecycle.getValue());
        put(query, "rule", rule.getValue());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "customers"
                + (query.isEmpty() ? "" : "?" + QueryParameters.simple(query).getQueryString())));
    }

    /** An account manager sees their own customers and the shared pool's (data scope); others see all. */
    private CustomerFilter scoped(CustomerFilter wanted) {
        return me.role() == Role.ACCOUNT_MANAGER ? wanted.visibleTo(me.userId().value()) : wanted;
    }

    private void apply() {
        filter = scoped(new CustomerFilter(text.getValue(), region.getValue(), tag.getValue(), manager.getValue(),
                rfm.getValue(), abc.getValue(), lifecycle.getValue(), rule.getValue()));
        grid.getDataProvider().refreshAll();
        boolean filtered = !text.getValue().isBlank() || Stream.of(region, tag, manager, rfm, abc, lifecycle, rule)
                .anyMatch(box -> box.getValue() != null);
        grid.setEmptyStateComponent(filtered ? noMatch : noCustomers);
        CustomerCount counted = search.count(me.tenantId(), filter);
        count.setId("customer-count");
        count.setText(getTranslation(counted.more() ? "customers.countMore" : "customers.count",
                Formats.count(counted.value(), getLocale())));
    }

    /** Empties every filter and shows all customers again. */
    private void clearFilters() {
        reading = true;
        text.clear();
        Stream.of(region, tag, manager, rfm, abc, lifecycle, rule).forEach(ComboBox::clear);
        reading = false;
        filterChanged();
    }

    /** A menu that shows or hides each column; the code stays, so a row can always be told apart. */
    private Button columnChooser() {
        var button = new Button(getTranslation("customers.columns"), VaadinIcon.GRID_H.create());
        button.setId("customer-columns");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        columnMenu = new com.vaadin.flow.component.contextmenu.ContextMenu(button);
        var menu = columnMenu;
        menu.setOpenOnClick(true);
        grid.getColumns().stream().skip(1).forEach(column -> {
            var item = menu.addItem(column.getHeaderText(), e -> column.setVisible(e.getSource().isChecked()));
            item.setCheckable(true);
            item.setChecked(column.isVisible());
        });
        return button;
    }

    /** The column chooser's menu (for tests: it is attached only while open). */
    com.vaadin.flow.component.contextmenu.ContextMenu columnMenu() {
        return columnMenu;
    }

    private void openAssign() {
        CustomerCount matching = search.count(me.tenantId(), filter);
        String matchingText = getTranslation(matching.more() ? "customers.countMore" : "customers.count",
                Formats.count(matching.value(), getLocale()));
        new AssignDialog(matchingText, assignment.managerLimit(me.tenantId()), managers, search.regions(me.tenantId()), region.getValue(), choice -> {
            try {
                AssignmentResult result = choice.mode() == AssignDialog.Mode.MATCHING
                        ? assignment.assignMatching(me.tenantId(), filter, choice.manager())
                        : assignment.roundRobin(me.tenantId(), choice.region(), List.copyOf(choice.managers()),
                                choice.onlyUnassigned());
                String loads = result.loads().stream().map(l -> getTranslation("customers.assign.load", l.name(),
                        Formats.count(l.customers(), getLocale()))).collect(Collectors.joining(", "));
                String done = getTranslation("customers.assign.done", Formats.count(result.customersAssigned(),
                        getLocale()), loads);
                if (result.anyOverLimit()) {
                    Notifications.warning(done + " " + getTranslation("customers.assign.overLimit",
                            assignment.managerLimit(me.tenantId())));
                } else {
                    Notifications.success(done);
                }
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
            apply();
        }).open();
    }

    private Anchor download(CustomerExportService export, ExportFormat format) {
        Locale locale = getLocale();
        DownloadHandler handler = event -> {
            event.setFileName("customers." + format.extension());
            event.setContentType(format.contentType());
            export.export(me.tenantId(), me.userId(), filter, format, event.getOutputStream(), List.of(
                    getTranslation(locale, "customers.column.code"), getTranslation(locale, "customers.column.name"),
                    getTranslation(locale, "customers.column.phone"), getTranslation(locale, "customers.column.email"),
                    getTranslation(locale, "customers.column.region"), getTranslation(locale, "customers.column.city"),
                    getTranslation(locale, "customers.column.tags"),
                    getTranslation(locale, "customers.column.manager"),
                    getTranslation(locale, "customers.column.rfm"), getTranslation(locale, "customers.column.abc"),
                    getTranslation(locale, "customers.column.lifecycle"),
                    getTranslation(locale, "customers.column.created")),
                    r -> java.util.Arrays.asList(r.code(), r.name(), r.phone(), r.email(), r.region(), r.city(),
                            String.join(", ", r.tags()), r.accountManagerId() == null ? null
                                    : managers.getOrDefault(r.accountManagerId(), "#" + r.accountManagerId()),
                            r.rfmSegment() == null ? null : getTranslation(locale, "segment.rfm." + r.rfmSegment()),
                            r.abcTier() == null ? null : getTranslation(locale, "segment.abc." + r.abcTier()),
                            r.lifecycleStage() == null ? null
                                    : getTranslation(locale, "segment.lifecycle." + r.lifecycleStage()),
                            r.createdOn().toString()));
        };
        var link = new Anchor(handler, getTranslation("customers.export." + format.name()));
        link.setId("customer-export-" + format.extension());
        return link;
    }

    private String managerName(Long id) {
        return id == CustomerFilter.UNASSIGNED ? getTranslation("customers.unassigned")
                : managers.getOrDefault(id, "#" + id);
    }

    /** A manager id from the URL counts only if it is one of this tenant's users. */
    private @Nullable Long managerId(String value) {
        if (value.equals("none")) {
            return CustomerFilter.UNASSIGNED;
        }
        try {
            long id = Long.parseLong(value);
            return managers.containsKey(id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean contains(ComboBox<String> box, String key) {
        return box.getListDataView().getItems().anyMatch(key::equals);
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return Optional.ofNullable(params.get(name)).flatMap(v -> v.stream().findFirst()).filter(v -> !v.isBlank());
    }

    private static void put(Map<String, String> query, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            query.put(name, value);
        }
    }

    private static String join(@Nullable String a, @Nullable String b) {
        return java.util.stream.Stream.of(a, b).filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining(" "));
    }
}
