// When the catalog or a guide is slow or fails to load: what the page says, its retry, and
// nothing downloaded twice.
import { expect, test } from '@playwright/test';
import { CatalogPage, GuidePage, catalog, expectNoAxeViolations } from './pages';

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
