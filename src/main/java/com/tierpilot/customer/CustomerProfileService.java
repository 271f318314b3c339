package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.customer.persistence.CustomerProfileQueries;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The customer with this code if the scope reaches it: a customer of another account manager reads exactly like
     * an unknown code (issue 20, data scope).
     */
    public Optional<CustomerProfile> byCode(TenantId tenant, String code, DataScope scope) {
        return queries.byCode(tenant, code, scope);
    }

    /** Of these customer codes, those of another account manager's customers, in lower case; none for all. */
    public Set<String> outOfScope(TenantId tenant, Collection<String> codes, DataScope scope) {
        return queries.outOfScope(tenant, codes, scope);
    }

    /** Of these order numbers, those of another account manager's customers' orders, in lower case. */
    public Set<String> ordersOutOfScope(TenantId tenant, Collection<String> orderNos, DataScope scope) {
        return queries.ordersOutOfScope(tenant, orderNos, scope);
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
