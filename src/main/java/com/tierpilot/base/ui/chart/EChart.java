package com.tierpilot.base.ui.chart;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.JsonNode;

/**
 * An Apache ECharts chart. The server sets the whole ECharts option as JSON, with its labels already translated;
 * the browser draws it as SVG, adds a "save as PNG" button, and reports clicks on a bar, cell, point or slice as
 * {@link ChartClickEvent}s. A data item may carry a {@code key} field next to its {@code value}, which comes back
 * with the click, so that a listener need not map indexes back to its data.
 */
@Tag("tp-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/tp-chart.ts")
public class EChart extends Component implements HasSize {

    /** A chart with the given file name for its PNG download (without ".png"). */
    public EChart(String fileName) {
        getElement().setProperty("fileName", fileName);
        setWidthFull();
        setHeight("22rem");
    }

    /** Replaces the chart's ECharts option. */
    public void setOption(JsonNode option) {
        getElement().setProperty("option", option.toString());
    }

    /** The chart's ECharts option, as JSON. */
    public String getOption() {
        return getElement().getProperty("option", "{}");
    }

    /** Listens for clicks on the chart's data items. */
    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().setProperty("locale", attachEvent.getUI().getLocale().toLanguageTag());
        getElement().setProperty("saveLabel", getTranslation("chart.save-png"));
    }

    /**
     * A click on a data item of the chart.
     *
     * @param seriesIndex the index of the series in the option, or -1
     * @param seriesName the series' name
     * @param name the data item's name (its category for a bar, its label for a slice)
     * @param dataIndex the index of the item in its series' data, or -1
     * @param key the item's {@code key} field, or "" without one
     */
    @DomEvent("chart-click")
    public static class ChartClickEvent extends ComponentEvent<EChart> {

        private final int seriesIndex;
        private final String seriesName;
        private final String name;
        private final int dataIndex;
        private final String key;

        public ChartClickEvent(EChart source, boolean fromClient,
                @EventData("event.detail.seriesIndex") int seriesIndex,
                @EventData("event.detail.seriesName") String seriesName,
                @EventData("event.detail.name") String name,
                @EventData("event.detail.dataIndex") int dataIndex,
                @EventData("event.detail.key") String key) {
            super(source, fromClient);
            this.seriesIndex = seriesIndex;
            this.seriesName = seriesName;
            this.name = name;
            this.dataIndex = dataIndex;
            this.key = key;
        }

        public int getSeriesIndex() {
            return seriesIndex;
        }

        public String getSeriesName() {
            return seriesName;
        }

        public String getName() {
            return name;
        }

        public int getDataIndex() {
            return dataIndex;
        }

        public String getKey() {
            return key;
        }
    }
}
