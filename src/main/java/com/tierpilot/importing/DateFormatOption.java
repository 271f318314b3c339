package com.tierpilot.importing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The date formats an import understands; each accepts an optional time ({@code H:mm} or {@code H:mm:ss}). A date
 * without a time means the start of that day.
 */
public enum DateFormatOption {
    ISO("yyyy-MM-dd", "uuuu-M-d"),
    SLASH_YMD("yyyy/MM/dd", "uuuu/M/d"),
    CHINESE("yyyy年M月d日", "uuuu年M月d日"),
    COMPACT("yyyyMMdd", "uuuuMMdd"),
    DAY_MONTH_YEAR("dd/MM/yyyy", "d/M/uuuu"),
    MONTH_DAY_YEAR("MM/dd/yyyy", "M/d/uuuu"),
    DOTTED_DMY("dd.MM.yyyy", "d.M.uuuu");

    private final String label;
    private final DateTimeFormatter formatter;

    DateFormatOption(String label, String datePattern) {
        this.label = label;
        this.formatter = new DateTimeFormatterBuilder().appendPattern(datePattern)
                .optionalStart().appendLiteral('T').optionalEnd()
                .optionalStart().appendLiteral(' ').optionalEnd()
                .optionalStart().appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
                .optionalEnd()
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    public String label() {
        return label;
    }

    /** The value as a local date-time, or empty when it does not match this format. */
    public Optional<LocalDateTime> parse(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (this == ISO && (v.length() == 19 || v.length() == 16 || v.length() == 10)) {
            Optional<LocalDateTime> fast = fastIso(v);
            if (fast.isPresent()) {
                return fast;
            }
        }
        try {
            TemporalAccessor parsed = formatter.parse(v);
            LocalDate date = LocalDate.from(parsed);
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return Optional.of(LocalDateTime.of(date, java.time.LocalTime.from(parsed)));
            }
            return Optional.of(date.atStartOfDay());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code yyyy-MM-dd[ HH:mm[:ss]]} without the general parser: the shape of most machine exports. */
    private static Optional<LocalDateTime> fastIso(String v) {
        if (v.charAt(4) != '-' || v.charAt(7) != '-' || (v.length() > 10 && v.charAt(10) != ' ' && v.charAt(10) != 'T')
                || (v.length() > 10 && v.charAt(13) != ':') || (v.length() == 19 && v.charAt(16) != ':')) {
            return Optional.empty();
        }
        try {
            int year = digits(v, 0, 4);
            int month = digits(v, 5, 7);
            int day = digits(v, 8, 10);
            int hour = v.length() > 10 ? digits(v, 11, 13) : 0;
            int minute = v.length() > 10 ? digits(v, 14, 16) : 0;
            int second = v.length() == 19 ? digits(v, 17, 19) : 0;
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(v);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Reads a date in any year-first format (ISO, slashes, Chinese, compact). These cannot be mistaken for each
     * other, so they are accepted whatever format was chosen; XLSX date cells arrive in ISO.
     */
    public static Optional<LocalDateTime> parseYearFirst(String value) {
        for (DateFormatOption option : List.of(ISO, SLASH_YMD, CHINESE, COMPACT)) {
            Optional<LocalDateTime> parsed = option.parse(value);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** The first format (in declaration order) that reads every one of the sample values. */
    public static Optional<DateFormatOption> detect(List<String> samples) {
        List<String> values = samples.stream().filter(s -> !s.isBlank()).toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        for (DateFormatOption option : values()) {
            if (values.stream().allMatch(v -> option.parse(v).isPresent())) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }
}
