package com.tierpilot.revisit.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.customer.CustomerLinks;
import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.revisit.TaskWindow;
import com.tierpilot.revisit.TeamLoad;
import com.tierpilot.tenant.TeamDirectoryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * "My tasks": an account manager's revisits for today, overdue and coming up, each with the plan's script, and the
 * outcome logged in a dialog. Owners and marketers choose whose tasks they see (everyone's, a manager's, or the
 * unassigned queue), and the owner sees the team's load.
 */
@Route("tasks")
@PageTitle("nav.tasks")
@Menu(order = 11, icon = "vaadin:tasks", title = "nav.tasks")
@PermitAll
public class TasksView extends VerticalLayout {

    private final RevisitTaskService tasks;
    private final TierPilotUser me;
    private final LocalDate today;
    private final Map<Long, String> managers = new LinkedHashMap<>();
    private final Grid<RevisitTask> grid = new Grid<>();
    private final Map<TaskWindow, Tab> tabs = new EnumMap<>(TaskWindow.class);
    private final Tabs windows = new Tabs();
    final Select<Long> whose = new Select<>();
    private TaskWindow window = TaskWindow.TODAY;
    private final List<Long> accountManagers = new ArrayList<>();
    /** Working days the team's load ahead shows. */
    private static final int LOAD_AHEAD_DAYS = 5;

    TasksView(RevisitTaskService tasks, TeamDirectoryService team, CurrentUser currentUser) {
        this.tasks = tasks;
        this.me = currentUser.require();
        this.today = tasks.today(me.tenantId());
        team.activeUsers(me.tenantId()).forEach(u -> {
            managers.put(u.userId().value(), u.displayName());
            if (u.role() == Role.ACCOUNT_MANAGER) {
                accountManagers.add(u.userId().value());
            }
        });
        setSizeFull();
        add(new H2(getTranslation("nav.tasks")), new Paragraph(getTranslation("tasks.intro")));
        if (me.role() != Role.ACCOUNT_MANAGER) {
            List<Long> choices = new ArrayList<>();
            choices.add(0L);
            choices.add(RevisitTaskService.UNASSIGNED);
            choices.addAll(managers.keySet());
            whose.setId("tasks-whose");
            whose.setLabel(getTranslation("tasks.whose"));
            whose.setItems(choices);
            whose.setItemLabelGenerator(id -> id == 0L ? getTranslation("tasks.whose.all")
                    : id == RevisitTaskService.UNASSIGNED ? getTranslation("tasks.whose.unassigned")
                    : managers.getOrDefault(id, "#" + id));
            whose.setValue(0L);
            whose.addValueChangeListener(e -> refresh());
            add(whose);
        }
        for (TaskWindow w : TaskWindow.values()) {
            Tab tab = new Tab();
            tab.setId("tasks-tab-" + w.name().toLowerCase(java.util.Locale.ROOT));
            tabs.put(w, tab);
            windows.add(tab);
        }
        windows.addSelectedChangeListener(e -> {
            window = tabs.entrySet().stream().filter(t -> t.getValue() == e.getSelectedTab()).findFirst()
                    .orElseThrow().getKey();
            refresh();
        });
        add(windows);
        configureGrid();
        // Room for a few tasks above the owner's team load: squeezed by it, the grid showed a row and a half at
        // 1920×1080 (the page scrolls instead).
        grid.setMinHeight("22rem");
        add(grid);
        if (me.role() == Role.OWNER) {
            add(teamLoad());
        }
        refresh();
    }

    private @Nullable Long manager() {
        Long chosen = whose.getValue();
        return chosen == null || chosen == 0L ? null : chosen;
    }

    private void configureGrid() {
        grid.setId("tasks-grid");
        grid.addColumn(t -> Formats.date(t.dueOn(), getLocale())).setHeader(getTranslation("tasks.column.due"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> new Anchor(CustomerLinks.page(t.customerCode()), t.customerName() == null
                ? t.customerCode() : t.customerName() + " (" + t.customerCode() + ")"))
                .setHeader(getTranslation("tasks.column.customer")).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(t -> t.phone() == null ? "" : t.phone()).setHeader(getTranslation("tasks.column.phone"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> getTranslation(t.channel().messageKey())).setHeader(getTranslation("tasks.column.channel"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> getTranslation("revisit.priority." + t.priority()))
                .setHeader(getTranslation("tasks.column.priority")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.planName(this::getTranslation)).setHeader(getTranslation("tasks.column.plan"))
                .setWidth("8rem").setFlexGrow(0);
        grid.addColumn(t -> t.managerId() == null ? getTranslation("tasks.whose.unassigned")
                : managers.getOrDefault(t.managerId(), "")).setHeader(getTranslation("tasks.column.manager"))
                .setWidth("7rem").setFlexGrow(0);
        grid.addComponentColumn(t -> {
            var script = new Span(t.script(this::getTranslation));
            script.setTitle(t.script(this::getTranslation));
            script.addClassName("task-script");
            return script;
        }).setHeader(getTranslation("tasks.column.script")).setWidth("10rem").setFlexGrow(1);
        // A script is a sentence or two: it wraps instead of being cut off (issue 17, item 7). The customer, plan
        // and manager wrap too, the other columns keep the width of their contents, and the script takes the rest:
        // with wider minimums the script and the log button ran up to 230 px off the grid at 1366 px.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(t -> {
            var log = new Button(getTranslation("tasks.log"), e -> logOutcome(t));
            log.setId("task-log-" + t.customerCode());
            log.setEnabled(me.role() != Role.ACCOUNT_MANAGER || t.managerId() != null
                    && t.managerId() == me.userId().value());
            return log;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> tasks.open(me.tenantId(), me.userId(), me.role(), manager(), window, today,
                query.getOffset(), query.getLimit()).stream(),
                query -> (int) tasks.countOpen(me.tenantId(), me.userId(), me.role(), manager(), window, today));
        if (me.role() == Role.ACCOUNT_MANAGER) {
            new EmptyState(this, "tasks-empty", "empty.tasks.manager", "empty.tasks.manager.action", "churn")
                    .in(grid);
        } else {
            new EmptyState(this, "tasks-empty", "empty.tasks", "empty.tasks.action", "revisit-plans").in(grid);
        }
    }

    private void logOutcome(RevisitTask task) {
        new TaskOutcomeDialog(task, today, logged -> {
            try {
                tasks.logOutcome(me.tenantId(), me.userId(), me.role(), task.id(), logged.outcome(), logged.note(),
                        logged.nextOn());
                Notifications.success(getTranslation("tasks.logged"));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
            refresh();
        }).open();
    }

    private void refresh() {
        for (TaskWindow w : TaskWindow.values()) {
            tabs.get(w).setLabel(getTranslation(w.messageKey(), Formats.count(tasks.countOpen(me.tenantId(),
                    me.userId(), me.role(), manager(), w, today), getLocale())));
        }
        grid.getDataProvider().refreshAll();
    }

    private VerticalLayout teamLoad() {
        var box = new VerticalLayout(new H3(getTranslation("tasks.team.title")));
        box.setPadding(false);
        var team = new Grid<TeamLoad>();
        team.setId("tasks-team");
        team.addColumn(l -> l.managerId() == null ? getTranslation("tasks.whose.unassigned")
                : managers.getOrDefault(l.managerId(), "#" + l.managerId())).setHeader(getTranslation(
                        "tasks.column.manager"));
        team.addColumn(TeamLoad::open).setHeader(getTranslation("tasks.team.open"));
        team.addColumn(TeamLoad::overdue).setHeader(getTranslation("tasks.team.overdue"));
        team.addColumn(TeamLoad::doneLast30Days).setHeader(getTranslation("tasks.team.done"));
        // The load ahead: each of the next working days against the manager's daily capacity.
        Map<Long, List<Integer>> ahead = tasks.loadAhead(me.tenantId(), today, LOAD_AHEAD_DAYS);
        List<LocalDate> days = tasks.workingDaysAhead(today, LOAD_AHEAD_DAYS);
        Map<Long, Integer> capacities = new java.util.HashMap<>();
        var dayFormat = java.time.format.DateTimeFormatter.ofPattern("EEE M/d", getLocale());
        for (int i = 0; i < days.size(); i++) {
            int day = i;
            team.addComponentColumn(l -> {
                long manager = l.managerId() == null ? RevisitTaskService.UNASSIGNED : l.managerId();
                int count = ahead.getOrDefault(manager, List.of()).stream().skip(day).findFirst().orElse(0);
                var cell = new Span(String.valueOf(count));
                if (l.managerId() != null && count >= capacities.computeIfAbsent(l.managerId(),
                        m -> tasks.capacity(me.tenantId(), m))) {
                    cell.getElement().getThemeList().add("badge contrast");
                }
                return cell;
            }).setHeader(dayFormat.format(days.get(day))).setAutoWidth(true).setFlexGrow(0);
        }
        team.addComponentColumn(this::capacityField).setHeader(getTranslation("tasks.team.capacity"))
                .setAutoWidth(true).setFlexGrow(0);
        // One row per manager: a handful, read at once.
        List<TeamLoad> loads = new ArrayList<>(tasks.team(me.tenantId(), today));
        // Managers without open tasks are listed too, so that their capacity can be set.
        accountManagers.stream().filter(id -> loads.stream().noneMatch(l -> id.equals(l.managerId())))
                .forEach(id -> loads.add(new TeamLoad(id, 0, 0, 0)));
        team.setItems(loads);
        team.setAllRowsVisible(true);
        var chart = new EChart("team-tasks");
        chart.setId("tasks-team-chart");
        chart.setHeight("16rem");
        chart.setOption(teamChart(loads));
        box.add(chart, team);
        return box;
    }

    /** The manager's daily capacity, which the owner sets here; tasks beyond it flow to the next working days. */
    private com.vaadin.flow.component.Component capacityField(TeamLoad load) {
        if (load.managerId() == null) {
            return new Span();
        }
        long manager = load.managerId();
        var field = new IntegerField();
        field.setMin(1);
        field.setMax(RevisitTaskService.MAX_CAPACITY);
        field.setStepButtonsVisible(true);
        field.setWidth("8em");
        field.setValue(tasks.capacity(me.tenantId(), manager));
        field.setId("tasks-capacity-" + manager);
        field.setAriaLabel(getTranslation("tasks.team.capacity"));
        field.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            try {
                tasks.setCapacity(me.tenantId(), manager, e.getValue());
                Notifications.success(getTranslation("tasks.team.capacitySaved"));
            } catch (UserFacingException ex) {
                Notifications.error(this, ex);
            }
        });
        return field;
    }

    /** Done (last 30 days) and overdue tasks per manager, side by side. */
    private ObjectNode teamChart(List<TeamLoad> loads) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode option = json.objectNode();
        option.put("animation", false);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 16).put("top", 40)
                .put("bottom", 8);
        option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        String done = getTranslation("tasks.team.done");
        String overdue = getTranslation("tasks.team.overdue");
        option.putObject("legend").put("top", 0).putArray("data").add(done).add(overdue);
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode series = option.putArray("series");
        ArrayNode doneData = series.addObject().put("name", done).put("type", "bar").putArray("data");
        ArrayNode overdueData = series.addObject().put("name", overdue).put("type", "bar").put("color", "#d9534f")
                .putArray("data");
        for (TeamLoad l : loads) {
            names.add(l.managerId() == null ? getTranslation("tasks.whose.unassigned")
                    : managers.getOrDefault(l.managerId(), "#" + l.managerId()));
            doneData.add(l.doneLast30Days());
            overdueData.add(l.overdue());
        }
        return option;
    }
}
