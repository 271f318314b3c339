package com.tierpilot.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/** Customers and orders as a shop would send them. */
public final class CustomerFixtures {

    private CustomerFixtures() {
    }

    public static CustomerRecord customer(String code, String name, String region) {
        return new CustomerRecord(code, name, null, null, null, null, region, null, null, null, null, Set.of(), null,
                LocalDate.of(2025, 1, 1), true, Map.of());
    }

    public static OrderRecord order(String orderNo, String customerCode, LocalDateTime at, String amount) {
        return new OrderRecord(orderNo, customerCode, at, new BigDecimal(amount), 1, null, null,
                OrderStatus.COMPLETED);
    }

    public static OrderRecord refund(String orderNo, String customerCode, LocalDateTime at, String amount) {
        return new OrderRecord(orderNo, customerCode, at, new BigDecimal(amount).negate(), 1, null, null,
                OrderStatus.REFUNDED);
    }
}
