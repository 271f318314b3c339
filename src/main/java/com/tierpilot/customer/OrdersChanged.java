package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import java.util.Set;

/**
 * Orders of these customers were written or changed (an order batch of the REST API, the demo's orders), published
 * in the transaction that writes them: a listener that records something in it commits or rolls back with the
 * orders. Segmentation listens for its intraday runs (issue 21).
 */
public record OrdersChanged(TenantId tenant, Set<Long> customerIds) {

    public OrdersChanged {
        customerIds = Set.copyOf(customerIds);
    }
}
