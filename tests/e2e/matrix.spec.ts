// Every route × {zh, en} × {normal, 关怀模式} × {phone 360, desktop 1280, desktop at 200 % zoom}:
// axe (WCAG 2.1 AA, plus 7:1 enhanced contrast in care mode) reports nothing, the page never
// scrolls sideways, touch targets are big enough, and a screenshot is kept as an artefact.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { matrixRoutes } from './routes';

const widths = [
  { name: 'phone360', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop1280', viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  // 1280 px at 200 % zoom lays out like a 640 px wide window.
  { name: 'zoom200', viewport: { width: 640, height: 450 }, isMobile: false, hasTouch: false, deviceScaleFactor: 2 },
] as const;

const langs = ['zh', 'en'] as const;
const modes = ['normal', 'care'] as const;

async function checkAxe(page: Page, care: boolean) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (care) builder = builder.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
  const results = await builder.analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Interactive controls smaller than `min` CSS px in height or width (inline text links excluded). */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), a.button, summary, label:has(> input[type=radio]), label:has(> input[type=checkbox])',
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not shown
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.skip-link')) continue;
      if (r.height + 0.5 < min || r.width + 0.5 < min) {
        out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, min);
}

for (const width of widths) {
  test.describe(width.name, () => {
    test.use({ viewport: width.viewport, isMobile: width.isMobile, hasTouch: width.hasTouch, deviceScaleFactor: width.deviceScaleFactor });
    for (const route of matrixRoutes) {
      for (const lang of langs) {
        for (const mode of modes) {
          test(`${route.name} ${lang} ${mode}`, async ({ page }) => {
            const care = mode === 'care';
            await page.addInitScript(
              ([lang, care]) => {
                localStorage.setItem('portal.lang', lang as string);
                localStorage.setItem('portal.care', care ? '1' : '0');
              },
              [lang, care] as const,
            );
            await route.open(page);
            await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
            if (care) {
              await expect(page.locator('html')).toHaveClass(/\bcare\b/);
              const body = await page.evaluate(() => {
                const s = getComputedStyle(document.querySelector('main')!);
                return { size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
              });
              expect(body.size).toBeGreaterThanOrEqual(18);
              expect(body.line).toBeGreaterThanOrEqual(1.3);
            }
            await checkAxe(page, care);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, 'horizontal overflow in CSS px').toBeLessThanOrEqual(0);
            if (width.hasTouch) {
              expect(await smallTargets(page, care ? 60 : 44), 'touch targets too small').toEqual([]);
            }
            await page.screenshot({
              path: `tests/e2e/artifacts/matrix/${route.name}-${lang}-${mode}-${width.name}.png`,
              fullPage: true,
            });
            // What a phone shows first, without scrolling (the README shows two of these).
            if (width.name === 'phone360') {
              await page.screenshot({ path: `tests/e2e/artifacts/matrix/${route.name}-${lang}-${mode}-${width.name}-screen.png` });
            }
          });
        }
      }
    }
  });
}
