package com.tierpilot.revisit.ui;

import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.SegmentChoices;
import com.tierpilot.revisit.Cadence;
import com.tierpilot.revisit.ContactChannel;
import com.tierpilot.revisit.PlanKind;
import com.tierpilot.revisit.RevisitPlan;
import com.tierpilot.revisit.RevisitPlanDraft;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.revisit.RevisitTaskService;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A revisit plan: name, kind, target segment, cadence (or the holiday's date), channel, script and priority. The
 * fields that do not apply to the kind are hidden. Fires a {@link SaveEvent}; the view calls the service.
 */
class PlanForm extends FormLayout {

    final TextField name = new TextField();
    final Select<PlanKind> kind = new Select<>();
    final Select<String> scheme = new Select<>();
    final Select<String> segment = new Select<>();
    final Select<Cadence> cadence = new Select<>();
    final IntegerField everyDays = new IntegerField();
    final IntegerField holidayMonth = new IntegerField();
    final IntegerField holidayDay = new IntegerField();
    final Select<ContactChannel> channel = new Select<>();
    final TextArea script = new TextArea();
    final Select<Integer> priority = new Select<>();
    final Checkbox active = new Checkbox();
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final SegmentChoices choices;
    private final Map<String, String> rules;

    private final Paragraph weekly = new Paragraph();
    private final Function<RevisitPlanDraft, Map<Long, Double>> estimate;
    private final Map<Long, String> managers;
    private final Function<Long, Integer> capacity;
    /** A preset's name and script as stored (message keys), kept while the user leaves them as they are shown. */
    private final @Nullable String storedName;
    private final @Nullable String storedScript;

    /**
     * {@code estimate}: tasks a week per manager of a draft; {@code capacity}: a manager's tasks a day. Both show
     * under the form before the plan is saved.
     */
    PlanForm(@Nullable RevisitPlanDraft initial, SegmentChoices choices, Map<String, String> rules,
            Function<RevisitPlanDraft, Map<Long, Double>> estimate, Map<Long, String> managers,
            Function<Long, Integer> capacity) {
        this.choices = choices;
        this.rules = rules;
        this.estimate = estimate;
        this.managers = managers;
        this.capacity = capacity;
        this.storedName = initial == null ? null : initial.name();
        this.storedScript = initial == null ? null : initial.script();
        name.setLabel(getTranslation("revisit.form.name"));
        name.setId("plan-name");
        name.setMaxLength(120);
        kind.setLabel(getTranslation("revisit.form.kind"));
        kind.setId("plan-kind");
        kind.setItems(PlanKind.CADENCE, PlanKind.BIRTHDAY, PlanKind.HOLIDAY);
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        List<String> schemes = new ArrayList<>();
        schemes.add("");
        schemes.addAll(RevisitPlanService.SCHEMES);
        scheme.setLabel(getTranslation("revisit.form.scheme"));
        scheme.setId("plan-scheme");
        scheme.setItems(schemes);
        scheme.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("revisit.form.everyone")
                : getTranslation("revisit.scheme." + s));
        segment.setLabel(getTranslation("revisit.form.segment"));
        segment.setId("plan-segment");
        cadence.setLabel(getTranslation("revisit.form.cadence"));
        cadence.setId("plan-cadence");
        cadence.setItems(Cadence.values());
        cadence.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        everyDays.setLabel(getTranslation("revisit.form.everyDays"));
        everyDays.setMin(1);
        everyDays.setMax(366);
        holidayMonth.setLabel(getTranslation("revisit.form.holidayMonth"));
        holidayMonth.setMin(1);
        holidayMonth.setMax(12);
        holidayDay.setLabel(getTranslation("revisit.form.holidayDay"));
        holidayDay.setMin(1);
        holidayDay.setMax(31);
        channel.setLabel(getTranslation("revisit.form.channel"));
        channel.setId("plan-channel");
        channel.setItems(ContactChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        script.setLabel(getTranslation("revisit.form.script"));
        script.setMaxLength(2000);
        script.setId("plan-script");
        priority.setLabel(getTranslation("revisit.form.priority"));
        priority.setItems(1, 2, 3);
        priority.setItemLabelGenerator(p -> getTranslation("revisit.priority." + p));
        active.setLabel(getTranslation("revisit.form.active"));

        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(new StringLengthValidator(getTranslation("validation.maxLength", 120), 1, 120))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(kind).asRequired(getTranslation("validation.required")).bind(d -> d.kind, (d, v) -> d.kind = v);
        binder.forField(scheme).bind(d -> d.scheme, (d, v) -> d.scheme = v);
        binder.forField(segment)
                .withValidator(s -> scheme.getValue() == null || scheme.getValue().isEmpty() || s != null,
                        getTranslation("revisit.error.segment"))
                .bind(d -> d.segment, (d, v) -> d.segment = v);
        binder.forField(cadence)
                .withValidator(c -> kind.getValue() != PlanKind.CADENCE || c != null,
                        getTranslation("revisit.error.cadence"))
                .bind(d -> d.cadence, (d, v) -> d.cadence = v);
        binder.forField(everyDays)
                .withValidator(n -> cadence.getValue() != Cadence.EVERY_N_DAYS || n != null && n >= 1 && n <= 366,
                        getTranslation("revisit.error.cadence"))
                .bind(d -> d.everyDays, (d, v) -> d.everyDays = v);
        binder.forField(holidayMonth)
                .withValidator(m -> kind.getValue() != PlanKind.HOLIDAY || m != null,
                        getTranslation("revisit.error.holiday"))
                .bind(d -> d.holidayMonth, (d, v) -> d.holidayMonth = v);
        binder.forField(holidayDay)
                .withValidator(m -> kind.getValue() != PlanKind.HOLIDAY || m != null,
                        getTranslation("revisit.error.holiday"))
                .bind(d -> d.holidayDay, (d, v) -> d.holidayDay = v);
        binder.forField(channel).asRequired(getTranslation("validation.required"))
                .bind(d -> d.channel, (d, v) -> d.channel = v);
        binder.forField(script).bind(d -> d.script, (d, v) -> d.script = v);
        binder.forField(priority).asRequired(getTranslation("validation.required"))
                .bind(d -> d.priority, (d, v) -> d.priority = v);
        binder.forField(active).bind(d -> d.active, (d, v) -> d.active = v);

        Draft draft = Draft.of(initial);
        draft.name = RevisitPlan.text(draft.name, this::getTranslation);
        draft.script = draft.script == null ? null : RevisitPlan.text(draft.script, this::getTranslation);
        segments(draft.scheme);
        binder.setBean(draft);
        scheme.addValueChangeListener(e -> {
            segments(e.getValue());
            layoutFor(kind.getValue());
        });
        kind.addValueChangeListener(e -> layoutFor(e.getValue()));
        cadence.addValueChangeListener(e -> everyDays.setVisible(e.getValue() == Cadence.EVERY_N_DAYS));
        layoutFor(kind.getValue());
        weekly.setId("plan-weekly-tasks");
        add(name, kind, scheme, segment, cadence, everyDays, holidayMonth, holidayDay, channel, priority, active,
                script, weekly);
        setColspan(script, 2);
        setColspan(weekly, 2);
        for (var field : List.of(kind, scheme, segment, cadence)) {
            field.addValueChangeListener(e -> showWeekly());
        }
        everyDays.addValueChangeListener(e -> showWeekly());
        showWeekly();
    }

    /** How many tasks a week the plan would create per manager, against what they can do, before it is saved. */
    private void showWeekly() {
        boolean targeted = scheme.getValue() != null && !scheme.getValue().isEmpty();
        if (kind.getValue() == null || targeted && segment.getValue() == null) {
            weekly.setText("");
            return;
        }
        Map<Long, Double> perWeek = estimate.apply(new RevisitPlanDraft("", kind.getValue(),
                targeted ? scheme.getValue() : null, targeted ? segment.getValue() : null, cadence.getValue(),
                everyDays.getValue(), null, null, ContactChannel.CALL, null, 1, true));
        if (perWeek.isEmpty()) {
            weekly.setText("");
            return;
        }
        Locale locale = getLocale();
        String each = perWeek.entrySet().stream().map(e -> e.getKey() == RevisitTaskService.UNASSIGNED
                ? getTranslation("revisit.weekly.unassigned", oneDecimal(e.getValue(), locale))
                : getTranslation("revisit.weekly.manager", managers.getOrDefault(e.getKey(), "#" + e.getKey()),
                        oneDecimal(e.getValue(), locale), capacity.apply(e.getKey()) * 5))
                .collect(Collectors.joining(getTranslation("revisit.weekly.separator")));
        double total = perWeek.values().stream().mapToDouble(Double::doubleValue).sum();
        weekly.setText(getTranslation(kind.getValue() == PlanKind.HOLIDAY ? "revisit.weekly.holiday"
                : "revisit.weekly", Formats.count(Math.round(total), locale), each));
    }

    private void segments(@Nullable String chosenScheme) {
        if (chosenScheme == null || chosenScheme.isEmpty()) {
            segment.setItems(List.of());
            return;
        }
        if ("RULE".equals(chosenScheme)) {
            segment.setItems(new ArrayList<>(rules.keySet()));
            segment.setItemLabelGenerator(k -> rules.getOrDefault(k, k));
        } else {
            segment.setItems(choices.keys(chosenScheme));
            segment.setItemLabelGenerator(k -> getTranslation("segment." + chosenScheme.toLowerCase(Locale.ROOT)
                    + "." + k));
        }
    }

    private void layoutFor(@Nullable PlanKind chosen) {
        boolean isCadence = chosen == PlanKind.CADENCE;
        cadence.setVisible(isCadence);
        everyDays.setVisible(isCadence && cadence.getValue() == Cadence.EVERY_N_DAYS);
        holidayMonth.setVisible(chosen == PlanKind.HOLIDAY);
        holidayDay.setVisible(chosen == PlanKind.HOLIDAY);
        segment.setVisible(scheme.getValue() != null && !scheme.getValue().isEmpty());
    }

    private static String oneDecimal(double value, Locale locale) {
        return String.format(locale, "%.1f", value);
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            Draft d = binder.getBean();
            boolean targeted = d.scheme != null && !d.scheme.isEmpty();
            boolean isCadence = d.kind == PlanKind.CADENCE;
            boolean holiday = d.kind == PlanKind.HOLIDAY;
            // A preset's name or script left as shown stays a key, in every viewer's language.
            String newName = storedName != null && d.name.strip().equals(RevisitPlan.text(storedName,
                    this::getTranslation)) ? storedName : d.name.strip();
            String newScript = d.script == null || d.script.isBlank() ? null : d.script.strip();
            if (storedScript != null && newScript != null && newScript.equals(RevisitPlan.text(storedScript,
                    this::getTranslation))) {
                newScript = storedScript;
            }
            fireEvent(new SaveEvent(this, new RevisitPlanDraft(newName, d.kind, targeted ? d.scheme : null,
                    targeted ? d.segment : null, isCadence ? d.cadence : null,
                    isCadence && d.cadence == Cadence.EVERY_N_DAYS ? d.everyDays : null,
                    holiday ? d.holidayMonth : null, holiday ? d.holidayDay : null, d.channel,
                    newScript, d.priority, d.active)));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<PlanForm> {
        private final RevisitPlanDraft draft;

        SaveEvent(PlanForm source, RevisitPlanDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        RevisitPlanDraft draft() {
            return draft;
        }
    }

    /** The form's bean. */
    static final class Draft {
        String name = "";
        PlanKind kind = PlanKind.CADENCE;
        String scheme = "ABC";
        @Nullable String segment;
        @Nullable Cadence cadence = Cadence.MONTHLY;
        @Nullable Integer everyDays;
        @Nullable Integer holidayMonth;
        @Nullable Integer holidayDay;
        ContactChannel channel = ContactChannel.CALL;
        @Nullable String script;
        Integer priority = 2;
        boolean active = true;

        static Draft of(@Nullable RevisitPlanDraft initial) {
            Draft d = new Draft();
            if (initial != null) {
                d.name = initial.name();
                d.kind = initial.kind();
                d.scheme = initial.scheme() == null ? "" : initial.scheme();
                d.segment = initial.segment();
                d.cadence = initial.cadence();
                d.everyDays = initial.everyDays();
                d.holidayMonth = initial.holidayMonth();
                d.holidayDay = initial.holidayDay();
                d.channel = initial.channel();
                d.script = initial.script();
                d.priority = initial.priority();
                d.active = initial.active();
            }
            return d;
        }
    }
}
