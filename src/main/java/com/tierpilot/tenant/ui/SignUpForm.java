package com.tierpilot.tenant.ui;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.tenant.SignUpCommand;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** The sign-up form. It validates its input and fires a {@link SignUpEvent}; the view calls the service. */
class SignUpForm extends FormLayout {

    /** Currencies offered first; any ISO 4217 code can be chosen. */
    private static final List<String> COMMON_CURRENCIES = List.of("CNY", "HKD", "TWD", "USD", "EUR", "GBP", "JPY",
            "KRW", "SGD", "MYR", "THB", "AUD", "CAD");

    final TextField companyName = new TextField();
    final TextField yourName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final ComboBox<ZoneId> timeZone = new ComboBox<>();
    final ComboBox<Currency> currency = new ComboBox<>();
    final Select<Locale> language = new Select<>();
    final Button submit = new Button();

    private final Binder<Bean> binder = new Binder<>(Bean.class);
    private boolean timeZoneChosen;

    SignUpForm() {
        companyName.setLabel(getTranslation("signup.companyName"));
        companyName.setId("signup-company");
        yourName.setLabel(getTranslation("signup.yourName"));
        yourName.setId("signup-name");
        email.setLabel(getTranslation("signup.email"));
        email.setId("signup-email");
        password.setLabel(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.passwordHelp"));
        password.setId("signup-password");
        timeZone.setLabel(getTranslation("signup.timeZone"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        timeZone.setItemLabelGenerator(ZoneId::getId);
        timeZone.setId("signup-timezone");
        timeZone.addValueChangeListener(change -> timeZoneChosen |= change.isFromClient());
        currency.setLabel(getTranslation("signup.currency"));
        currency.setItems(Currency.getAvailableCurrencies().stream().sorted(Comparator
                .comparing((Currency c) -> COMMON_CURRENCIES.contains(c.getCurrencyCode())
                        ? COMMON_CURRENCIES.indexOf(c.getCurrencyCode()) : Integer.MAX_VALUE)
                .thenComparing(Currency::getCurrencyCode)).toList());
        currency.setItemLabelGenerator(c -> c.getCurrencyCode() + " · " + c.getDisplayName(getLocale()));
        currency.setId("signup-currency");
        language.setLabel(getTranslation("signup.language"));
        language.setItems(SupportedLocales.ALL);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.toLanguageTag()));
        language.setId("signup-language");
        submit.setText(getTranslation("signup.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("signup-submit");
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER);

        String required = getTranslation("validation.required");
        binder.forField(companyName).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("validation.maxLength", 120), 1, 120))
                .bind(Bean::getCompanyName, Bean::setCompanyName);
        binder.forField(yourName).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("validation.maxLength", 120), 1, 120))
                .bind(Bean::getYourName, Bean::setYourName);
        binder.forField(email).asRequired(required)
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(Bean::getEmail, Bean::setEmail);
        binder.forField(password).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("password.tooShort", 8), 8, null))
                .bind(Bean::getPassword, Bean::setPassword);
        binder.forField(timeZone).asRequired(required).bind(Bean::getTimeZone, Bean::setTimeZone);
        binder.forField(currency).asRequired(required).bind(Bean::getCurrency, Bean::setCurrency);
        binder.forField(language).asRequired(required).bind(Bean::getLanguage, Bean::setLanguage);

        Bean initial = new Bean();
        initial.setTimeZone(ZoneId.of("Asia/Shanghai"));
        initial.setCurrency(Currency.getInstance("CNY"));
        initial.setLanguage(SupportedLocales.closest(getLocale()));
        binder.setBean(initial);

        add(companyName, yourName, email, password, timeZone, currency, language, submit);
        setColspan(submit, 2);
        submit.addClickListener(click -> {
            if (binder.validate().isOk()) {
                Bean bean = binder.getBean();
                fireEvent(new SignUpEvent(this, new SignUpCommand(bean.getCompanyName(), bean.getYourName(),
                        bean.getEmail(), bean.getPassword(), bean.getTimeZone(), bean.getCurrency(),
                        bean.getLanguage())));
            }
        });
    }

    /** Sets the time zone the browser reported, unless the user already picked one. */
    void suggestTimeZone(ZoneId zone) {
        if (!timeZoneChosen) {
            timeZone.setValue(zone);
        }
    }

    Registration addSignUpListener(com.vaadin.flow.component.ComponentEventListener<SignUpEvent> listener) {
        return addListener(SignUpEvent.class, listener);
    }

    static final class SignUpEvent extends ComponentEvent<SignUpForm> {
        private final SignUpCommand command;

        SignUpEvent(SignUpForm source, SignUpCommand command) {
            super(source, false);
            this.command = command;
        }

        SignUpCommand command() {
            return command;
        }
    }

    /** The form's editable state. */
    static final class Bean {
        private String companyName = "";
        private String yourName = "";
        private String email = "";
        private String password = "";
        private ZoneId timeZone = ZoneId.of("Asia/Shanghai");
        private Currency currency = Currency.getInstance("CNY");
        private Locale language = SupportedLocales.CHINESE;

        String getCompanyName() {
            return companyName;
        }

        void setCompanyName(String companyName) {
            this.companyName = companyName;
        }

        String getYourName() {
            return yourName;
        }

        void setYourName(String yourName) {
            this.yourName = yourName;
        }

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        String getPassword() {
            return password;
        }

        void setPassword(String password) {
            this.password = password;
        }

        ZoneId getTimeZone() {
            return timeZone;
        }

        void setTimeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
        }

        Currency getCurrency() {
            return currency;
        }

        void setCurrency(Currency currency) {
            this.currency = currency;
        }

        Locale getLanguage() {
            return language;
        }

        void setLanguage(Locale language) {
            this.language = language;
        }
    }
}
