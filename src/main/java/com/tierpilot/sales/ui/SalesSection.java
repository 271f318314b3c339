package com.tierpilot.sales.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.customer.CustomerPageSection;
import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesChange;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.sales.GradeResult;
import com.tierpilot.sales.ProspectGradeService;
import com.tierpilot.sales.SalesSettings;
import com.tierpilot.sales.SalesSettingsService;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The customer page's sales state: the A-E grade (and an overdue close date), the form, and the latest changes
 * with who made them, when and from where.
 */
@org.springframework.stereotype.Component
class SalesSection implements CustomerPageSection {

    static final int HISTORY = 20;

    private final SalesStateService states;
    private final ProspectGradeService grades;
    private final SalesSettingsService settings;
    private final TeamDirectoryService team;
    private final TenantService tenants;
    private final CurrentUser currentUser;

    SalesSection(SalesStateService states, ProspectGradeService grades, SalesSettingsService settings, TeamDirectoryService team,
            TenantService tenants, CurrentUser currentUser) {
        this.states = states;
        this.grades = grades;
        this.settings = settings;
        this.team = team;
        this.tenants = tenants;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-sales");
        fill(box, tenant, customerId);
        return box;
    }

    private void fill(VerticalLayout box, TenantId tenant, long customerId) {
        box.removeAll();
        SalesSettings company = settings.settings(tenant);
        box.add(new H3(box.getTranslation("sales.title")));
        var grade = new Paragraph(gradeText(box, grades.find(tenant, customerId)));
        grade.setId("sales-grade");
        box.add(grade);
        var form = new SalesStateForm(company, states.find(tenant, customerId));
        form.addSaveListener(e -> {
            try {
                int changed = states.update(tenant, customerId, e.state(), SalesSource.UI,
                        currentUser.require().userId());
                grades.regradeOne(tenant, customerId);
                Notifications.success(box.getTranslation("sales.saved", changed));
                fill(box, tenant, customerId);
            } catch (UserFacingException failed) {
                Notifications.error(box, failed);
            }
        });
        box.add(form);
        List<SalesChange> changes = states.history(tenant, customerId, HISTORY);
        if (!changes.isEmpty()) {
            box.add(new H4(box.getTranslation("sales.history")));
            box.add(history(box, tenant, company, changes));
        }
    }

    private static String gradeText(Component c, Optional<GradeResult> found) {
        if (found.isEmpty()) {
            return c.getTranslation("sales.grade.none");
        }
        GradeResult g = found.get();
        String text = c.getTranslation("sales.grade.is", g.grade().name(), c.getTranslation(g.grade().messageKey()));
        return g.closeOverdue() ? text + " " + c.getTranslation("sales.grade.overdue") : text;
    }

    private Grid<SalesChange> history(Component c, TenantId tenant, SalesSettings company,
            List<SalesChange> changes) {
        Map<Long, String> names = team.activeUsers(tenant).stream().collect(Collectors.toMap(
                u -> u.userId().value(), UserSummary::displayName, (a, b) -> a));
        ZoneId zone = tenants.profile(tenant).timeZone();
        Locale locale = UI.getCurrent().getLocale();
        var grid = new Grid<SalesChange>();
        grid.setId("sales-history");
        grid.addColumn(h -> Formats.dateTime(h.changedAt(), zone, locale))
                .setHeader(c.getTranslation("sales.history.when")).setAutoWidth(true);
        grid.addColumn(h -> h.changedBy() == null ? c.getTranslation(h.source().messageKey())
                : names.getOrDefault(h.changedBy().value(), "#" + h.changedBy().value())
                        + (h.source() == SalesSource.UI ? "" : " · " + c.getTranslation(h.source().messageKey())))
                .setHeader(c.getTranslation("sales.history.who")).setAutoWidth(true);
        grid.addColumn(h -> c.getTranslation("sales.field." + h.field()))
                .setHeader(c.getTranslation("sales.history.field")).setAutoWidth(true);
        grid.addColumn(h -> value(c, company, h.field(), h.oldValue()))
                .setHeader(c.getTranslation("sales.history.from"));
        grid.addColumn(h -> value(c, company, h.field(), h.newValue()))
                .setHeader(c.getTranslation("sales.history.to"));
        grid.setItems(changes);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** A stored value as the user reads it: stages and types in the company's wording, needs translated. */
    static String value(Component c, SalesSettings company, String field, @Nullable String raw) {
        if (raw == null) {
            return "–";
        }
        return switch (field) {
            case "stage" -> company.label(SalesStage.valueOf(raw), c::getTranslation);
            case "customerType" -> company.label(CustomerType.valueOf(raw), c::getTranslation);
            case "need" -> c.getTranslation(SalesNeed.valueOf(raw).messageKey());
            default -> raw;
        };
    }
}
