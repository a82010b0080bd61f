// Where a catalog keystroke's time goes: types the shared harness's queries into a running portal
// the way the harness does (value set, then an `input` event; done at the frame after), prints
// key→paint per query and the median, and with --profile the functions with the most self time
// (CDP sampling profiler). Names show only for a wasm with its name section: serve a dist whose
// wasm is scripts/size-report.sh's named twin.
//
//   node scripts/profile-keystrokes.mjs http://127.0.0.1:3300 [--profile | --trace] [--rounds N] [--count SELECTOR]
//                                      [--css 'RULES']
// Q=a,b types those queries instead of the harness's ten.
// --css adds a stylesheet to the page before typing: a quick A/B of a style change, without the
// rebuild that editing a served stylesheet needs (trunk's integrity hashes).
import { chromium } from '@playwright/test';
import { addSelfTimes } from './cdp-profile.mjs';

const args = process.argv.slice(2);
const url = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(rounds|count|css)$/)) ?? 'http://127.0.0.1:3300';
const cssAt = args.indexOf('--css');
const css = cssAt >= 0 ? args[cssAt + 1] : null;
const profile = args.includes('--profile');
const trace = args.includes('--trace');
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
// The shared harness's peers mark their count with data-testid=count.
const countAt = args.indexOf('--count');
const count = countAt >= 0 ? args[countAt + 1] : '[data-testid=result-count]';
const QUERIES = process.env.Q?.split(',') ?? ['身份证', 'sfz', 'shenfenzheng', 'wfz', 'jiashizheng', '护照', 'flyz', '公证', 'hukou', '居住证'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(url);
await page.waitForFunction((count) => /\d/.test(document.querySelector(count)?.textContent ?? ''), count);
if (css) await page.addStyleTag({ content: css });
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
if (profile) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
}
if (trace) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'blink'] });
}
const times = await page.evaluate(
  async ({ queries, rounds }) => {
    const input = document.querySelector('input[type=search]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const idle = (ms) => new Promise((r) => setTimeout(r, ms));
    const out = [];
    for (let round = 0; round < rounds; round++) {
      for (const q of queries) {
        const chars = [...q];
        for (let i = 1; i <= chars.length; i++) {
          await idle(50);
          const t0 = performance.now();
          setter.call(input, chars.slice(0, i).join(''));
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          await frame();
          out.push([q, performance.now() - t0, chars.slice(0, i).join('')]);
        }
        setter.call(input, '');
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await idle(100);
      }
    }
    return out;
  },
  { queries: QUERIES, rounds },
);
const all = times.map(([, t]) => t).sort((a, b) => a - b);
const median = (xs) => xs[Math.floor(xs.length / 2)];
for (const q of QUERIES) {
  const ts = times.filter(([x]) => x === q).map(([, t]) => t).sort((a, b) => a - b);
  console.log(`${q.padEnd(14)} median ${median(ts).toFixed(2)} ms`);
}
// SLOWEST=N: the N slowest keystrokes, with the text typed so far (where the tail comes from).
for (const [, t, typed] of [...times].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.SLOWEST ?? 0))) {
  console.log(`  slow: ${t.toFixed(1).padStart(6)} ms  "${typed}"`);
}
console.log(`all ${all.length} keystrokes: median ${median(all).toFixed(2)} ms, p95 ${all[Math.ceil(all.length * 0.95) - 1].toFixed(2)} ms`);

if (trace) {
  // Total time per event name on the page's main thread (nested events are counted in each).
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== main?.pid || e.tid !== main?.tid) continue;
    const [n, ms] = sums.get(e.name) ?? [0, 0];
    sums.set(e.name, [n + 1, ms + (e.dur ?? 0) / 1000]);
  }
  console.log(`\nmain-thread events per keystroke (ms; ${times.length} keystrokes):`);
  for (const [name, [n, ms]] of [...sums].sort((a, b) => b[1][1] - a[1][1]).slice(0, Number(process.env.TRACE_TOP ?? 25))) {
    console.log(`${(ms / times.length).toFixed(3).padStart(8)}  ${String(n).padStart(6)}×  ${name}`);
  }
}
if (profile) {
  const { profile: p } = await cdp.send('Profiler.stop');
  const self = addSelfTimes(p, new Map());
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = total - (self.get('(idle)') ?? 0) - (self.get('(program)') ?? 0);
  console.log(`\nself time, ms (busy ${busy.toFixed(0)} of ${total.toFixed(0)}):`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) {
    console.log(`${ms.toFixed(1).padStart(8)}  ${name.slice(0, 140)}`);
  }
}
await browser.close();
