// The tree-shaken ECharts bundle (scripts/echarts-entry.js) has every chart type
// and component the app relies on (src/adapters/charts.rs: radar and bar series,
// title, tooltip, legend, grid, radar, markLine; SVG renderer). If the UI starts
// using another series or component, add it to echarts-entry.js and to this table.
// The bundle sits only in the results app's folder, named by its page's
// <meta name="swanilai-charts">, and is loaded on demand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, gotoApp, baseUrl } from './lib.mjs';

const OPTIONS = {
  radar: {
    title: { text: 'radar' }, tooltip: { renderMode: 'richText' }, legend: {},
    radar: { indicator: [{ name: 'A', max: 5 }, { name: 'B', max: 5 }, { name: 'C', max: 5 }] },
    series: [{ type: 'radar', data: [{ name: 'x', value: [1, 4, 3] }] }],
  },
  bar: {
    grid: {}, tooltip: { renderMode: 'richText', trigger: 'axis' }, legend: {},
    xAxis: { type: 'category', data: ['Kebijakan', 'Tata Kelola'] }, yAxis: { type: 'value', max: 5 },
    series: [{
      type: 'bar',
      data: [2.5, 3.1],
      markLine: { data: [{ yAxis: 2.6 }] },
    }],
  },
};

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const renderer of ['svg']) {
  test(`echarts renders radar and bar (with markLine) with the ${renderer} renderer`, async () => {
    const { context, page, problems } = await openPage(browser);
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    try {
      await gotoApp(page, 'hasil/', { selector: 'main' });
      // The results app's first screen does not load ECharts; a results screen does, from
      // the file its page names.
      assert.equal(await page.evaluate(() => typeof globalThis.echarts), 'undefined');
      const bundle = await page.locator('meta[name="swanilai-charts"]').getAttribute('content');
      assert.match(bundle, /^\.\/echarts-[0-9a-f]{16}\.js$/);
      await page.addScriptTag({ url: `${baseUrl()}hasil/${bundle.slice(2)}` });
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
