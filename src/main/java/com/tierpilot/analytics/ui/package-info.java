/**
 * The dashboard: KPI cards and charts, the movers dialog, the getting-started panel and the sample-data banner.
 */
@NullMarked
package com.tierpilot.analytics.ui;

import org.jspecify.annotations.NullMarked;
