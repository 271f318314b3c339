package com.tierpilot.analytics;

import static com.tierpilot.customer.CustomerFixtures.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Shops for the dashboard tests. */
public final class DashboardFixtures {

    private DashboardFixtures() {
    }

    /**
     * Ten buyers, {@code prefix}1 to {@code prefix}10: customer c bought c times in the 100 days before {@code d},
     * 100 × c each time, so that its monetary value is 100 c² and the ten bring 38,500 in all.
     */
    public static void tenBuyers(CustomerBulkService customers, TenantId shop, String prefix, LocalDate d) {
        List<OrderRecord> orders = new ArrayList<>();
        for (int c = 1; c <= 10; c++) {
            customers.upsertCustomers(shop, List.of(customer(prefix + c, "Customer " + c, "上海")));
            for (int o = 0; o < c; o++) {
                orders.add(new OrderRecord(prefix + c + "-" + o, prefix + c, d.minusDays(10L * c + o).atTime(12, 0),
                        BigDecimal.valueOf(100L * c), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertOrders(shop, orders);
    }
}
