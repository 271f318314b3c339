package com.tierpilot.analytics.ui;

import com.tierpilot.analytics.DashboardService.Mover;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerLinks;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * The customers who moved from one segment to another since the run compared with: what a click on a cell of the
 * dashboard's moves chart opens (issue 17, item 8). Each links to the customer's page.
 */
class MoversDialog extends Dialog {

    /** At most this many are listed; the title says how many moved in all. */
    static final int LIMIT = 200;

    MoversDialog(String from, String to, List<Mover> movers) {
        setId("movers-dialog");
        setHeaderTitle(getTranslation("dashboard.movers.title", from, to));
        var grid = new Grid<Mover>();
        grid.setId("movers-grid");
        grid.addComponentColumn(m -> new Anchor(CustomerLinks.page(m.code()), m.code()))
                .setHeader(getTranslation("dashboard.movers.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.name() == null ? "" : m.name()).setHeader(getTranslation("dashboard.movers.name"));
        // At most LIMIT rows, read at once: a short list, not a lazy one.
        grid.setItems(movers);
        grid.setWidth("36rem");
        grid.setHeight("24rem");
        var count = new Paragraph(getTranslation(movers.size() < LIMIT ? "dashboard.movers.count"
                : "dashboard.movers.first", Formats.count(movers.size(), getLocale())));
        count.setId("movers-count");
        add(count, grid);
        var close = new Button(getTranslation("dashboard.movers.close"), click -> close());
        close.setId("movers-close");
        getFooter().add(close);
    }
}
