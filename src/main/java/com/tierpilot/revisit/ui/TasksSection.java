package com.tierpilot.revisit.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.RevisitTaskService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/** The customer page's revisits: the open task, then the latest outcomes with their notes. */
@org.springframework.stereotype.Component
class TasksSection implements CustomerPageSection {

    private static final int LATEST = 20;

    private final RevisitTaskService tasks;

    TasksSection(RevisitTaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-tasks");
        box.add(new H3(box.getTranslation("customers.tasks.title")));
        List<RevisitTask> list = tasks.ofCustomer(tenant, customerId, LATEST);
        if (list.isEmpty()) {
            box.add(new Paragraph(box.getTranslation("customers.tasks.none")));
            return box;
        }
        var grid = new Grid<RevisitTask>();
        grid.setId("customer-tasks-grid");
        grid.addColumn(t -> Formats.date(t.open() ? t.dueOn() : t.doneOn(), com.vaadin.flow.component.UI.getCurrent().getLocale()))
                .setHeader(box.getTranslation("tasks.column.due")).setAutoWidth(true);
        grid.addColumn(t -> t.planName(key -> box.getTranslation(key))).setHeader(box.getTranslation("tasks.column.plan"))
                .setAutoWidth(true);
        grid.addColumn(t -> box.getTranslation(t.channel().messageKey()))
                .setHeader(box.getTranslation("tasks.column.channel")).setAutoWidth(true);
        grid.addColumn(t -> t.open() ? box.getTranslation("customers.tasks.open")
                : box.getTranslation(t.outcome().messageKey())).setHeader(box.getTranslation("tasks.outcome.label"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.note() == null ? "" : t.note()).setHeader(box.getTranslation("tasks.outcome.note"));
        // The latest twenty only.
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        box.add(grid);
        return box;
    }
}
