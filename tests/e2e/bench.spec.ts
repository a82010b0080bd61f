// Keystroke-to-paint benchmark over 10 000 synthetic items (plus the seed catalog), in headless
// Chromium against the release build: 汉字 (inserted as an IME commits them) and pinyin queries,
// typed and then erased with Backspace. Prints its figures, checks every count shown against
// core's search (the server's staff table runs the same `CatalogFilter`), and trips on a gross
// regression: the results must be painted within two frames at 60 Hz (median) and 100 ms (p95).
// Absolute times move ~20 % between runs and are quantised to frames, so this is no comparison:
// `scripts/bench.sh` measures the portal beside plain DOM, React and Vue in one run.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { CatalogPage } from './pages';
import { signInAs } from './staff-api';

const QUERIES = ['shenfenzheng', '身份证', 'beijing', 'wfz', '护照', 'huzhao', 'lvshi', '驾驶证', 'jiashizheng', 'sfz', 'chongqing', 'hangye'];
const BUDGET = { median: 33.4, p95: 100 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

test('a keystroke renders results within budget over 10 000 items', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  const total = await home.total();
  expect(total).toBeGreaterThanOrEqual(10_000);

  // Time from the keydown event to the first frame painted after the results show the new query:
  // the observer is armed before each key, and a message posted from requestAnimationFrame runs
  // after that frame is painted.
  await page.evaluate(() => {
    const w = window as any;
    // A key starts at its keydown; a committed 汉字 (no keydown) at its beforeinput.
    addEventListener('keydown', (e) => (w.__keyAt = e.timeStamp), true);
    addEventListener('beforeinput', (e) => (w.__keyAt ??= e.timeStamp), true);
    addEventListener('input', () => (w.__inputAt = performance.now()), true);
    w.__arm = (expected: string) => {
      w.__keyAt = undefined;
      const results = document.querySelector('[data-testid=results]') as HTMLElement;
      const count = () => document.querySelector('[data-testid=result-count]')?.textContent ?? '';
      w.__painted = new Promise<[number, number, number, string]>((resolve) => {
        const afterPaint = (dom: number, app: number) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve([performance.now() - w.__keyAt, dom, app, count()]);
            channel.port2.postMessage(null);
          });
        const observer = new MutationObserver(() => {
          if (results.dataset.query === expected) {
            observer.disconnect();
            // Microtasks after the results were patched: the DOM work is done, the frame is not.
            queueMicrotask(() =>
              queueMicrotask(() => afterPaint(performance.now() - w.__keyAt, performance.now() - w.__inputAt)),
            );
          }
        });
        observer.observe(results, { attributes: true, attributeFilter: ['data-query'] });
      });
    };
  });

  await home.search.focus();
  const samples: number[] = [];
  const domSamples: number[] = [];
  const appSamples: number[] = [];
  // The count painted for each query typed, checked against core's search afterwards.
  const shown = new Map<string, number>();
  let text = '';
  const press = async (key: string, next: string) => {
    await page.evaluate((expected) => (window as any).__arm(expected), next);
    if (/^[a-z]$|^Backspace$/.test(key)) await page.keyboard.press(key);
    else await page.keyboard.insertText(key);
    const [paint, dom, app, count] = await page.evaluate(() => (window as any).__painted);
    samples.push(paint);
    domSamples.push(dom);
    appSamples.push(app);
    const found = count.match(/共找到 (\d+) 个事项/);
    // An empty box shows the whole catalog's count in other words; only searches are checked.
    if (next.length > 0) {
      expect(found, `count for "${next}": ${count}`).not.toBeNull();
      shown.set(next, Number(found![1]));
    }
    text = next;
  };
  const typeAndClear = async (query: string) => {
    for (const ch of query) await press(ch, text + ch);
    await expect(home.cards.first()).toBeVisible();
    while (text.length > 0) await press('Backspace', text.slice(0, -1));
  };
  // Warm-up, not counted: the engine first runs wasm in its baseline tier; steady state is what
  // a citizen typing meets after the first few keys.
  await typeAndClear('sfz');
  samples.length = 0;
  domSamples.length = 0;
  appSamples.length = 0;
  for (let round = 0; round < 2; round++) {
    for (const query of QUERIES) await typeAndClear(query);
  }

  const sorted = [...samples].sort((a, b) => a - b);
  const domSorted = [...domSamples].sort((a, b) => a - b);
  const appSorted = [...appSamples].sort((a, b) => a - b);
  const figures = {
    date: new Date().toISOString(),
    items: total,
    keystrokes: samples.length,
    median_ms: Number(percentile(sorted, 50).toFixed(2)),
    p95_ms: Number(percentile(sorted, 95).toFixed(2)),
    max_ms: Number(sorted[sorted.length - 1].toFixed(2)),
    // Keydown to results patched in the DOM (script time, before layout and paint).
    dom_median_ms: Number(percentile(domSorted, 50).toFixed(2)),
    dom_p95_ms: Number(percentile(domSorted, 95).toFixed(2)),
    // The app's own share: from the input event to the results patched (search + render).
    app_median_ms: Number(percentile(appSorted, 50).toFixed(2)),
    app_p95_ms: Number(percentile(appSorted, 95).toFixed(2)),
    budget: BUDGET,
  };
  console.log(`keystroke-to-paint over ${total} items: ${JSON.stringify(figures)}`);
  mkdirSync('tests/e2e/artifacts', { recursive: true });
  writeFileSync('tests/e2e/artifacts/bench.json', JSON.stringify(figures, null, 2));

  // Every count shown equals what core's search finds on the server (signed in as staff, whose
  // item table filters with the same CatalogFilter the app runs).
  await signInAs(page.request, 'admin');
  let nonZero = 0;
  for (const [query, count] of shown) {
    const response = await page.request.get(`/api/staff/items?q=${encodeURIComponent(query)}`);
    expect(response.status()).toBe(200);
    const rows = (await response.json()) as unknown[];
    expect(count, `count shown for "${query}"`).toBe(rows.length);
    if (count > 0) nonZero++;
  }
  expect(nonZero).toBeGreaterThan(20);

  expect(samples.length).toBeGreaterThanOrEqual(200);
  expect(figures.median_ms).toBeLessThanOrEqual(BUDGET.median);
  expect(figures.p95_ms).toBeLessThanOrEqual(BUDGET.p95);
});
