// The staff workspace against the release build and the real mock API: sign in, the figures,
// sorting, the audit, the CSV export, signing out, a wrong password, and axe on every page.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './pages';

async function signIn(page: Page, username = 'admin', password = 'admin-dev-2026!') {
  await page.goto('/staff');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

test('an administrator signs in, sorts the table and reads the figures', async ({ page }) => {
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signIn(page);
  await expect(page).toHaveURL(/\/staff\/catalog$/);
  await expect(page.getByTestId('staff-name')).toHaveText('系统管理员');
  const table = page.getByTestId('items-table');
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const region = page.getByRole('region', { name: /事项列表/ });
  await expect(region).toHaveAttribute('tabindex', '0');
  await expectNoAxeViolations(page);

  // Sort by visits, then reverse: the column states its order and the cells follow it.
  const visitsHeader = table.locator('thead th').filter({ hasText: '到现场次数' });
  const visitsCells = () => rows.locator('td:nth-child(5)').allTextContents();
  await visitsHeader.getByRole('button').click();
  await expect(visitsHeader).toHaveAttribute('aria-sort', 'ascending');
  const up = (await visitsCells()).map(Number);
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await visitsHeader.getByRole('button').click();
  await expect(visitsHeader).toHaveAttribute('aria-sort', 'descending');
  const down = (await visitsCells()).map(Number);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect(down[0]).toBeGreaterThan(down[down.length - 1]);
  // Only the sorted column says so.
  await expect(table.locator('thead th[aria-sort]')).toHaveCount(1);

  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '核心指标' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核心指标' })).toBeVisible();
  const fullyOnline = page.getByTestId('figure-all-fully-online');
  await expect(fullyOnline).toHaveText(/全程网办 \d+ \/ \d+ = \d+\.\d\d %/);
  await expect(page.getByTestId('figures-police').getByRole('heading', { name: '公安' })).toBeVisible();
  const chart = page.getByTestId('figures-all').getByRole('img', { name: /全部部门：比例指标/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /全程网办 \d+\.\d\d %/);
  await expectNoAxeViolations(page);
});

test('an audit finding links to its item', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/staff\/catalog$/);
  await page.goto('/staff/audit');
  await expect(page.getByTestId('audit-summary')).toHaveText(/检查 \d+ 个事项，发现 \d+ 个问题/);
  const finding = page.getByTestId('findings').getByRole('listitem').first();
  await expect(finding).toContainText('规则：');
  await expectNoAxeViolations(page);
  const link = finding.getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('the items CSV holds the filtered table, with a BOM', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/staff\/catalog$/);
  await expect(page.getByTestId('items-table')).toBeVisible();
  // On a phone the filters fold behind a toggle (open it once the page has settled).
  const toggle = page.getByRole('button', { name: /^筛选/ });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  const table = page.getByTestId('items-table');
  const everything = (await table.locator('caption').textContent()) ?? '';
  await page.getByRole('group', { name: '按部门浏览' }).getByRole('button', { name: '法院', exact: true }).click();
  await expect(page).toHaveURL(/dept=/);
  // The URL changes first; the table is re-made when the filtered list is in.
  await expect(table.locator('caption')).not.toHaveText(everything);
  await expect(table.locator('caption')).toHaveText(/共 \d+ 项/);
  const caption = (await table.locator('caption').textContent()) ?? '';
  const shown = Number(caption.match(/共 (\d+) 项/)![1]);
  await expect(table.locator('tbody tr')).toHaveCount(shown);
  expect(shown).toBeGreaterThan(0);

  const link = page.getByTestId('items-csv');
  await expect(link).toHaveAttribute('href', /dept=/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('事项目录.csv');
  const path = await download.path();
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(lines[0].split(',')).toContain('事项名称');
  expect(lines.length - 1).toBe(shown);
  for (const line of lines.slice(1)) expect(line).toContain('法院');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId('staff-bar')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible();
  await page.goto('/staff/catalog');
  await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible();
  await expect(page.getByTestId('items-table')).toHaveCount(0);
  const api = await page.request.get('/api/staff/items');
  expect(api.status()).toBe(401);
});

test('a wrong password gets the generic message, focused', async ({ page }) => {
  await signIn(page, 'justice', 'not-the-password');
  const summary = page.getByTestId('sign-in-error');
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toContainText('用户名或密码不正确。');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('密码')).toHaveValue('');
  await expectNoAxeViolations(page);

  // An empty form names each missing field.
  await page.getByLabel('用户名').fill('');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(summary).toContainText('请输入用户名');
  await expect(summary).toContainText('请输入密码');
  await expect(page.getByLabel('用户名')).toHaveAttribute('aria-invalid', 'true');
});

// The staff workspace is its own wasm: a citizen's visit never downloads it, a staff page loads
// only it, and the links between the two are full page loads of the other app.
test('citizens and staff each download only their own app', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push(path);
  });
  // The home page is the catalog alone; a guide is the whole portal.
  await page.goto('/');
  await expect(page.getByTestId('result-count')).toContainText(/\d/);
  expect(wasm).toEqual([expect.stringMatching(/^\/catalog\/portal-catalog-[0-9a-f]+_bg\.wasm$/)]);
  // Interest in a result (a pointer over it) fetches the whole portal's wasm ahead; following
  // the result loads it (from the cache).
  wasm.length = 0;
  const result = page.getByTestId('results').getByRole('link').first();
  await result.hover();
  await expect.poll(() => wasm).toEqual([expect.stringMatching(/^\/portal-[0-9a-f]+_bg\.wasm$/)]);
  await result.click();
  await expect(page).toHaveURL(/\/items\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(new Set(wasm)).toEqual(new Set([wasm[0]]));

  wasm.length = 0;
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible();
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^\/staff-app\/portal-staff-[0-9a-f]+_bg\.wasm$/);

  // The header's catalog link leaves the staff workspace for the citizen portal.
  wasm.length = 0;
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '事项目录' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('result-count')).toContainText(/\d/);
  expect(wasm).toEqual([expect.stringMatching(/^\/catalog\/portal-catalog-[0-9a-f]+_bg\.wasm$/)]);
});
