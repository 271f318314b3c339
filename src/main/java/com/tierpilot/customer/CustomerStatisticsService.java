package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.persistence.CustomerStatisticsQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Headline figures of a company's customers and orders, for the modules that guide a new company. */
@Service
@Transactional(readOnly = true)
public class CustomerStatisticsService {

    private final CustomerStatisticsQueries queries;

    CustomerStatisticsService(CustomerStatisticsQueries queries) {
        this.queries = queries;
    }

    /** The company's customers and orders (refunds and cancellations included), and the dates the orders span. */
    public OrderSpan orderSpan(TenantId tenant) {
        return queries.orderSpan(tenant);
    }
}
