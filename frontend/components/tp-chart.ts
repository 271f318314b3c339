/*
 * <tp-chart>: one Apache ECharts chart, rendered as SVG.
 *
 * The server (com.tierpilot.base.ui.chart.EChart) sets `option` as a JSON string: the ECharts option with its data
 * and its labels already translated. The element adds a "save as PNG" button to the chart's toolbox, uses the
 * ECharts locale that matches `locale` (tooltips, toolbox), and reports a click on a bar, cell, point or slice as a
 * `chart-click` event whose detail names the series and the data item.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, FunnelChart, HeatmapChart, LineChart, PieChart,
  DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TitleComponent,
  ToolboxComponent, TooltipComponent, VisualMapComponent, SVGRenderer,
]);

/** A picture icon for the toolbox button (an SVG path). */
const SAVE_ICON = 'path://M4,4h16v16h-16z M4,15l5,-5l4,4l3,-3l4,4 M15,8a1,1 0 1,0 0.01,0';

@customElement('tp-chart')
export class TpChart extends LitElement {
  /** The ECharts option, as JSON. */
  @property({ type: String }) option = '{}';
  /** The user's language tag, e.g. "zh-CN" or "en". */
  @property({ type: String }) locale = 'en';
  /** The tooltip of the "save as PNG" button. */
  @property({ type: String, attribute: 'save-label' }) saveLabel = 'Save as PNG';
  /** The name of the PNG file, without ".png". */
  @property({ type: String, attribute: 'file-name' }) fileName = 'chart';

  private chart?: echarts.ECharts;
  private chartLocale?: string;
  private resizeObserver?: ResizeObserver;

  static styles = css`
    :host { display: block; position: relative; min-height: 12rem; }
    .chart { position: absolute; inset: 0; }
  `;

  render() {
    return html`<div class="chart" part="chart"></div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  protected updated() {
    const container = this.renderRoot.querySelector('.chart') as HTMLElement | null;
    if (!container) {
      return;
    }
    const echartsLocale = this.locale.toLowerCase().startsWith('zh') ? 'ZH' : 'EN';
    if (this.chart && this.chartLocale !== echartsLocale) {
      this.chart.dispose();
      this.chart = undefined;
    }
    if (!this.chart) {
      this.chart = echarts.init(container, undefined, { renderer: 'svg', locale: echartsLocale });
      this.chartLocale = echartsLocale;
      this.chart.on('click', (params: any) => this.dispatchEvent(new CustomEvent('chart-click', {
        detail: {
          seriesIndex: params.seriesIndex ?? -1,
          seriesName: params.seriesName ?? '',
          name: params.name ?? '',
          dataIndex: params.dataIndex ?? -1,
          key: typeof params.data === 'object' && params.data !== null && 'key' in params.data
            ? String(params.data.key) : '',
        },
      })));
    }
    const option = JSON.parse(this.option || '{}');
    option.toolbox = {
      right: 8,
      feature: {
        mySavePng: {
          show: true,
          title: this.saveLabel,
          icon: SAVE_ICON,
          onclick: () => this.savePng(),
        },
      },
    };
    this.chart.setOption(option, { notMerge: true });
  }

  /** The chart as a PNG data URL, drawn at twice its size on a white background. */
  async toPngDataUrl(): Promise<string> {
    const chart = this.chart;
    if (!chart) {
      throw new Error('The chart is not drawn yet');
    }
    const svg = chart.renderToSVGString();
    const image = new Image();
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
    });
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    await loaded;
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = chart.getWidth() * scale;
    canvas.height = chart.getHeight() * scale;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  }

  /** Downloads the chart as "<fileName>.png". */
  async savePng() {
    const link = document.createElement('a');
    link.href = await this.toPngDataUrl();
    link.download = `${this.fileName}.png`;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tp-chart': TpChart;
  }
}
