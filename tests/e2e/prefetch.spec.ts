// The home page is the catalog alone (its own small wasm); a guide is a page load of the whole
// portal. Interest in a result fetches the whole portal's files ahead, so that load finds them
// in the cache (src/catalog_app.rs, scripts/build-release.sh).
import { expect, test } from '@playwright/test';
import { CatalogPage, marked } from './pages';

test('interest in a result fetches the whole portal ahead, and its guide loads every one of those files from the cache', async ({ page }) => {
  const home = new CatalogPage(page);
  await home.goto();
  const named = await page.locator('meta[name=whole-portal]').getAttribute('content');
  const files = (named ?? '').split(' ').filter(Boolean);
  // The portal's script, its wasm and its stylesheets (each holds up the guide's first paint).
  expect(files.filter((file) => /^\/portal-[0-9a-f]+\.js$/.test(file))).toHaveLength(1);
  expect(files.filter((file) => /^\/portal-[0-9a-f]+_bg\.wasm$/.test(file))).toHaveLength(1);
  expect(files.filter((file) => file.endsWith('.css')).length).toBeGreaterThan(0);

  // Nothing is fetched ahead while the reader only searches.
  const fetched = new Set<string>();
  page.on('requestfinished', (request) => fetched.add(new URL(request.url()).pathname));
  await home.search.fill('护照');
  await expect.poll(() => marked(home.cards.first().locator('h2'))).toEqual(['护照']);
  expect(files.filter((file) => fetched.has(file))).toEqual([]);

  // A pointer on a result fetches every one of them, once.
  const link = home.cards.first().locator('h2 a');
  const ahead = files.map((file) => page.waitForRequest((request) => new URL(request.url()).pathname === file));
  await link.hover();
  await Promise.all(ahead);
  await expect(page.locator('link[rel=prefetch]')).toHaveCount(files.length);
  // Interest again (the pointer leaves and comes back, keyboard focus) asks for nothing more.
  await page.mouse.move(0, 0);
  await link.hover();
  await link.focus();
  await expect(page.locator('link[rel=prefetch]')).toHaveCount(files.length);
  await expect.poll(() => files.filter((file) => fetched.has(file)).sort()).toEqual([...files].sort());

  // Following it loads the whole portal from the cache: no file of it comes over the network.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const fromCache = new Set<string>();
  const overNetwork: string[] = [];
  const url = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (event) => url.set(event.requestId, new URL(event.request.url).pathname));
  cdp.on('Network.requestServedFromCache', (event) => fromCache.add(url.get(event.requestId) ?? ''));
  cdp.on('Network.responseReceived', (event) => {
    const path = new URL(event.response.url).pathname;
    if (!files.includes(path)) return;
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) fromCache.add(path);
    else overNetwork.push(path);
  });
  await link.click();
  await expect(page).toHaveURL(/\/items\/[^/]+$/);
  await expect(page.getByTestId('guide')).toBeVisible();
  expect(overNetwork).toEqual([]);
  expect(files.filter((file) => !fromCache.has(file))).toEqual([]);
});
