package com.tierpilot.importing;

import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.customer.IntakeRow.CustomerRow;
import com.tierpilot.customer.IntakeRow.LineRow;
import com.tierpilot.importing.ConvertedRow.Accepted;
import com.tierpilot.importing.ConvertedRow.Problem;
import com.tierpilot.importing.ConvertedRow.Rejected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns file rows into staged customers or order lines, checking every field: required values, lengths, dates in
 * the chosen format (ISO dates are always accepted too), amounts as written in Chinese and Western spreadsheets
 * (currency signs, thousands separators, decimal commas), integer quantities, statuses, genders, e-mails and
 * yes/no values. Times are moved from the file's time zone to the tenant's.
 */
final class RowConverter {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,;|、，；/]");
    private static final Pattern CURRENCY = Pattern.compile("(?i)[¥￥$€£\\s\u00a0]|元|rmb|cny|usd|eur");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");
    private static final Set<String> COMPLETED = Set.of("completed", "complete", "paid", "done", "success", "已完成",
            "完成", "已付款", "交易成功", "已支付", "已发货", "已签收");
    private static final Set<String> REFUNDED = Set.of("refunded", "refund", "returned", "已退款", "退款", "退货",
            "已退货", "退款成功");
    private static final Set<String> CANCELLED = Set.of("cancelled", "canceled", "cancel", "void", "已取消", "取消",
            "交易关闭", "已关闭");

    /** Stage, need and customer type as sales teams write them, in both languages; the codes are read too. */
    private static final Map<String, String> STAGES = words("POTENTIAL", "potential", "lead", "prospect", "潜在",
            "潜在客户", "意向客户", "线索", "NEGOTIATING", "negotiating", "negotiation", "in talks", "洽谈", "洽谈中",
            "谈判", "谈判中", "跟进中", "目标客户", "SIGNED", "signed", "won", "closed won", "签约", "已签约",
            "成交", "已成交", "签单", "LOST", "lost", "closed lost", "丢单", "已丢单", "输单", "战败");
    private static final Map<String, String> NEEDS = words("NOW", "now", "clear", "clear need", "target", "明确",
            "明确需求", "有需求", "目标", "FUTURE", "future", "potential", "later", "潜在", "潜在需求", "将来",
            "NONE", "none", "no need", "dead", "无", "无需求", "没有需求", "死");
    private static final Map<String, String> TYPES = words("IDEAL", "ideal", "理想", "理想客户", "GOOD", "good",
            "优质", "优质客户", "良好", "AVERAGE", "average", "ordinary", "一般", "一般客户", "普通", "POOR", "poor",
            "较差", "较差客户", "差", "AVOID", "avoid", "避免", "应避免", "应避免的客户", "黑名单");

    private final ImportSettings settings;
    private final ZoneId tenantZone;
    private final Map<String, Long> managers;
    /** The lines of one order usually share their time: the last value read is kept. */
    private String lastDateText = "";
    private Optional<LocalDateTime> lastDate = Optional.empty();

    /**
     * @param managers the tenant's active users by lower-case e-mail and by display name, for the account manager
     *                 column
     */
    RowConverter(ImportSettings settings, ZoneId tenantZone, Map<String, Long> managers) {
        this.settings = settings;
        this.tenantZone = tenantZone;
        this.managers = managers;
    }

    ConvertedRow convert(SourceRow row) {
        Fields f = new Fields(row);
        ConvertedRow converted = settings.kind() == ImportKind.CUSTOMERS ? customer(f) : line(f);
        return f.problems.isEmpty() ? converted : new Rejected(row.rowNumber(), f.problems, row.raw());
    }

    private ConvertedRow customer(Fields f) {
        String code = f.text(ImportField.CUSTOMER_CODE, 64, true);
        String email = f.text(ImportField.EMAIL, 254, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            f.problem(ImportField.EMAIL, RejectReason.BAD_EMAIL, email);
        }
        Set<String> tags = new LinkedHashSet<>();
        String tagText = f.text(ImportField.TAGS, 2000, false);
        if (tagText != null) {
            for (String tag : TAG_SEPARATORS.split(tagText)) {
                String t = tag.strip();
                if (t.length() > 60) {
                    f.problem(ImportField.TAGS, RejectReason.VALUE_TOO_LONG, t);
                } else if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        settings.attributes().forEach((name, column) -> {
            String value = f.row.cell(column).strip();
            if (value.length() > 500) {
                f.problem(null, RejectReason.VALUE_TOO_LONG, name);
            } else if (!value.isEmpty()) {
                attributes.put(name, value);
            }
        });
        return new Accepted(new CustomerRow(f.row.rowNumber(), code == null ? "" : code, f.text(ImportField.NAME, 200, false),
                f.text(ImportField.PHONE, 40, false), email, gender(f), f.date(ImportField.BIRTHDAY),
                f.text(ImportField.REGION, 100, false), f.text(ImportField.CITY, 100, false),
                f.text(ImportField.INDUSTRY, 100, false), f.text(ImportField.COMPANY_SIZE, 40, false),
                f.text(ImportField.SOURCE_CHANNEL, 60, false), manager(f), f.date(ImportField.CREATED_ON),
                yesNo(f, ImportField.MARKETING_CONSENT), tags, attributes, sales(f),
                yesNo(f, ImportField.SMS_CONSENT), yesNo(f, ImportField.EMAIL_CONSENT), consentAt(f)));
    }

    /**
     * The consent time of the row, read in the file's time zone. The merge takes a time later than the import's as
     * the import's: consent cannot be given in the future.
     */
    private java.time.@Nullable Instant consentAt(Fields f) {
        LocalDateTime at = f.dateTime(ImportField.CONSENT_AT, false);
        return at == null ? null : at.atZone(settings.fileZone()).toInstant();
    }

    /** The sales columns (issue 20), in English or Chinese words; null when the row has none of them. */
    private @Nullable SalesState sales(Fields f) {
        SalesStage stage = word(f, ImportField.SALES_STAGE, SalesStage.class, STAGES);
        String reason = f.text(ImportField.LOST_REASON, SalesStateService.MAX_REASON_LENGTH, false);
        if (stage == SalesStage.LOST && reason == null) {
            f.problem(ImportField.LOST_REASON, RejectReason.MISSING_VALUE, "");
        }
        BigDecimal size = f.decimal(ImportField.EXPECTED_DEAL_SIZE, false);
        if (size != null && size.signum() < 0) {
            f.problem(ImportField.EXPECTED_DEAL_SIZE, RejectReason.BAD_NUMBER, size.toPlainString());
            size = null;
        }
        SalesState state = new SalesState(stage, stage == SalesStage.LOST ? reason : null,
                f.date(ImportField.EXPECTED_CLOSE_ON), size == null ? null : size.setScale(2, RoundingMode.HALF_UP),
                word(f, ImportField.NEED, SalesNeed.class, NEEDS), word(f, ImportField.CUSTOMER_TYPE,
                        CustomerType.class, TYPES), f.date(ImportField.NEXT_FOLLOW_UP_ON));
        return state.isEmpty() ? null : state;
    }

    private <E extends Enum<E>> @Nullable E word(Fields f, ImportField field, Class<E> type, Map<String, String> words) {
        String value = f.text(field, 40, false);
        if (value == null) {
            return null;
        }
        String key = value.strip().toLowerCase(Locale.ROOT);
        String code = words.getOrDefault(key, key.toUpperCase(Locale.ROOT));
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        f.problem(field, RejectReason.BAD_SALES_VALUE, value);
        return null;
    }

    private ConvertedRow line(Fields f) {
        String orderNo = f.text(ImportField.ORDER_NO, 64, true);
        String customer = f.text(ImportField.CUSTOMER_CODE, 64, true);
        LocalDateTime at = f.dateTime(ImportField.ORDERED_AT, true);
        Integer quantity = f.integer(ImportField.QUANTITY, settings.kind() == ImportKind.ORDER_LINES);
        BigDecimal amount;
        if (settings.kind() == ImportKind.ORDER_LINES) {
            BigDecimal price = f.decimal(ImportField.UNIT_PRICE, true);
            amount = price == null || quantity == null ? null
                    : price.multiply(BigDecimal.valueOf(quantity)).setScale(4, RoundingMode.HALF_UP);
        } else {
            BigDecimal value = f.decimal(ImportField.AMOUNT, true);
            amount = value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
        }
        String status = status(f, amount);
        if (amount != null && status != null && status.equals("REFUNDED") && amount.signum() > 0) {
            amount = amount.negate();
        }
        if (!f.problems.isEmpty()) {
            return new Rejected(f.row.rowNumber(), f.problems, f.row.raw());
        }
        return new Accepted(new LineRow(f.row.rowNumber(), orderNo, customer, at, amount,
                quantity == null ? 1 : quantity, f.text(ImportField.CATEGORY, 100, false),
                f.text(ImportField.CHANNEL, 60, false), status, f.text(ImportField.REGION, 100, false)));
    }

    private @Nullable String status(Fields f, @Nullable BigDecimal amount) {
        String value = f.text(ImportField.STATUS, 40, false);
        if (value == null) {
            return settings.kind() == ImportKind.ORDERS && amount != null && amount.signum() < 0 ? "REFUNDED"
                    : settings.kind() == ImportKind.ORDERS ? "COMPLETED" : null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (COMPLETED.contains(v)) {
            return "COMPLETED";
        }
        if (REFUNDED.contains(v)) {
            return "REFUNDED";
        }
        if (CANCELLED.contains(v)) {
            return "CANCELLED";
        }
        f.problem(ImportField.STATUS, RejectReason.BAD_STATUS, value);
        return null;
    }

    private @Nullable String gender(Fields f) {
        String value = f.text(ImportField.GENDER, 20, false);
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (Set.of("m", "male", "man", "男", "先生").contains(v)) {
            return "M";
        }
        if (Set.of("f", "female", "woman", "女", "女士").contains(v)) {
            return "F";
        }
        if (Set.of("u", "unknown", "未知", "保密", "-").contains(v)) {
            return null;
        }
        f.problem(ImportField.GENDER, RejectReason.BAD_GENDER, value);
        return null;
    }

    private @Nullable Boolean yesNo(Fields f, ImportField field) {
        String value = f.text(field, 20, false);
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (Set.of("yes", "y", "true", "1", "是", "同意", "已同意", "√").contains(v)) {
            return true;
        }
        if (Set.of("no", "n", "false", "0", "否", "不同意", "未同意", "×").contains(v)) {
            return false;
        }
        f.problem(field, RejectReason.BAD_YES_NO, value);
        return null;
    }

    private @Nullable Long manager(Fields f) {
        String value = f.text(ImportField.ACCOUNT_MANAGER, 254, false);
        if (value == null) {
            return null;
        }
        Long id = managers.get(value.toLowerCase(Locale.ROOT));
        if (id == null) {
            f.problem(ImportField.ACCOUNT_MANAGER, RejectReason.UNKNOWN_ACCOUNT_MANAGER, value);
        }
        return id;
    }

    /** Words after their code, lower-cased: {@code words("NOW", "now", "明确", "NONE", ...)}. */
    private static Map<String, String> words(String... codesAndWords) {
        Map<String, String> words = new java.util.HashMap<>();
        String code = "";
        for (String w : codesAndWords) {
            if (w.equals(w.toUpperCase(Locale.ROOT)) && w.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                code = w;
            } else {
                words.put(w.toLowerCase(Locale.ROOT), code);
            }
        }
        return Map.copyOf(words);
    }

    /**
     * Reads a decimal as people write it in spreadsheets: {@code ¥1,234.50}, {@code 1 234,50 €}, {@code 1234.5元},
     * {@code (12.00)} for a negative amount. NaN, infinity and text are not numbers.
     */
    static Optional<BigDecimal> decimal(String text) {
        if (isPlainDecimal(text)) {
            BigDecimal number = new BigDecimal(text);
            return number.abs().compareTo(MAX_AMOUNT) > 0 ? Optional.empty() : Optional.of(number);
        }
        String v = CURRENCY.matcher(text.strip()).replaceAll("");
        boolean negative = v.startsWith("(") && v.endsWith(")");
        if (negative) {
            v = v.substring(1, v.length() - 1);
        }
        int comma = v.lastIndexOf(',');
        int dot = v.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            v = comma > dot ? v.replace(".", "").replace(',', '.') : v.replace(",", "");
        } else if (comma >= 0) {
            v = v.matches("-?\\d{1,3}(,\\d{3})+") ? v.replace(",", "") : v.replace(',', '.');
        }
        if (!v.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d{1,3})?") && !v.matches("[-+]?\\.\\d+")) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(v);
        if (number.abs().compareTo(MAX_AMOUNT) > 0) {
            return Optional.empty();
        }
        return Optional.of(negative ? number.negate() : number);
    }

    /** The common case, {@code -12.34}: digits with at most one point and a leading minus. */
    private static boolean isPlainDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > 20) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean point = false;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point && digits) {
                point = true;
            } else {
                return false;
            }
        }
        return digits && text.charAt(length - 1) != '.';
    }

    /** The row's mapped fields, with the problems found while reading them. */
    private final class Fields {
        final SourceRow row;
        final List<Problem> problems = new ArrayList<>();

        Fields(SourceRow row) {
            this.row = row;
        }

        void problem(@Nullable ImportField field, RejectReason reason, String detail) {
            problems.add(new Problem(field, reason, detail.length() > 200 ? detail.substring(0, 200) : detail));
        }

        @Nullable
        String raw(ImportField field) {
            Integer column = settings.columns().get(field);
            if (column == null) {
                return null;
            }
            String value = row.cell(column).strip();
            return value.isEmpty() ? null : value;
        }

        @Nullable
        String text(ImportField field, int maxLength, boolean required) {
            String value = raw(field);
            if (value == null) {
                if (required) {
                    problem(field, RejectReason.MISSING_VALUE, "");
                }
                return null;
            }
            if (value.length() > maxLength) {
                problem(field, RejectReason.VALUE_TOO_LONG, value);
                return null;
            }
            return value;
        }

        @Nullable
        LocalDate date(ImportField field) {
            LocalDateTime at = dateTime(field, false);
            return at == null ? null : at.toLocalDate();
        }

        @Nullable
        LocalDateTime dateTime(ImportField field, boolean required) {
            String value = raw(field);
            if (value == null) {
                if (required) {
                    problem(field, RejectReason.MISSING_VALUE, "");
                }
                return null;
            }
            Optional<LocalDateTime> parsed;
            if (value.equals(lastDateText)) {
                parsed = lastDate;
            } else {
                parsed = settings.dateFormat().parse(value).or(() -> DateFormatOption.parseYearFirst(value));
                lastDateText = value;
                lastDate = parsed;
            }
            if (parsed.isEmpty() || parsed.get().getYear() < 1900 || parsed.get().getYear() > 2200) {
                problem(field, RejectReason.BAD_DATE, value);
                return null;
            }
            if (field != ImportField.ORDERED_AT || settings.fileZone().equals(tenantZone)) {
                return parsed.get();
            }
            return parsed.get().atZone(settings.fileZone()).withZoneSameInstant(tenantZone).toLocalDateTime();
        }

        @Nullable
        BigDecimal decimal(ImportField field, boolean required) {
            String value = raw(field);
            if (value == null) {
                if (required) {
                    problem(field, RejectReason.MISSING_VALUE, "");
                }
                return null;
            }
            Optional<BigDecimal> number = RowConverter.decimal(value);
            if (number.isEmpty()) {
                problem(field, RejectReason.BAD_NUMBER, value);
                return null;
            }
            return number.get();
        }

        @Nullable
        Integer integer(ImportField field, boolean required) {
            String value = raw(field);
            if (value == null) {
                if (required) {
                    problem(field, RejectReason.MISSING_VALUE, "");
                }
                return null;
            }
            try {
                return RowConverter.decimal(value).orElseThrow(() -> new ArithmeticException(value))
                        .stripTrailingZeros().intValueExact();
            } catch (ArithmeticException notAnInteger) {
                problem(field, RejectReason.BAD_QUANTITY, value);
                return null;
            }
        }
    }
}
