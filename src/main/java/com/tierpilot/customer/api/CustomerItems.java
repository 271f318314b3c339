package com.tierpilot.customer.api;

import com.tierpilot.base.UserId;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.Gender;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads one customer of a batch (see {@link CustomerItem} for the fields) into a {@link CustomerRecord}. */
final class CustomerItems {

    /** The fields a customer item may have; {@link CustomerItem} documents each. */
    static final Set<String> FIELDS = Set.of("code", "name", "phone", "email", "gender", "birthday", "region", "city",
            "industry", "companySize", "channel", "tags", "accountManager", "marketingConsent", "smsConsent", "emailConsent", "consentGivenAt",
            "attributes");
    static final int MAX_TAGS = 100;
    static final int MAX_ATTRIBUTES = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    private final LocalDate today;
    private final Instant now;
    private final Function<String, Optional<UserId>> accountManagers;

    /** A valid item: the customer, and its consent per channel when the item gives one (issue 19). */
    record Item(int index, CustomerRecord customer, CustomerBulkService.@Nullable Consent consent) {
    }

    /**
     * @param today the tenant's local date: the creation date of new customers and the latest birthday
     * @param now the time of the request: consent without a time was given then, and none is given later
     * @param accountManagers the user an account manager's e-mail address names, if they may be one
     */
    CustomerItems(LocalDate today, Instant now, Function<String, Optional<UserId>> accountManagers) {
        this.today = today;
        this.now = now;
        this.accountManagers = accountManagers;
    }

    Optional<Item> read(ItemReader item) {
        item.rejectUnknownFields(FIELDS, "a customer");
        item.required("code");
        String code = item.identifier("code", 64);
        String name = item.text("name", 200);
        String phone = item.text("phone", 40);
        String email = item.parsed("email", 254, CustomerItems::email, "an e-mail address, e.g. li.na@example.com");
        Gender gender = item.parsed("gender", 10, CustomerItems::gender, "one of M, F, male, female, 男, 女");
        LocalDate birthday = item.parsed("birthday", 10, this::birthday,
                "an ISO-8601 date (yyyy-MM-dd) from 1900-01-01 to today, e.g. 1990-05-20");
        String region = item.text("region", 100);
        String city = item.text("city", 100);
        String industry = item.text("industry", 100);
        String companySize = item.text("companySize", 40);
        String channel = item.text("channel", 60);
        Set<String> tags = new HashSet<>(item.texts("tags", MAX_TAGS, 60));
        UserId accountManager = item.parsed("accountManager", 254, this::accountManager,
                "the e-mail address of an active user of your company");
        Boolean consent = item.bool("marketingConsent");
        Boolean smsConsent = item.bool("smsConsent");
        Boolean emailConsent = item.bool("emailConsent");
        Instant consentAt = item.parsed("consentGivenAt", 40, this::consentTime,
                "an ISO-8601 date-time with an offset, not in the future, e.g. 2026-12-01T10:30:00+08:00");
        Map<String, String> attributes = item.namedTexts("attributes", MAX_ATTRIBUTES, 60, 500);
        if (!item.valid()) {
            return Optional.empty();
        }
        CustomerRecord customer = new CustomerRecord(Objects.requireNonNull(code), name, phone, email, gender,
                birthday, region, city, industry, companySize, channel, tags, accountManager, today, consent,
                attributes);
        return Optional.of(new Item(item.index(), customer, smsConsent == null && emailConsent == null ? null
                : new CustomerBulkService.Consent(code, smsConsent, emailConsent, consentAt == null ? now
                        : consentAt)));
    }

    private Instant consentTime(String text) {
        Instant at = OffsetDateTime.parse(text).toInstant();
        if (at.isAfter(now)) {
            throw new IllegalArgumentException(text);
        }
        return at;
    }

    private static String email(String text) {
        if (!EMAIL.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    /** M, F, male, female, 男 or 女, in any case. */
    static Gender gender(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "m", "male", "男" -> Gender.MALE;
            case "f", "female", "女" -> Gender.FEMALE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private LocalDate birthday(String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.isBefore(EARLIEST_BIRTHDAY) || date.isAfter(today)) {
            throw new IllegalArgumentException(text);
        }
        return date;
    }

    private UserId accountManager(String email) {
        return accountManagers.apply(email).orElseThrow(() -> new IllegalArgumentException(email));
    }
}
