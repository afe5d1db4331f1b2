// The tree-shaken ECharts bundle (scripts/echarts-entry.js) has every chart type
// and component the app relies on, in both renderers. If the UI starts using
// another series or component, add it to echarts-entry.js and to this table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, gotoApp } from './lib.mjs';

const OPTIONS = {
  radar: {
    title: { text: 'radar' }, tooltip: {}, legend: {}, aria: { enabled: true },
    radar: { indicator: [{ name: 'A', max: 5 }, { name: 'B', max: 5 }, { name: 'C', max: 5 }] },
    series: [{ type: 'radar', data: [{ name: 'x', value: [1, 4, 3] }] }],
  },
  bar: {
    grid: {}, tooltip: {}, legend: {}, aria: { enabled: true },
    dataset: { source: [['d', 'v'], ['Kebijakan', 2.5], ['Tata Kelola', 3.1]] },
    xAxis: { type: 'category' }, yAxis: { type: 'value', max: 5 },
    series: [{
      type: 'bar',
      markLine: { data: [{ yAxis: 2.6 }] },
      markArea: { data: [[{ yAxis: 3.5 }, { yAxis: 4.2 }]] },
    }],
  },
  gauge: { series: [{ type: 'gauge', min: 0, max: 5, data: [{ value: 3.2 }] }] },
};

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const renderer of ['canvas', 'svg']) {
  test(`echarts renders radar, bar (dataset, markLine, markArea) and gauge with the ${renderer} renderer`, async () => {
    const { context, page, problems } = await openPage(browser);
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    try {
      await gotoApp(page, '', { selector: 'main' });
      const out = await page.evaluate(({ options, renderer }) => {
        const res = {};
        for (const [name, option] of Object.entries(options)) {
          const el = document.createElement('div');
          el.style.cssText = 'width:400px;height:300px';
          document.body.append(el);
          const chart = echarts.init(el, null, { renderer, animation: false });
          chart.setOption({ animation: false, ...option });
          res[name] = {
            // Registered series types show up as models; a missing one is silently dropped.
            series: chart.getModel().getSeries().map((s) => s.subType),
            drawn: renderer === 'svg' ? el.querySelectorAll('svg path, svg text').length : el.querySelectorAll('canvas').length,
          };
          chart.dispose();
          el.remove();
        }
        return res;
      }, { options: OPTIONS, renderer });
      for (const name of Object.keys(OPTIONS)) {
        assert.deepEqual(out[name].series, [name], `${name} series registered`);
        assert.ok(out[name].drawn > 0, `${name} drew something`);
      }
      assert.deepEqual(warnings.filter((w) => /ECharts|echarts/.test(w)), []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
