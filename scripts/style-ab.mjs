// Where a catalog keystroke's rendering goes, and what a style change does to it, in one page
// (issue 16). Types the shared harness's queries into a running portal (or a peer: COUNT=...),
// round by round under each stylesheet given (the first round of each set has none), and prints
// per keystroke: script (the input event and the microtasks it queues), style + layout (forced
// by reading a size) and the rest (prepaint, paint and the wait to the frame, like the harness's
// rAF + 0 ms task). Interleaving the variants in one page keeps the noise between pages and
// machines out of the comparison; a build change still needs the harness's A/B.
//
//   node scripts/style-ab.mjs http://127.0.0.1:3300 [rounds] ['CSS' ...]
//   PER=1    also each prefix's three figures (per variant index)
//   TRACE=1  also the main thread's lifecycle phases from a trace (ms per keystroke)
//   Q=a,b    other queries; COUNT=selector: the count element (a peer's is [data-testid=count])
import { chromium } from '@playwright/test';

const [url = 'http://127.0.0.1:3300', roundsArg, ...styles] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 6);
const variants = ['', ...styles];
const countSel = process.env.COUNT ?? '[data-testid=result-count]';
const queries = process.env.Q?.split(',') ?? ['身份证', 'sfz', 'shenfenzheng', 'wfz', 'jiashizheng', '护照', 'flyz', '公证', 'hukou', '居住证'];
const phases = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'LocalFrameView::RunPaintLifecyclePhase', 'WebFrameWidgetImpl::UpdateLifecycle'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(url);
await page.waitForFunction((c) => /\d/.test(document.querySelector(c)?.textContent ?? ''), countSel);
await page.waitForTimeout(1500); // the portal's warm-up searches run in idle time after the first count
if (process.env.TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'blink.user_timing'] });

const { sums, perPrefix } = await page.evaluate(
  async ({ queries, variants, rounds }) => {
    const input = document.querySelector('input[type=search]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const style = document.head.appendChild(document.createElement('style'));
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const type = (v) => {
      setValue.call(input, v);
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    };
    const add = (into, key, times) => {
      const s = (into[key] ??= [0, 0, 0, 0]);
      times.forEach((t, i) => (s[i] += t));
      s[3]++;
    };
    const sums = {};
    const perPrefix = {};
    for (let round = 0; round < rounds; round++) {
      for (let v = 0; v < variants.length; v++) {
        style.textContent = variants[v];
        type('');
        performance.mark(`variant-start-${v}`);
        await sleep(100);
        for (const q of queries) {
          const chars = [...q];
          for (let i = 1; i <= chars.length; i++) {
            await sleep(30 + Math.random() * 17);
            const t0 = performance.now();
            type(chars.slice(0, i).join(''));
            // Leptos runs effects in microtasks: let them finish before the clock stops.
            for (let k = 0; k < 30; k++) await null;
            const t1 = performance.now();
            void document.body.offsetHeight;
            const t2 = performance.now();
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            const times = [t1 - t0, t2 - t1, performance.now() - t2];
            add(sums, v, times);
            add(perPrefix, `${v} ${chars.slice(0, i).join('')}`, times);
          }
          type('');
          await sleep(60);
        }
        performance.mark(`variant-end-${v}`);
      }
    }
    return { sums, perPrefix };
  },
  { queries, variants, rounds },
);

const fmt = ([script, layout, rest, n]) =>
  `script ${(script / n).toFixed(2)}  style+layout ${(layout / n).toFixed(2)}  rest ${(rest / n).toFixed(2)}  total ${((script + layout + rest) / n).toFixed(2)} ms`;
const label = (v) => (variants[v] || '(as served)').slice(0, 60).padEnd(60);
if (process.env.PER) for (const [key, s] of Object.entries(perPrefix)) console.log(key.padEnd(16), fmt(s));
variants.forEach((_, v) => console.log(label(v), fmt(sums[v])));

if (process.env.TRACE) {
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const windows = [];
  const starts = {};
  for (const e of events.filter((e) => e.name.startsWith('variant-')).sort((a, b) => a.ts - b.ts)) {
    const v = Number(e.name.split('-').pop());
    if (e.name.includes('start')) starts[v] = e.ts;
    else windows.push([v, starts[v], e.ts]);
  }
  const totals = variants.map(() => new Map());
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== main?.pid || e.tid !== main?.tid || !phases.includes(e.name)) continue;
    const w = windows.find(([, from, to]) => e.ts >= from && e.ts <= to);
    if (w) totals[w[0]].set(e.name, (totals[w[0]].get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const keystrokes = (v) => sums[v][3];
  variants.forEach((_, v) =>
    console.log(label(v), phases.map((p) => `${p.replace(/.*::/, '')} ${((totals[v].get(p) ?? 0) / keystrokes(v)).toFixed(3)}`).join('  ')),
  );
}
await browser.close();
