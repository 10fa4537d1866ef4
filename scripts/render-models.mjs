#!/usr/bin/env node
// Renders every processes/*.bpmn to docs/images/<process-id>.png with bpmn-js in headless Chromium.
// Usage: npm run render:models   (or: node scripts/render-models.mjs [file.bpmn ...])
// Warns about labels that collide as bpmn-js draws them (text on another label or on a flow node).
//
// Uses the machine's Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH); nothing downloads a browser.
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const outDir = path.join(root, 'docs', 'images');

if (!existsSync(executablePath)) {
  console.error(`render-models: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}

const args = process.argv.slice(2);
const models = args.length > 0
  ? args.map((file) => path.resolve(file))
  : (await readdir(path.join(root, 'processes'))).filter((f) => f.endsWith('.bpmn')).sort()
      .map((f) => path.join(root, 'processes', f));

const viewerScript = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const viewerCss = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
  .map((f) => require.resolve(`bpmn-js/dist/assets/${f}`));

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let failed = false;
try {
  await mkdir(outDir, { recursive: true });
  for (const model of models) {
    const xml = await readFile(model, 'utf8');
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
    try {
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
        <style>html, body { margin: 0; background: #fff; }
          #canvas { position: absolute; left: 0; top: 0; }
          .djs-container, svg { font-family: "Noto Sans CJK SC", "Noto Sans", Arial, sans-serif; }</style>
        </head><body><div id="canvas"></div></body></html>`);
      for (const css of viewerCss) {
        await page.addStyleTag({ path: css });
      }
      await page.addScriptTag({ path: viewerScript });
      const result = await page.evaluate(async (diagramXml) => {
        const viewer = new window.BpmnJS({ container: '#canvas' });
        const { warnings } = await viewer.importXML(diagramXml);
        const canvas = viewer.get('canvas');
        const box = canvas.getActiveLayer().getBBox();
        const margin = 20;
        const width = Math.ceil(box.width + 2 * margin);
        const height = Math.ceil(box.height + 2 * margin);
        const container = document.getElementById('canvas');
        container.style.width = `${width}px`;
        container.style.height = `${height}px`;
        canvas.resized();
        canvas.viewbox({ x: box.x - margin, y: box.y - margin, width, height });
        const processIds = viewer.getDefinitions().rootElements
          .filter((e) => e.$type === 'bpmn:Process').map((e) => e.id);
        // labels as bpmn-js draws them: none may lie on another label or on a flow node
        const registry = viewer.get('elementRegistry');
        const labels = registry.filter((e) => e.type === 'label').map((e) => {
          const text = registry.getGraphics(e).querySelector('text');
          const b = text ? text.getBBox() : { x: 0, y: 0, width: 0, height: 0 };
          return { id: e.businessObject.id, x: e.x + b.x, y: e.y + b.y, width: b.width, height: b.height };
        }).filter((l) => l.width > 0);
        const shapes = registry.filter((e) => e.type !== 'label' && !e.waypoints && e.businessObject.$instanceOf('bpmn:FlowNode')
          && !(e.type === 'bpmn:SubProcess'));
        const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        const collisions = [];
        labels.forEach((l, i) => {
          labels.slice(i + 1).filter((o) => hit(l, o)).forEach((o) => collisions.push(`label of ${l.id} on label of ${o.id}`));
          shapes.filter((s) => hit(l, s)).forEach((s) => collisions.push(`label of ${l.id} on ${s.id}`));
        });
        return { warnings: warnings.map((w) => w.message), width, height, processIds, collisions };
      }, xml);
      if (result.collisions.length > 0) {
        console.warn(`${path.basename(model)}: labels that collide as drawn (npm run layout:models places them apart):\n  ${result.collisions.join('\n  ')}`);
      }
      if (result.warnings.length > 0) {
        console.warn(`${path.basename(model)}: bpmn-js import warnings:\n  ${result.warnings.join('\n  ')}`);
      }
      await page.setViewportSize({ width: result.width, height: result.height });
      const processId = result.processIds[0] || path.basename(model, '.bpmn');
      const out = path.join(outDir, `${processId}.png`);
      await page.locator('#canvas').screenshot({ path: out });
      console.log(`${path.relative(root, model)} -> ${path.relative(root, out)} (${result.width}x${result.height})`);
    } catch (error) {
      failed = true;
      console.error(`${path.relative(root, model)}: ${error.message}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
