// Tree-shaken ECharts 5.5.1 for Swanilai.
//
// Why: the full dist/echarts.min.js is ~1 MB (333 KB gzip) and ~75 % of the page
// weight; charming only needs the global `echarts` object with the parts the app
// uses registered. Add a chart type or component here (and rebuild with
// `node scripts/build-echarts.mjs`) before using it from Rust, otherwise
// echarts silently ignores the option / logs "Component X is used but not imported".
//
// Version is pinned exactly (5.5.1) in package.json: charming 0.6 is built for it.
import * as echarts from 'echarts/core';
import { RadarChart, BarChart, GaugeChart } from 'echarts/charts';
import {
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  RadarComponent,
  MarkLineComponent,
  MarkAreaComponent,
  DatasetComponent,
  AriaComponent,
} from 'echarts/components';
// Both renderers: Canvas is the default on screen; SVG gives crisp print/PDF
// output and is selectable per chart via echarts.init(el, theme, { renderer: 'svg' }).
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  RadarChart,
  BarChart,
  GaugeChart,
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  RadarComponent,
  MarkLineComponent,
  MarkAreaComponent,
  DatasetComponent,
  AriaComponent,
  CanvasRenderer,
  SVGRenderer,
]);

// charming's WasmRenderer calls the global `echarts.init(...)`, so expose it.
globalThis.echarts = echarts;
