package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.persistence.CustomerSearchQueries;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer list: filtered, sorted and paged in SQL. Counts stop at {@link #COUNT_LIMIT}: counting every
 * customer of a large company on each change of a filter would read the whole table.
 */
@Service
@Transactional(readOnly = true)
public class CustomerSearchService {

    public static final int COUNT_LIMIT = 10_000;
    private static final int CHOICES = 500;

    private final CustomerSearchQueries sql;

    CustomerSearchService(CustomerSearchQueries sql) {
        this.sql = sql;
    }

    public List<CustomerRow> page(TenantId tenant, CustomerFilter filter, CustomerSort sort, boolean ascending,
            int offset, int limit) {
        return sql.page(tenant, filter, sort.orderBy(ascending), offset, Math.min(limit, 500));
    }

    public CustomerCount count(TenantId tenant, CustomerFilter filter) {
        long counted = sql.count(tenant, filter, COUNT_LIMIT);
        return counted > COUNT_LIMIT ? new CustomerCount(COUNT_LIMIT, true) : new CustomerCount(counted, false);
    }

    /** The regions of the tenant's customers (at most 500), for the filter. */
    public List<String> regions(TenantId tenant) {
        return sql.regions(tenant, CHOICES);
    }

    /** The tags in use (at most 500), for the filter. */
    public List<String> tags(TenantId tenant) {
        return sql.tags(tenant, CHOICES);
    }
}
