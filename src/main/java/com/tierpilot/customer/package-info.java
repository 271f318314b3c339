/**
 * Customers and their orders: the data every segmentation starts from. Bulk writes go through JDBC batches; the
 * intake of staged rows ({@code CustomerIntakeService}, used by the importing module), the customer screens, export
 * and the REST ingestion API build on this module.
 */
@ApplicationModule(displayName = "Customers and orders", allowedDependencies = {"base", "tenant"})
@NullMarked
package com.tierpilot.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
