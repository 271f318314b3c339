package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.persistence.CustomerProfileQueries;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one customer and its orders, always within the caller's tenant. */
@Service
@Transactional(readOnly = true)
public class CustomerProfileService {

    private final CustomerProfileQueries queries;

    CustomerProfileService(CustomerProfileQueries queries) {
        this.queries = queries;
    }

    public Optional<CustomerProfile> byCode(TenantId tenant, String code) {
        return queries.byCode(tenant, code);
    }

    public Optional<CustomerProfile> byId(TenantId tenant, long id) {
        return queries.byId(tenant, id);
    }

    /** A page of the customer's orders and refunds, newest first. */
    public List<OrderRow> orders(TenantId tenant, long customerId, int offset, int limit) {
        return queries.orders(tenant, customerId, offset, limit);
    }

    public int countOrders(TenantId tenant, long customerId) {
        return queries.countOrders(tenant, customerId);
    }
}
