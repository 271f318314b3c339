/**
 * Prospects and their A-E grades (issue 20): the seed's salesperson layering. The sales state itself belongs to
 * the customer (set by the customer page, the API and imports); this module grades it every night by the
 * company's thresholds, words stages and customer types the company's way, and shows and edits the state on the
 * customer page.
 */
@ApplicationModule(displayName = "Prospects and grades", allowedDependencies = {"base", "tenant", "customer",
    "scheduling", "segmentation"})
@NullMarked
package com.tierpilot.sales;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
