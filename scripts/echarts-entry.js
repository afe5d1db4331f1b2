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
import { RadarChart, BarChart } from 'echarts/charts';
import {
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  RadarComponent,
  MarkLineComponent,
} from 'echarts/components';
// SVG only: src/adapters/charts.rs draws every chart with it (sharp in print and PDF,
// real text); the canvas renderer would be dead weight.
import { SVGRenderer } from 'echarts/renderers';

// Exactly what src/adapters/charts.rs draws: radar and bar series, with title,
// tooltip, legend, grid, radar coordinates and mark lines (targets).
echarts.use([
  RadarChart,
  BarChart,
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  RadarComponent,
  MarkLineComponent,
  SVGRenderer,
]);

// src/adapters/charts.rs calls the global `echarts.init(...)`, so expose it.
globalThis.echarts = echarts;
