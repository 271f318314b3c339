package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import java.util.Collection;

/**
 * A module that keeps copies of customers' list sort keys (name, region, city, creation date) next to its own rows,
 * so that the customer list can read a filtered, sorted page from one index (issue 21): segmentation copies them
 * into its segment members. The customer module calls every implementation in the transaction that changes those
 * keys, after the change, so that a copy is never older than what the list shows.
 */
public interface CustomerSortKeyCopies {

    /** These customers' sort keys changed in the current transaction: copy them again from the customer rows. */
    void sortKeysChanged(TenantId tenant, Collection<Long> customerIds);
}
