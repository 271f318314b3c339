package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.vaadin.flow.component.Component;

/**
 * A section of the customer page contributed by another module (segments and tier timeline, predictions, points):
 * the page shows them in {@link #order()}, so that this module does not depend on those that build on it.
 */
public interface CustomerPageSection {

    int order();

    /** The section for one of the tenant's customers, in the current UI's language. */
    Component render(TenantId tenant, long customerId);
}
