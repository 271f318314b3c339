package com.tierpilot.customer.api;

import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads one order of a batch (see {@link OrderItem} for the fields) into an {@link OrderRecord}. */
final class OrderItems {

    /** The fields an order item may have; {@link OrderItem} documents each. */
    static final Set<String> FIELDS = Set.of("orderNo", "customerCode", "orderedAt", "amount", "quantity", "status",
            "category", "channel");
    /** Amounts are stored as decimal(14,2). */
    static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");
    static final int MAX_QUANTITY = 1_000_000;
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private final ZoneId zone;
    private final LocalDateTime latest;

    /**
     * @param zone the tenant's time zone, in which order times are kept
     * @param now the tenant's local date-time; an order may lie at most a day after it (clocks and zones differ)
     */
    OrderItems(ZoneId zone, LocalDateTime now) {
        this.zone = zone;
        this.latest = now.plusDays(1);
    }

    Optional<OrderRecord> read(ItemReader item) {
        item.rejectUnknownFields(FIELDS, "an order");
        item.required("orderNo", "customerCode", "orderedAt", "amount");
        String orderNo = item.identifier("orderNo", 64);
        String customerCode = item.identifier("customerCode", 64);
        LocalDateTime orderedAt = item.parsed("orderedAt", 64, this::orderedAt, "an ISO-8601 date (2025-03-01),"
                + " local date-time (2025-03-01T14:30:00) or date-time with offset (2025-03-01T06:30:00Z),"
                + " from 1970 to now");
        BigDecimal amount = item.decimal("amount", 2, AMOUNT_LIMIT);
        Integer quantity = item.wholeNumber("quantity", 0, MAX_QUANTITY);
        OrderStatus status = Objects.requireNonNullElse(item.parsed("status", 12, OrderItems::status,
                "one of COMPLETED, REFUNDED, CANCELLED"), OrderStatus.COMPLETED);
        String category = item.text("category", 100);
        String channel = item.text("channel", 60);
        if (amount != null && status == OrderStatus.REFUNDED && amount.signum() >= 0) {
            item.error("amount", "must be negative for a REFUNDED order: a refund is its own order with a negative"
                    + " amount");
        } else if (amount != null && status != OrderStatus.REFUNDED && amount.signum() < 0) {
            item.error("amount", "may be negative only for a REFUNDED order");
        }
        if (!item.valid()) {
            return Optional.empty();
        }
        return Optional.of(new OrderRecord(Objects.requireNonNull(orderNo), Objects.requireNonNull(customerCode),
                Objects.requireNonNull(orderedAt), Objects.requireNonNull(amount),
                Objects.requireNonNullElse(quantity, 1), category, channel, status));
    }

    /**
     * A date means the start of that day; a local date-time is in the tenant's zone; a date-time with an offset or a
     * zone is converted to the tenant's zone. Seconds are the finest unit kept.
     */
    LocalDateTime orderedAt(String text) {
        LocalDateTime local;
        if (text.length() == 10) {
            local = LocalDate.parse(text).atStartOfDay();
        } else {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                    LocalDateTime::from);
            local = parsed instanceof ZonedDateTime zoned ? zoned.withZoneSameInstant(zone).toLocalDateTime()
                    : (LocalDateTime) parsed;
        }
        if (local.isAfter(latest) || local.toLocalDate().isBefore(EARLIEST)) {
            throw new IllegalArgumentException(text);
        }
        return local.truncatedTo(ChronoUnit.SECONDS);
    }

    private static OrderStatus status(String text) {
        return OrderStatus.valueOf(text.toUpperCase(Locale.ROOT));
    }
}
