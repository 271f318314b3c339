package com.tierpilot.revisit.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.customer.SegmentChoices;
import com.tierpilot.revisit.PlanKind;
import com.tierpilot.revisit.RevisitPlan;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.tenant.TeamDirectoryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The company's revisit plans: who is contacted how often, how and with which script. Presets add the seed's ABC
 * cadence and a birthday greeting in one click; the nightly run turns the plans into tasks.
 */
@Route("revisit-plans")
@PageTitle("nav.revisitPlans")
@Menu(order = 35, icon = "vaadin:calendar-user", title = "nav.revisitPlans")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class RevisitPlansView extends VerticalLayout {

    private final RevisitPlanService plans;
    private final SegmentChoices choices;
    private final RevisitTaskService tasks;
    private final Map<Long, String> managers = new java.util.HashMap<>();
    private final TierPilotUser me;
    private final Grid<RevisitPlan> grid = new Grid<>();
    private final Button abc = new Button();
    private final Button birthday = new Button();
    private final Button grades = new Button();

    RevisitPlansView(RevisitPlanService plans, RevisitTaskService tasks, SegmentChoices choices, TeamDirectoryService team,
            CurrentUser currentUser) {
        this.plans = plans;
        this.tasks = tasks;
        this.choices = choices;
        this.me = currentUser.require();
        team.activeUsers(me.tenantId()).forEach(u -> managers.put(u.userId().value(), u.displayName()));
        setSizeFull();
        var create = new Button(getTranslation("revisit.new"), e -> edit(null));
        create.setId("plan-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        abc.addClickListener(e -> act(() -> plans.addAbcPresets(me.tenantId())));
        abc.setId("plan-preset-abc");
        birthday.addClickListener(e -> act(() -> plans.addBirthdayGreeting(me.tenantId())));
        birthday.setId("plan-preset-birthday");
        grades.addClickListener(e -> act(() -> plans.addGradePresets(me.tenantId())));
        grades.setId("plan-preset-grades");
        add(new H2(getTranslation("nav.revisitPlans")), new Paragraph(getTranslation("revisit.intro")),
                new HorizontalLayout(create, abc, grades, birthday));
        configureGrid();
        add(grid);
    }

    /** A preset that exists is not added again: its button says so. */
    private void presetButtons() {
        Set<String> missing = plans.missingPresets(me.tenantId());
        boolean abcMissing = missing.contains("ABC_A") || missing.contains("ABC_B") || missing.contains("ABC_C");
        abc.setText(getTranslation(abcMissing ? "revisit.preset.abc" : "revisit.preset.abc.added"));
        abc.setEnabled(abcMissing);
        birthday.setText(getTranslation(missing.contains("BIRTHDAY") ? "revisit.preset.birthday"
                : "revisit.preset.birthday.added"));
        birthday.setEnabled(missing.contains("BIRTHDAY"));
        boolean gradesMissing = RevisitPlanService.GRADE_PRESETS.stream().anyMatch(missing::contains);
        grades.setText(getTranslation(gradesMissing ? "revisit.preset.grades" : "revisit.preset.grades.added"));
        grades.setEnabled(gradesMissing);
    }

    private void configureGrid() {
        grid.setId("plan-grid");
        grid.addColumn(p -> p.displayName(this::getTranslation)).setHeader(getTranslation("revisit.form.name")).setAutoWidth(true);
        grid.addColumn(this::target).setHeader(getTranslation("revisit.form.segment")).setAutoWidth(true);
        grid.addColumn(this::when).setHeader(getTranslation("revisit.form.cadence")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.channel().messageKey())).setHeader(getTranslation("revisit.form.channel"))
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation("revisit.priority." + p.priority()))
                .setHeader(getTranslation("revisit.form.priority")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.active() ? "revisit.active.yes" : "revisit.active.no"))
                .setHeader(getTranslation("revisit.form.active")).setAutoWidth(true);
        grid.addComponentColumn(p -> new Button(getTranslation("revisit.edit"), e -> edit(p))).setAutoWidth(true);
        refresh();
    }

    private String target(RevisitPlan p) {
        if (p.scheme() == null) {
            return getTranslation("revisit.form.everyone");
        }
        String segment = "RULE".equals(p.scheme()) ? choices.rules(me.tenantId()).getOrDefault(p.segment(),
                p.segment()) : getTranslation("segment." + p.scheme().toLowerCase(Locale.ROOT) + "." + p.segment());
        return getTranslation("action.labelled", getTranslation("revisit.scheme." + p.scheme()), segment);
    }

    private String when(RevisitPlan p) {
        return switch (p.kind()) {
            case CADENCE -> p.everyDays() == null ? getTranslation(p.cadence().messageKey())
                    : getTranslation("revisit.cadence.everyDays", p.everyDays());
            case BIRTHDAY -> getTranslation(PlanKind.BIRTHDAY.messageKey());
            case HOLIDAY -> getTranslation("revisit.holidayOn", p.holidayMonth(), p.holidayDay());
            case MANUAL, CAMPAIGN -> getTranslation(p.kind().messageKey());
        };
    }

    void edit(@Nullable RevisitPlan existing) {
        Map<String, String> rules = choices.rules(me.tenantId());
        var form = new PlanForm(existing == null ? null : existing.draft(), choices, rules,
                draft -> plans.weeklyTasks(me.tenantId(), draft), managers,
                manager -> tasks.capacity(me.tenantId(), manager));
        var dialog = new Dialog(form);
        dialog.setWidth("720px");
        dialog.setHeaderTitle(existing == null ? getTranslation("revisit.new")
                : existing.displayName(this::getTranslation));
        var save = new Button(getTranslation("action.save"), e -> form.submit());
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        form.addSaveListener(e -> act(() -> {
            if (existing == null) {
                plans.create(me.tenantId(), e.draft());
            } else {
                plans.update(me.tenantId(), existing.id(), existing.version(), e.draft());
            }
            dialog.close();
        }));
        dialog.open();
    }

    private void act(Runnable change) {
        try {
            change.run();
            Notifications.success(getTranslation("revisit.saved"));
        } catch (UserFacingException e) {
            Notifications.error(this, e);
        }
        refresh();
    }

    private void refresh() {
        // A company has a handful of plans.
        grid.setItems(plans.list(me.tenantId()));
        new EmptyState(this, "plan-empty", "empty.revisitPlans", "revisit.preset.abc",
                () -> act(() -> plans.addAbcPresets(me.tenantId()))).in(grid);
        presetButtons();
    }
}
