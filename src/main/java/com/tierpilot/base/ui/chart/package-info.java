/**
 * The chart component every module may use: {@link com.tierpilot.base.ui.chart.EChart}, an Apache ECharts chart
 * drawn by the {@code <tp-chart>} web component in {@code frontend/components/tp-chart.ts}.
 */
@NullMarked
package com.tierpilot.base.ui.chart;

import org.jspecify.annotations.NullMarked;
