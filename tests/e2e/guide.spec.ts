// "我要准备什么" on the guide: situation questions, the citizen's own materials, answers kept in
// the URL, and the printable one-time checklist (一次性告知单).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { GuidePage, expectNoAxeViolations } from './pages';

type Summary = { code: string; name: string };

async function itemCode(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get('/api/items');
  expect(response.ok()).toBe(true);
  const items: Summary[] = await response.json();
  const item = items.find((i) => i.name === name);
  expect(item, name).toBeDefined();
  return item!.code;
}

function myMaterials(page: Page) {
  return page.getByRole('list', { name: '我需要准备的材料' }).getByRole('listitem');
}

test('answering 委托他人 adds the 委托书, and the answer survives a reload', async ({ page, request }) => {
  const code = await itemCode(request, '无犯罪记录证明开具');
  await page.goto(`/items/${code}`);
  const guide = new GuidePage(page);
  await expect(guide.heading).toHaveText('无犯罪记录证明开具');
  await expect(guide.section('我要准备什么')).toBeVisible();
  const question = page.getByRole('group', { name: '由谁提出申请？' });
  const count = page.getByTestId('situation-count');
  await expect(count).toHaveAttribute('aria-live', 'polite');
  await expect(count).toContainText('还有 1 个问题未回答');
  await expectNoAxeViolations(page);

  // Keyboard: Tab into the group, Space picks the focused option.
  await question.getByRole('radio', { name: '本人申请' }).focus();
  await page.keyboard.press('Space');
  await expect(question.getByRole('radio', { name: '本人申请' })).toBeChecked();
  await expect(page).toHaveURL(/\?s\.applicant=self$/);
  await expect(myMaterials(page)).toHaveCount(1);
  await expect(myMaterials(page).first()).toContainText('居民身份证');
  await expect(myMaterials(page).first()).toContainText('由部门共享核验，无需提交');
  await expect(page.getByRole('list', { name: '我需要准备的材料' })).not.toContainText('委托书');

  await question.getByRole('radio', { name: '委托他人代为申请' }).check();
  await expect(page).toHaveURL(/\?s\.applicant=agent$/);
  await expect(myMaterials(page)).toHaveCount(2);
  await expect(myMaterials(page).nth(1)).toContainText('委托书及受托人居民身份证');
  await expect(count).toContainText('2 项材料');
  // The apply link carries the answers on.
  await expect(page.getByRole('link', { name: '在线办理' })).toHaveAttribute('href', `/items/${code}/apply?s.applicant=agent`);
  // The full table stays for reference.
  await expect(guide.materials).toContainText('委托书及受托人居民身份证');
  await expectNoAxeViolations(page);
  mkdirSync('tests/e2e/artifacts', { recursive: true });
  await page.getByTestId('situation').screenshot({ path: `tests/e2e/artifacts/situation-${test.info().project.name}.png` });

  await page.reload();
  await expect(page.getByRole('group', { name: '由谁提出申请？' }).getByRole('radio', { name: '委托他人代为申请' })).toBeChecked();
  await expect(myMaterials(page)).toHaveCount(2);
  await expect(myMaterials(page).nth(1)).toContainText('委托书');
});

test('the one-time checklist prints only the sheet: answers, materials, place, phones, date', async ({ page, request }) => {
  const code = await itemCode(request, '无犯罪记录证明开具');
  await page.goto(`/items/${code}?s.applicant=agent`);
  await expect(myMaterials(page)).toHaveCount(2);
  const print = page.getByRole('button', { name: '打印一次性告知单' });
  await expect(print).toBeVisible();
  const sheet = page.getByTestId('notice-sheet');
  await expect(sheet, 'hidden on screen').toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('一次性告知单');
  await expect(sheet).toContainText('无犯罪记录证明开具');
  await expect(sheet).toContainText('委托他人代为申请');
  const rows = sheet.getByTestId('sheet-materials').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('委托书及受托人居民身份证');
  await expect(sheet).toContainText('办理地点');
  await expect(sheet).toContainText('咨询电话');
  await expect(sheet).toContainText(/打印日期：\d{4}年\d{1,2}月\d{1,2}日/);
  mkdirSync('tests/e2e/artifacts', { recursive: true });
  await page.screenshot({ path: `tests/e2e/artifacts/checklist-print-${test.info().project.name}.png`, fullPage: true });
  for (const hidden of [page.locator('header.site-header'), page.locator('footer.site-footer'), page.locator('nav').first(), print, page.getByTestId('situation'), page.getByTestId('materials')]) {
    await expect(hidden).toBeHidden();
  }

  await page.emulateMedia({ media: 'screen' });
  await expect(sheet).toBeHidden();
  await expect(page.locator('header.site-header')).toBeVisible();
});

test('without situation questions the checklist lists every material', async ({ page, request }) => {
  const response = await request.get('/api/items');
  const items: Summary[] = await response.json();
  // Find an item without questions: its guide has no "我要准备什么" but a print button by the table.
  let found = false;
  for (const item of items.slice(0, 12)) {
    await page.goto(`/items/${item.code}`);
    await expect(new GuidePage(page).heading).toHaveText(item.name);
    if (await page.getByTestId('situation').count()) continue;
    found = true;
    const total = await page.getByTestId('materials').locator('tbody tr').count();
    await expect(page.getByRole('button', { name: '打印一次性告知单' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('sheet-materials').locator('tbody tr')).toHaveCount(total);
    await page.emulateMedia({ media: 'screen' });
    break;
  }
  expect(found).toBe(true);
});

test('in English the questions and the list are English, catalog names stay Chinese', async ({ page, request }) => {
  const code = await itemCode(request, '无犯罪记录证明开具');
  await page.goto(`/items/${code}?s.applicant=agent`);
  await page.getByTestId('switch-lang').click();
  await expect(page.getByRole('heading', { level: 2, name: 'What do I need?' })).toBeVisible();
  const question = page.getByRole('group', { name: 'Who is applying?' });
  await expect(question.getByRole('radio', { name: 'Someone applies on my behalf' })).toBeChecked();
  const list = page.getByRole('list', { name: 'The materials I need' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.locator('strong[lang="zh-CN"]').first()).toHaveText('居民身份证');
  await expect(page.getByRole('button', { name: 'Print the one-time checklist' })).toBeVisible();
  await expectNoAxeViolations(page);
});
