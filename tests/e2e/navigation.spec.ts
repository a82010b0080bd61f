// From the catalog to a guide and back: the guide's elements, offline items, not-found pages,
// and Back restoring the search, the cards and the scroll position.
import { expect, test } from '@playwright/test';
import { CatalogPage, GuidePage, catalog, expectNoAxeViolations } from './pages';

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
