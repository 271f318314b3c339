package com.tierpilot.churn.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnListService;
import com.tierpilot.churn.ChurnOutcome;
import com.tierpilot.churn.ChurnSummary;
import com.tierpilot.customer.CustomerLinks;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The churn list: an account manager's own customers at risk (owners and marketers see all), highest value at risk
 * first, each with its reasons in words, and what to do about each: log a contact, mark won back or lost.
 */
@Route("churn")
@PageTitle("nav.churn")
@Menu(order = 12, icon = "vaadin:exclamation-circle-o", title = "nav.churn")
@PermitAll
public class ChurnListView extends VerticalLayout {

    private final ChurnListService churn;
    private final RevisitTaskService revisits;
    private final TierPilotUser me;
    private final Grid<ChurnEntry> grid = new Grid<>();
    private final Paragraph total = new Paragraph();
    private final Map<Long, String> managers;

    ChurnListView(ChurnListService churn, RevisitTaskService revisits, TeamDirectoryService team, CurrentUser currentUser) {
        this.churn = churn;
        this.revisits = revisits;
        this.me = currentUser.require();
        this.managers = team.activeUsers(me.tenantId()).stream()
                .collect(Collectors.toMap(u -> u.userId().value(), UserSummary::displayName, (a, b) -> a));
        setSizeFull();
        total.setId("churn-total");
        var export = new Anchor(exportCsv(), getTranslation("churn.export"));
        export.setId("churn-export");
        add(new H2(getTranslation("nav.churn")), new Paragraph(getTranslation(
                me.role() == Role.ACCOUNT_MANAGER ? "churn.intro.manager" : "churn.intro.all")),
                new HorizontalLayout(total, export));
        if (me.role() == Role.OWNER) {
            add(summary(churn.weeklySummary(me.tenantId())));
        }
        configureGrid();
        add(grid);
        refresh();
    }

    private void configureGrid() {
        Locale locale = getLocale();
        var reasons = new ChurnReasonsText(this, locale);
        grid.setId("churn-grid");
        // Each row carries five components (its link and four buttons): a page of 20 fills the screen and halves
        // the server's work of opening the list against the default 50 (issue 17, item 9).
        grid.setPageSize(20);
        grid.addComponentColumn(e -> new Anchor(CustomerLinks.page(e.code()), e.name() == null ? e.code()
                : e.name() + " (" + e.code() + ")")).setHeader(getTranslation("churn.column.customer"))
                .setWidth("11rem").setFlexGrow(0);
        if (me.role() != Role.ACCOUNT_MANAGER) {
            grid.addColumn(e -> e.accountManagerId() == null ? getTranslation("churn.unassigned")
                    : managers.getOrDefault(e.accountManagerId(), "#" + e.accountManagerId()))
                    .setHeader(getTranslation("churn.column.manager")).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(e -> Formats.money(e.valueAtRisk(), me.currency(), locale))
                .setHeader(getTranslation("churn.column.valueAtRisk")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.pAlive() == null ? "–"
                : new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale)).format(e.pAlive()))
                .setHeader(getTranslation("churn.column.pAlive")).setAutoWidth(true).setFlexGrow(0);
        // The prospect's A-E grade (issue 20); "–" for a customer without one.
        grid.addColumn(e -> e.grade() == null ? "–" : e.grade()).setHeader(getTranslation("churn.column.grade"))
                .setTooltipGenerator(e -> e.grade() == null ? getTranslation("sales.grade.none")
                        : getTranslation("sales.grade." + e.grade()))
                .setWidth("6rem").setFlexGrow(0);
        grid.addColumn(e -> String.join(getTranslation("churn.reasonSeparator"), reasons.of(e)))
                .setHeader(getTranslation("churn.column.reasons")).setWidth("12rem").setFlexGrow(1);
        // The figures keep the width of their contents and the reasons take the rest (sharing it, the reasons wrapped
        // onto four lines at 1366 px in English). Fixed widths: an automatic width of component columns was measured before their buttons were drawn, which
        // cut the customers and pushed the actions off screen (issue 17, item 7). Long texts wrap.
        grid.addComponentColumn(this::actions).setHeader(getTranslation("churn.column.actions")).setWidth("17rem")
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // The list is ranked by value at risk in SQL and read page by page.
        grid.setItems(new CallbackDataProvider<>(
                query -> churn.page(me.tenantId(), me.userId(), me.role(), query.getOffset(), query.getLimit())
                        .stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, churn.count(me.tenantId(), me.userId(), me.role()))));
        if (me.role() == Role.ACCOUNT_MANAGER) {
            new EmptyState(this, "churn-empty", "empty.churn.manager", "empty.churn.manager.action", "tasks")
                    .in(grid);
        } else {
            new EmptyState(this, "churn-empty", "empty.churn", "empty.churn.action", "segments").in(grid);
        }
    }

    private HorizontalLayout actions(ChurnEntry entry) {
        var contact = new Button(getTranslation("churn.action.contact"), click -> new ContactDialog(entry, save -> {
            try {
                churn.logContact(me.tenantId(), me.userId(), me.role(), entry.customerId(), save.channel(),
                        save.note());
                Notifications.success(getTranslation("churn.contactLogged"));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        }).open());
        contact.setId("churn-contact-" + entry.code());
        contact.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var outcome = new Button(getTranslation("churn.action.outcome"), click -> new OutcomeDialog(entry, save -> {
            try {
                churn.decide(me.tenantId(), me.userId(), me.role(), entry.customerId(), save.outcome(),
                        save.reason(), save.note());
                Notifications.success(getTranslation(save.outcome() == ChurnOutcome.WON_BACK ? "churn.markedWon"
                        : "churn.markedLost"));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
            refresh();
        }).open());
        outcome.setId("churn-outcome-" + entry.code());
        outcome.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var followUp = new Button(getTranslation("churn.action.followUp"), click -> new FollowUpDialog(entry,
                revisits.today(me.tenantId()), save -> {
                    try {
                        revisits.createFollowUp(me.tenantId(), me.userId(), me.role(), entry.customerId(),
                                save.dueOn(), save.channel(), save.note(), getTranslation("churn.followUp.plan"));
                        Notifications.success(getTranslation("churn.followUp.saved"));
                    } catch (UserFacingException e) {
                        Notifications.error(this, e);
                    }
                }).open());
        followUp.setId("churn-followup-" + entry.code());
        followUp.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var winBack = new Button(getTranslation("churn.action.winBack"), click -> new WinBackDialog(entry,
                churn.winBackTemplates(me.tenantId()), template -> {
                    try {
                        return churn.issueWinBackCoupon(me.tenantId(), me.userId(), me.role(), entry.customerId(),
                                template.campaignId());
                    } catch (UserFacingException e) {
                        Notifications.error(this, e);
                        return null;
                    }
                }).open());
        winBack.setId("churn-winback-" + entry.code());
        winBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var actions = new HorizontalLayout(contact, outcome, followUp, winBack);
        actions.setWrap(true);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(getTranslation("churn.total", Formats.count(churn.count(me.tenantId(), me.userId(), me.role()),
                getLocale()), Formats.money(churn.valueAtRisk(me.tenantId(), me.userId(), me.role()), me.currency(),
                getLocale())));
    }

    private DownloadHandler exportCsv() {
        Locale locale = getLocale();
        return event -> {
            event.setFileName("churn-list.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                churn.export(me.tenantId(), me.userId(), me.role(), out, key -> getTranslation(locale, key),
                        new ChurnReasonsText(this, locale));
            }
        };
    }

    private VerticalLayout summary(ChurnSummary s) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("churn-summary");
        String reasons = s.lostBy().entrySet().stream()
                .map(r -> getTranslation(r.getKey().messageKey()) + " " + r.getValue())
                .collect(Collectors.joining(getTranslation("churn.reasonSeparator")));
        String perManager = s.perManager().stream()
                .map(m -> (m.managerId() == null ? getTranslation("churn.unassigned")
                        : managers.getOrDefault(m.managerId(), "#" + m.managerId()))
                        + getTranslation("churn.summary.managerOutcomes", m.wonBack(), m.lost()))
                .collect(Collectors.joining(getTranslation("churn.reasonSeparator")));
        box.add(new Span(getTranslation("churn.summary.week", s.wonBack(), s.lost())));
        if (!reasons.isEmpty()) {
            box.add(new Span(getTranslation("churn.summary.reasons", reasons)));
        }
        if (!perManager.isEmpty()) {
            box.add(new Span(getTranslation("churn.summary.perManager", perManager)));
        }
        return box;
    }
}
