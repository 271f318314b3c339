package com.tierpilot.segmentation.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.segmentation.IntradayService;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.segmentation.SegmentationSettings;
import com.tierpilot.segmentation.SettingsHistoryService;
import com.tierpilot.segmentation.SettingsPreview;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.segmentation.ui.rules.RuleSegmentsPanel;
import com.tierpilot.tenant.TeamDirectoryService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;

/**
 * How the tenant layers its customers: RFM, ABC and lifecycle settings with a preview of what they give on today's
 * data, and the tenant's rule segments. Changes apply from the next recompute.
 */
@Route("segments/settings")
@PageTitle("nav.segmentationSettings")
@Menu(order = 31, icon = "vaadin:sliders", title = "nav.segmentationSettings")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class SegmentationSettingsView extends VerticalLayout {

    private static final int HISTORY_SHOWN = 200;

    private final SegmentationService segmentation;
    private final SettingsHistoryService history;
    private final TierPilotUser me;
    private final RuleSegmentService rules;
    private final TeamDirectoryService team;
    private final Div preview = new Div();
    private final IntradayService intraday;
    private SettingsForm form;

    SegmentationSettingsView(SegmentationService segmentation, SettingsHistoryService history, RuleSegmentService rules,
            TeamDirectoryService team, IntradayService intraday, CurrentUser currentUser) {
        this.segmentation = segmentation;
        this.intraday = intraday;
        this.history = history;
        this.rules = rules;
        this.team = team;
        this.me = currentUser.require();
        preview.setId("segmentation-preview-result");
        preview.setWidthFull();
        show(segmentation.settings(me.tenantId()));
    }

    private void show(SegmentationSettings settings) {
        removeAll();
        form = new SettingsForm(settings, true);
        form.tabs().add(getTranslation("segmentation.tab.rule"), new RuleSegmentsPanel(rules, team, me));
        form.addSaveListener(save -> {
            try {
                show(segmentation.saveSettings(me.tenantId(), me.userId(), save.settings));
                Notifications.success(getTranslation("segmentation.saved"));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        form.addPreviewListener(event -> {
            try {
                showPreview(segmentation.preview(me.tenantId(), event.settings));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        var showHistory = new Button(getTranslation("segmentation.history.button"), VaadinIcon.TIME_BACKWARD.create(),
                click -> new SettingsHistoryDialog(history.latest(me.tenantId(), HISTORY_SHOWN), me.timeZone())
                        .open());
        showHistory.setId("settings-history-button");
        showHistory.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(showHistory, freshWithinAMinute(), form, preview);
    }

    /** The opt-in of issue 21: API orders update their customers' segments within a minute. */
    private Component freshWithinAMinute() {
        var fresh = new Checkbox(getTranslation("segmentation.intraday"), intraday.enabled(me.tenantId()));
        fresh.setId("segmentation-intraday");
        fresh.setHelperText(getTranslation("segmentation.intraday.help"));
        fresh.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                intraday.setEnabled(me.tenantId(), change.getValue());
                Notifications.success(getTranslation(change.getValue() ? "segmentation.intraday.on"
                        : "segmentation.intraday.off"));
            }
        });
        return fresh;
    }

    private void showPreview(SettingsPreview result) {
        preview.removeAll();
        var intro = new Paragraph(getTranslation("segmentation.preview.intro", result.asOf().toString(),
                Formats.count(result.customers(), getLocale()),
                Formats.money(result.revenue(), me.currency(), getLocale())));
        var grids = new HorizontalLayout(table("RFM", result.rfm(), result), table("ABC", result.abc(), result),
                table("LIFECYCLE", result.lifecycle(), result));
        grids.setWidthFull();
        grids.setAlignItems(Alignment.START);
        preview.add(new H3(getTranslation("segmentation.preview.title")), intro, grids);
    }

    private Component table(String scheme, List<SettingsPreview.Row> rows, SettingsPreview result) {
        var grid = new Grid<SettingsPreview.Row>();
        grid.setId("preview-" + scheme.toLowerCase());
        grid.addColumn(r -> SegmentNames.of(this, scheme, r.segment())).setHeader(getTranslation("segments.segment"))
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.count(r.customers(), getLocale())).setHeader(getTranslation("segments.customers"));
        grid.addColumn(r -> percent(r.revenue(), result.revenue())).setHeader(getTranslation("segments.revenueShare"));
        // A preview has one row per segment of the scheme: at most ten.
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        var box = new VerticalLayout(new H3(getTranslation("segmentation.tab." + scheme.toLowerCase())), grid);
        box.setPadding(false);
        return box;
    }

    private String percent(BigDecimal part, BigDecimal total) {
        if (total.signum() == 0) {
            return "–";
        }
        return java.text.NumberFormat.getPercentInstance(getLocale()).format(
                part.max(BigDecimal.ZERO).doubleValue() / total.doubleValue());
    }
}
