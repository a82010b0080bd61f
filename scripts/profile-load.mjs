// Where the catalog's first load goes: loads a running portal and any bench peers in fresh
// contexts, runs interleaved, and prints per app the medians of when the js, the wasm and the
// catalog finished downloading (resource timing), first contentful paint, when the count first
// showed a number, and the end of the frame after it (timed as the shared harness does: an
// animation frame, then a 0 ms task).
//
//   node scripts/profile-load.mjs URL[@COUNT_SELECTOR]... [--runs N] [--trace | --profile]
//   node scripts/profile-load.mjs http://127.0.0.1:3300 'http://127.0.0.1:8099/vanilla/@[data-testid=count]'
//
// The count selector defaults to the portal's. --trace writes the first app's last run's trace to
// target/load-trace.json; --profile prints the functions with the most self time per run of the
// first app (profiled in every run) (names need scripts/size-report.sh's named wasm twin in the dist served, as
// for profile-keystrokes.mjs). CATS=a,b,... sets the trace's categories (e.g. add `loading` to see
// what a long ResponseBodyLoader task does).
import { chromium } from '@playwright/test';
import { addSelfTimes } from './cdp-profile.mjs';

const args = process.argv.slice(2);
const apps = args
  .filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs')
  .map((a) => {
    const at = a.indexOf('@');
    return at < 0 ? { url: a, count: '[data-testid=result-count]' } : { url: a.slice(0, at), count: a.slice(at + 1) };
  });
if (apps.length === 0) apps.push({ url: 'http://127.0.0.1:3300', count: '[data-testid=result-count]' });
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const trace = args.includes('--trace');
const profile = args.includes('--profile');
const selfTime = new Map(); // function -> self ms summed over the profiled runs

// As the shared harness launches and sets up its browser (harness/measure.js), so figures compare.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
// One unmeasured load per app first: the server's compressed copies and the disk cache warm up.
for (const app of apps) await load(app, false, false);
const rows = apps.map(() => []);
for (let run = 0; run < runs; run++) {
  for (let k = 0; k < apps.length; k++) {
    const i = (run + k) % apps.length;
    const last = run === runs - 1;
    rows[i].push(await load(apps[i], trace && last && i === 0, profile && i === 0));
  }
}
const median = (list, key) => {
  const v = list.map((r) => r[key]).filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[v.length >> 1] : null;
};
for (let i = 0; i < apps.length; i++) {
  const keys = Object.keys(rows[i][0]);
  console.log(apps[i].url.padEnd(34), keys.map((k) => `${k} ${median(rows[i], k)}`).join('  '));
}
if (profile) printProfile(runs);
await browser.close();

async function load({ url, count }, withTrace, withProfile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await (await context.newCDPSession(page)).send('Network.enable');
  // Watches the count from the very start, in the page, so no polling delay is measured.
  await page.addInitScript((count) => {
    window.__firstCount = new Promise((resolve) => {
      const check = () => {
        const el = document.querySelector(count);
        if (!el || !/[1-9]/.test(el.textContent)) return false;
        const shown = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve({ shown, painted: performance.now() }), 0));
        return true;
      };
      new MutationObserver((_, observer) => check() && observer.disconnect()).observe(document, {
        subtree: true, childList: true, characterData: true,
      });
    });
  }, count);
  let cdp;
  if (withProfile) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  if (withTrace) {
    await browser.startTracing(page, {
      path: 'target/load-trace.json',
      categories: (process.env.CATS ?? 'devtools.timeline,v8.execute,blink,disabled-by-default-devtools.timeline').split(','),
    });
  }
  await page.goto(url);
  const row = await page.evaluate(async () => {
    const first = await window.__firstCount;
    const end = (re) => {
      const r = performance.getEntriesByType('resource').find((e) => re.test(e.name));
      return r ? Math.round(r.responseEnd) : null;
    };
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return {
      js: end(/\.js$/), wasm: end(/\.wasm$/), data: end(/\/api\/(cards|items)|\.json$/),
      fcp: fcp && Math.round(fcp), shown: Math.round(first.shown), painted: Math.round(first.painted),
    };
  });
  if (withTrace) await browser.stopTracing();
  if (cdp) addSelfTimes((await cdp.send('Profiler.stop')).profile, selfTime);
  await context.close();
  return row;
}

function printProfile(runs) {
  const top = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 30));
  console.log('self time per run (ms):');
  for (const [name, ms] of top) console.log((ms / runs).toFixed(1).padStart(7), '', name.slice(0, 110));
}
