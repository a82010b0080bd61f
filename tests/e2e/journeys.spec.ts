// Whole user journeys against the release build and the real mock API, with axe on every page.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CatalogPage, GuidePage, expectNoAxeViolations } from './pages';

type Summary = {
  code: string;
  name: string;
  department_kind: string;
  depth: string;
  scope: { kind: string; region?: string };
  visits: number;
};

async function catalog(request: APIRequestContext): Promise<Summary[]> {
  const response = await request.get('/api/items');
  expect(response.ok()).toBe(true);
  return response.json();
}

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
  await expect(first.locator('h2 mark')).toHaveText('护照');
  await expect(first.locator('.card-facts')).toHaveText(/ · (免费|收费)$/);
  await page.getByTestId('switch-lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('input[type=search]')).toHaveValue('护照');
  const cards = page.getByTestId('results').locator('li.card');
  await expect(cards).toHaveCount(await home.cards.count());
  for (const card of await cards.all()) {
    await expect(card.locator('.card-facts')).toHaveText(/ · (Free|Fee)$/);
    await expect(card.locator('h2[lang="zh-CN"] mark')).toHaveText('护照');
    // The name matched, so the card leaves out the summary.
    await expect(card.locator('.card-summary')).toBeHidden();
  }
  await expectNoAxeViolations(page);
});

test('a search matched only in a summary shows that summary, marked, in Chinese on the English page', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto('?q=挂失');
  const card = home.cards.filter({ hasText: '居民身份证补领' });
  await expect(card.locator('.card-summary mark')).toHaveText('挂失');
  await expect(card.locator('.card-summary')).toContainText('居民身份证丢失的');
  await page.getByTestId('switch-lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = page.getByTestId('results').locator('li.card').filter({ hasText: '居民身份证补领' });
  await expect(english.locator('.card-summary[lang="zh-CN"] mark')).toHaveText('挂失');
  await expectNoAxeViolations(page);
});

test('typing wfz finds 无犯罪记录证明', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  await home.search.pressSequentially('wfz');
  await expect(home.cards.first().locator('h2')).toContainText('无犯罪记录证明');
  await expect(home.cards.first().locator('h2 mark')).toHaveText('无犯罪');
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

test('a guide shows every element and the way to apply', async ({ page, request }) => {
  const items = await catalog(request);
  const online = items.find((i) => i.depth === 'Ⅳ 全程网办')!;
  const home = new CatalogPage(page);
  await home.goto();
  await home.search.fill(online.name);
  await home.cards.first().getByRole('link', { name: online.name }).click();

  const guide = new GuidePage(page);
  await expect(guide.heading).toHaveText(online.name);
  await expect(page).toHaveURL(`/items/${online.code}`);
  await expect(page).toHaveTitle(`${online.name} - 一次办`);
  for (const name of ['基本信息', '办理时限与方式', '受理条件', '申请材料', '办理流程', '收费标准', '办理结果', '办理地点与咨询', '设定依据']) {
    await expect(guide.section(name)).toBeVisible();
  }
  await expect(page.getByText('法定办结时限')).toBeVisible();
  await expect(page.getByText('承诺办结时限')).toBeVisible();
  await expect(page.getByRole('link', { name: '在线办理' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: '在线办理' }).click();
  await expect(page).toHaveURL(`/items/${online.code}/apply`);
  // Inside the portal a page changes without a page load: focus moves to the new page as a load
  // would move it, so keyboard and screen-reader users start there.
  await expect(page.locator('main'), 'focus moves to the new page').toBeFocused();
  // Items with a form open 申请须知; the others say plainly that online application is not open.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/申请须知|暂未开通在线申请/);
});

test('a deep link to an offline item says why and where to go', async ({ page, request }) => {
  const items = await catalog(request);
  const offline = items.find((i) => i.depth === 'Ⅰ 信息公开' || i.depth === 'Ⅱ 表格下载');
  test.skip(!offline, 'the seed catalog has no offline item');
  await page.goto(`/items/${offline!.code}`);
  const guide = new GuidePage(page);
  await expect(guide.heading).toHaveText(offline!.name);
  await expect(page.getByText('本事项暂不支持在线申请')).toBeVisible();
  await expect(page.getByRole('link', { name: '在线办理' })).toHaveCount(0);
  await expect(guide.materials.getByRole('columnheader', { name: '必要性' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an unknown item code and an unknown page are proper not-found pages', async ({ page }) => {
  await page.goto('/items/NO-SUCH-ITEM');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('未找到该事项');
  await expect(page.getByText('NO-SUCH-ITEM')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '返回服务事项目录' }).click();
  await expect(new CatalogPage(page).count).toBeVisible();

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await expect(page).toHaveTitle('页面不存在 - 一次办');
  await expectNoAxeViolations(page);
});

test('when the API is down the home page says so and recovers on retry', async ({ page }) => {
  await page.route('**/api/cards', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无法连接服务器');
  await expectNoAxeViolations(page);

  // A proxy's plain-text 502 (trunk serve with the API stopped) is explained too.
  await page.unroute('**/api/cards');
  await page.route('**/api/cards', (route) => route.fulfill({ status: 502, body: 'Bad Gateway' }));
  await alert.getByRole('button', { name: /重试/ }).click();
  await expect(alert).toContainText('HTTP 502');

  // A truncated or foreign answer is not taken for a catalog.
  await page.unroute('**/api/cards');
  await page.route('**/api/cards', (route) => route.fulfill({ status: 200, body: 'CARDS1\t3\n' }));
  await alert.getByRole('button', { name: /重试/ }).click();
  await expect(alert).toContainText('服务器返回的数据无法识别');

  await page.unroute('**/api/cards');
  await alert.getByRole('button', { name: /重试/ }).click();
  await expect(new CatalogPage(page).cards.first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a catalog whose later cards cannot be read shows the first ones and says it is incomplete', async ({ page, request }) => {
  // The first list shows from the first ten cards; the rest are read after it has painted.
  const lines = (await (await request.get('/api/cards')).text()).split('\n');
  lines[15] = 'cut';
  await page.route('**/api/cards', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: lines.join('\n') }),
  );
  await page.goto('/');
  const home = new CatalogPage(page);
  await expect(home.cards).toHaveCount(10);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('服务器返回的数据无法识别');
  await expect(home.cards).toHaveCount(10);
  await expectNoAxeViolations(page);

  await page.unroute('**/api/cards');
  await alert.getByRole('button', { name: /重试/ }).click();
  await expect(home.cards.first()).toBeVisible();
  await home.search.fill('sfz');
  await expect(home.cards.first().locator('h2')).toContainText('身份证');
  await expect(page.getByRole('alert')).toHaveCount(0);
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

test('Back from a guide returns to the same search, even when a result was opened at once', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  await home.chip('全程网办').click();
  await home.search.fill('证明');
  // Open the first result straight away, before typing has paused long enough to sync the URL.
  const name = await home.openResult();

  await page.goBack();
  await expect(home.search).toHaveValue('证明');
  await expect(page).toHaveURL(/q=%E8%AF%81%E6%98%8E/);
  await expect(page).toHaveURL(/online=1/);
  await expect(home.result()).toHaveText(name);
});

test('a slow catalog shows a loading message until the items arrive, downloaded once', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  await page.route('**/api/cards', async (route) => {
    requests += 1;
    await held;
    await route.continue();
  });
  await page.goto('/');
  // The app waits a moment for the cards before it mounts, then shows its own loading message
  // and takes over the download already under way.
  await expect(page.getByRole('status').filter({ hasText: '正在加载服务事项' })).toBeVisible();
  release();
  await expect(new CatalogPage(page).cards.first()).toBeVisible();
  await expect(page.getByText('正在加载服务事项')).toHaveCount(0);
  expect(requests, 'the page took over the early download instead of asking again').toBe(1);
});

test('a guide that fails to load says why and loads on retry', async ({ page, request }) => {
  const [item] = await catalog(request);
  await page.route(`**/api/items/${item.code}`, (route) => route.abort('connectionrefused'));
  await page.goto(`/items/${item.code}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无法连接服务器');
  await expect(page).toHaveTitle('加载失败 - 一次办');
  await page.unroute(`**/api/items/${item.code}`);
  await alert.getByRole('button', { name: /重试/ }).click();
  await expect(new GuidePage(page).heading).toHaveText(item.name);
  await expect(page).toHaveTitle(`${item.name} - 一次办`);
});

test('Back from a guide keeps the loaded catalog, the cards shown and the scroll position', async ({ page }) => {
  // The home page is the catalog alone (its own wasm) and a guide is a page load of the whole
  // portal, so Back may load the catalog again: its cards then come from the browser's cache,
  // revalidated (a 304, which Chromium reports as the cached 200 with no body received), never
  // downloaded twice.
  const catalogBodies: Promise<number>[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname === '/api/cards') {
      catalogBodies.push(r.request().sizes().then((sizes) => sizes.responseBodySize));
    }
  });
  const downloads = async () => (await Promise.all(catalogBodies)).filter((bytes) => bytes > 0).length;
  const home = new CatalogPage(page);
  await home.goto();
  const more = page.getByRole('button', { name: /显示更多/ });
  await more.click();
  await more.click();
  await expect(home.cards).toHaveCount(30);
  // Scroll to a card far down the list and open it.
  await home.result(25).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 40));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(300);
  await home.openResult(25);

  await page.goBack();
  await expect(home.cards).toHaveCount(30);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 5);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(5);
  await expect(home.result(25)).toBeInViewport();
  expect(await downloads(), 'the catalog is downloaded once per session').toBe(1);

  // A fresh arrival (the brand link) starts at one page, at the top, still without a download.
  await home.result().click();
  await page.getByRole('banner').getByRole('link').first().click();
  await expect(home.cards).toHaveCount(10);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await downloads()).toBe(1);
});

test('Back shows one page of cards when the extra pages were asked for another search', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  await page.getByRole('button', { name: /显示更多/ }).click();
  await expect(home.cards).toHaveCount(20);
  await home.search.fill('证');
  await expect(home.cards).toHaveCount(10);
  expect(await home.total(), 'a search with more than one page').toBeGreaterThan(20);
  const name = await home.openResult();
  await page.goBack();
  await expect(home.search).toHaveValue('证');
  await expect(home.result()).toHaveText(name);
  await expect(home.cards).toHaveCount(10);
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

test('a catalog that fails to load shows its retry under way, then loads', async ({ page }) => {
  let release: () => void = () => {};
  let fail = true;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/cards', async (route) => {
    if (fail) return route.abort('connectionrefused');
    await held;
    await route.continue();
  });
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无法连接服务器');
  fail = false;
  await alert.getByRole('button', { name: '重试' }).click();
  const busy = alert.getByRole('button', { name: /正在重试/ });
  await expect(busy).toBeDisabled();
  await expect(busy).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(new CatalogPage(page).cards.first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
