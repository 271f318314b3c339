package com.tierpilot.sales.ui;

import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.sales.SalesSettings;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A customer's sales state, edited with one binder: stage (the company's wording), the reason when lost, expected
 * close date and deal size, need, customer type and next follow-up date. Fires a {@link SaveEvent} when valid; the
 * section calls the service.
 */
class SalesStateForm extends FormLayout {

    final ComboBox<SalesStage> stage = new ComboBox<>();
    final TextField lostReason = new TextField();
    final DatePicker expectedCloseOn = new DatePicker();
    final BigDecimalField expectedDealSize = new BigDecimalField();
    final ComboBox<SalesNeed> need = new ComboBox<>();
    final ComboBox<CustomerType> customerType = new ComboBox<>();
    final DatePicker nextFollowUpOn = new DatePicker();
    final Button save = new Button();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    SalesStateForm(SalesSettings settings, SalesState current) {
        setId("sales-state-form");
        labelled(stage, "stage", "sales-stage").setItems(SalesStage.values());
        stage.setItemLabelGenerator(s -> settings.label(s, this::getTranslation));
        labelled(lostReason, "lostReason", "sales-lost-reason").setMaxLength(SalesStateService.MAX_REASON_LENGTH);
        labelled(expectedDealSize, "expectedDealSize", "sales-deal-size");
        labelled(need, "need", "sales-need").setItems(SalesNeed.values());
        need.setItemLabelGenerator(n -> getTranslation(n.messageKey()));
        labelled(customerType, "customerType", "sales-customer-type").setItems(CustomerType.values());
        customerType.setItemLabelGenerator(t -> settings.label(t, this::getTranslation));
        stage.setClearButtonVisible(true);
        need.setClearButtonVisible(true);
        customerType.setClearButtonVisible(true);
        save.setText(getTranslation("sales.save"));
        save.setId("sales-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> submit());

        binder.forField(stage).bind(Draft::getStage, Draft::setStage);
        binder.forField(lostReason)
                .withValidator(r -> stage.getValue() != SalesStage.LOST || !r.isBlank(),
                        getTranslation("sales.error.lostReason"))
                .withValidator(r -> r.length() <= SalesStateService.MAX_REASON_LENGTH,
                        getTranslation("validation.maxLength", SalesStateService.MAX_REASON_LENGTH))
                .bind(Draft::getLostReason, Draft::setLostReason);
        date(expectedCloseOn, "expectedCloseOn", "sales-close-on", Draft::getExpectedCloseOn,
                Draft::setExpectedCloseOn);
        binder.forField(expectedDealSize)
                .withValidator(v -> v == null || (v.signum() >= 0 && v.compareTo(SalesStateService.MAX_DEAL_SIZE) <= 0),
                        getTranslation("sales.error.dealSize"))
                .bind(Draft::getExpectedDealSize, Draft::setExpectedDealSize);
        binder.forField(need).bind(Draft::getNeed, Draft::setNeed);
        binder.forField(customerType).bind(Draft::getCustomerType, Draft::setCustomerType);
        date(nextFollowUpOn, "nextFollowUpOn", "sales-next-follow-up", Draft::getNextFollowUpOn,
                Draft::setNextFollowUpOn);
        binder.setBean(Draft.of(current));
        lostReason.setVisible(current.stage() == SalesStage.LOST);
        stage.addValueChangeListener(e -> lostReason.setVisible(e.getValue() == SalesStage.LOST));
        add(stage, lostReason, need, customerType, expectedCloseOn, expectedDealSize, nextFollowUpOn, save);
    }

    /** Labels a field with its translated name ({@code sales.field.<field>}) and gives it its id. */
    private <C extends com.vaadin.flow.component.Component & com.vaadin.flow.component.HasLabel> C labelled(
            C component, String field, String id) {
        component.setLabel(getTranslation("sales.field." + field));
        component.setId(id);
        return component;
    }

    /** A clearable date field of the state, labelled and bound to the draft. */
    private void date(DatePicker picker, String field, String id,
            com.vaadin.flow.function.ValueProvider<Draft, @Nullable LocalDate> getter,
            com.vaadin.flow.data.binder.Setter<Draft, @Nullable LocalDate> setter) {
        labelled(picker, field, id).setClearButtonVisible(true);
        binder.forField(picker).bind(getter, setter);
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            fireEvent(new SaveEvent(this, binder.getBean().toState()));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<SalesStateForm> {
        private final SalesState state;

        SaveEvent(SalesStateForm source, SalesState state) {
            super(source, true);
            this.state = state;
        }

        SalesState state() {
            return state;
        }
    }

    /** The binder's bean. */
    static final class Draft {
        private @Nullable SalesStage stage;
        private String lostReason = "";
        private @Nullable LocalDate expectedCloseOn;
        private @Nullable BigDecimal expectedDealSize;
        private @Nullable SalesNeed need;
        private @Nullable CustomerType customerType;
        private @Nullable LocalDate nextFollowUpOn;

        static Draft of(SalesState s) {
            var d = new Draft();
            d.stage = s.stage();
            d.lostReason = s.lostReason() == null ? "" : s.lostReason();
            d.expectedCloseOn = s.expectedCloseOn();
            d.expectedDealSize = s.expectedDealSize();
            d.need = s.need();
            d.customerType = s.customerType();
            d.nextFollowUpOn = s.nextFollowUpOn();
            return d;
        }

        SalesState toState() {
            return new SalesState(stage, lostReason.isBlank() ? null : lostReason, expectedCloseOn, expectedDealSize,
                    need, customerType, nextFollowUpOn);
        }

        @Nullable SalesStage getStage() {
            return stage;
        }

        void setStage(@Nullable SalesStage stage) {
            this.stage = stage;
        }

        String getLostReason() {
            return lostReason;
        }

        void setLostReason(@Nullable String lostReason) {
            this.lostReason = lostReason == null ? "" : lostReason;
        }

        @Nullable LocalDate getExpectedCloseOn() {
            return expectedCloseOn;
        }

        void setExpectedCloseOn(@Nullable LocalDate expectedCloseOn) {
            this.expectedCloseOn = expectedCloseOn;
        }

        @Nullable BigDecimal getExpectedDealSize() {
            return expectedDealSize;
        }

        void setExpectedDealSize(@Nullable BigDecimal expectedDealSize) {
            this.expectedDealSize = expectedDealSize;
        }

        @Nullable SalesNeed getNeed() {
            return need;
        }

        void setNeed(@Nullable SalesNeed need) {
            this.need = need;
        }

        @Nullable CustomerType getCustomerType() {
            return customerType;
        }

        void setCustomerType(@Nullable CustomerType customerType) {
            this.customerType = customerType;
        }

        @Nullable LocalDate getNextFollowUpOn() {
            return nextFollowUpOn;
        }

        void setNextFollowUpOn(@Nullable LocalDate nextFollowUpOn) {
            this.nextFollowUpOn = nextFollowUpOn;
        }
    }
}
