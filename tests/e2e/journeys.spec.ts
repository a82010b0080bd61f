// Finding a service in the catalog: search in 汉字, pinyin and initials, filters, the address bar,
// English, keyboard and phone. Release build, real mock API, axe on every page.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CatalogPage, catalog, expectNoAxeViolations, marked } from './pages';

test('the home page lists every item from the API, with its key facts', async ({ page, request }, info) => {
  const items = await catalog(request);
  const home = new CatalogPage(page);
  await home.goto();
  await expect(page).toHaveTitle('服务事项目录 - 一次办');
  await expect(page.getByRole('banner')).toContainText('一次办');
  expect(await home.total()).toBe(items.length);
  await expect(home.cards).toHaveCount(10);
  await expect(home.cards.first().locator('h2')).toHaveText(items[0].name);
  // Key facts, one line: visits first, the fee last.
  await expect(home.cards.first().locator('.card-facts')).toHaveText(/^(零跑腿|最多跑一次|需跑动\d+次) · .* · (免费|收费)$/);
  mkdirSync('tests/e2e/artifacts', { recursive: true });
  await page.screenshot({ path: `tests/e2e/artifacts/home-${info.project.name}.png`, fullPage: false });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: /显示更多/ }).click();
  await expect(home.cards).toHaveCount(Math.min(20, items.length));
});

test('switching to English keeps the search and rewords every card, names staying Chinese', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto('?q=护照');
  const first = home.cards.first();
  await expect.poll(() => marked(first.locator('h2'))).toEqual(['护照']);
  await expect(first.locator('.card-facts')).toHaveText(/ · (免费|收费)$/);
  await page.getByTestId('switch-lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('input[type=search]')).toHaveValue('护照');
  const cards = page.getByTestId('results').locator('li.card');
  await expect(cards).toHaveCount(await home.cards.count());
  for (const card of await cards.all()) {
    await expect(card.locator('.card-facts')).toHaveText(/ · (Free|Fee)$/);
    await expect.poll(() => marked(card.locator('h2[lang="zh-CN"]'))).toEqual(['护照']);
    // The name matched, so the card leaves out the summary.
    await expect(card.locator('.card-summary')).toBeHidden();
  }
  await expectNoAxeViolations(page);
});

test('a search matched only in a summary shows that summary, marked, in Chinese on the English page', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto('?q=挂失');
  const card = home.cards.filter({ hasText: '居民身份证补领' });
  await expect.poll(() => marked(card.locator('.card-summary'))).toEqual(['挂失']);
  await expect(card.locator('.card-summary')).toContainText('居民身份证丢失的');
  await page.getByTestId('switch-lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = page.getByTestId('results').locator('li.card').filter({ hasText: '居民身份证补领' });
  await expect.poll(() => marked(english.locator('.card-summary[lang="zh-CN"]'))).toEqual(['挂失']);
  await expectNoAxeViolations(page);
});

test('typing wfz finds 无犯罪记录证明', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  await home.search.pressSequentially('wfz');
  await expect(home.cards.first().locator('h2')).toContainText('无犯罪记录证明');
  await expect.poll(() => marked(home.cards.first().locator('h2'))).toEqual(['无犯罪']);
  await expect(page).toHaveURL(/\?q=wfz$/);
});

test('汉字, full pinyin and initials all find the 居民身份证 items', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  for (const query of ['身份证', 'shenfenzheng', 'sfz', 'SFZ']) {
    await home.search.fill(query);
    await expect(home.cards.first().locator('h2')).toContainText('身份证');
    const titles = await home.cardTitles();
    expect(titles.filter((t) => t.includes('居民身份证')).length, query).toBeGreaterThanOrEqual(2);
  }
});

test('公安 + 跨省通办 shows exactly the matching items', async ({ page, request }) => {
  const items = await catalog(request);
  const expected = items.filter(
    (i) => i.department_kind === '公安' && (i.scope.kind === '跨省通办' || i.scope.kind === '全国通办'),
  );
  expect(expected.length).toBeGreaterThan(0);
  const home = new CatalogPage(page);
  await home.goto();
  await home.department('公安').click();
  await home.chip('跨省通办').click();
  await expect(home.chip('跨省通办')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => home.total()).toBe(expected.length);
  const more = page.getByRole('button', { name: /显示更多/ });
  while (await more.isVisible()) await more.click();
  await expect(home.cards).toHaveCount(expected.length);
  expect((await home.cardTitles()).sort()).toEqual(expected.map((i) => i.name).sort());

  // Narrow to one region through the scope choice.
  const region = expected.find((i) => i.scope.region)?.scope.region;
  if (region) {
    await page.getByLabel('通办范围').selectOption(region);
    await expect.poll(() => home.total()).toBe(expected.filter((i) => i.scope.region === region).length);
  }
});

test('filters and search survive a reload and can be shared', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  await home.chip('全程网办').click();
  await home.chip('即办件').click();
  await home.search.fill('缴');
  await expect(page).toHaveURL(/online=1/);
  const before = await home.total();
  const titles = await home.cardTitles();
  expect(before).toBeGreaterThan(0);

  await page.reload();
  await expect(home.count).toBeVisible();
  await home.openFilters();
  await expect(home.search).toHaveValue('缴');
  await expect(home.chip('全程网办')).toHaveAttribute('aria-pressed', 'true');
  await expect(home.chip('即办件')).toHaveAttribute('aria-pressed', 'true');
  expect(await home.total()).toBe(before);
  expect(await home.cardTitles()).toEqual(titles);

  // The same URL in a fresh page (a shared link) shows the same view.
  const shared = await page.context().newPage();
  const other = new CatalogPage(shared);
  await shared.goto(page.url());
  await expect(other.search).toHaveValue('缴');
  await other.openFilters();
  await expect(other.chip('即办件')).toHaveAttribute('aria-pressed', 'true');
  expect(await other.total()).toBe(before);
});

test('an empty search suggests what to try, and a suggestion works', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  await home.search.fill('火星签证');
  await expect(page.getByRole('heading', { name: '没有找到相符的事项' })).toBeVisible();
  expect(await home.total()).toBe(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '护照' }).click();
  await expect(home.search).toHaveValue('护照');
  await expect(home.cards.first().locator('h2')).toContainText('护照');
});

test('the catalog works from the keyboard alone', async ({ page }) => {
  const home = new CatalogPage(page);
  await page.goto('/');
  await expect(home.count).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
  await home.search.focus();
  await page.keyboard.type('huzhao');
  await expect(home.cards.first().locator('h2')).toContainText('护照');
  if (await home.filtersToggle.isVisible()) {
    await home.filtersToggle.focus();
    await page.keyboard.press('Enter');
  }
  const chip = home.chip('全程网办');
  await chip.focus();
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
});

test('on a phone the filters fold behind a toggle that counts the choices made', async ({ page }, info) => {
  const home = new CatalogPage(page);
  await page.goto('/?online=1&dept=%E5%85%AC%E5%AE%89');
  await expect(home.count).toBeVisible();
  if (info.project.name !== 'phone') {
    await expect(home.filtersToggle).toBeHidden();
    await expect(home.chip('全程网办')).toBeVisible();
    return;
  }
  await expect(home.filtersToggle).toHaveText('筛选（已选 2 项）');
  await expect(home.filtersToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(home.chip('全程网办')).toBeHidden();
  await home.filtersToggle.click();
  await expect(home.chip('全程网办')).toBeVisible();
  await expect(home.chip('全程网办')).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page);
});

test('a space typed at the end survives the pause that writes the address bar', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  await home.search.pressSequentially('huzhao ');
  await expect(page).toHaveURL(/\?q=huzhao$/);
  await page.waitForTimeout(400);
  await expect(home.search).toHaveValue('huzhao ');
  // The caret stayed at the end: typing goes on after the space.
  await home.search.pressSequentially('qian');
  await expect(home.search).toHaveValue('huzhao qian');
  await expect(page).toHaveURL(/\?q=huzhao(\+|%20)qian$/);
});

test('hangye finds 特种行业 (a polyphone read either way)', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  for (const query of ['hangye', 'xingye']) {
    await home.search.fill(query);
    await expect.poll(() => home.cardTitles(), query).toContainEqual(expect.stringContaining('特种行业'));
  }
});
