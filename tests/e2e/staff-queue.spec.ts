// The application queue against the release build and the real mock API: filter the list and
// keep the filter in the address bar, page through it, accept an application, request a
// correction (a blank note refused in place), someone else acting first (409), applicant text
// shown as text, department scoping, signing out, and axe on both pages in both languages.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './pages';
import { NO_CRIME_RECORD, signInAs, submitApplication, uploadPdf } from './staff-api';

/** A name no other test run uses, so its row is easy to find. */
function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36).slice(-5)}`;
}

async function signInWithForm(page: Page, username: string, password: string) {
  await page.goto('/staff');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/catalog$/);
}

const queueTable = (page: Page) => page.getByTestId('queue-table');
const eventLog = (page: Page) => page.getByTestId('event-log').getByRole('listitem');

test('police filter the queue to 待受理 and accept an application', async ({ page }) => {
  const name = uniqueName('王五');
  const fileName = `身份证${Date.now()}.pdf`;
  const reference = await submitApplication(page.request, name, await uploadPdf(page.request, fileName));
  await signInWithForm(page, 'police', 'police-dev-2026!');

  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '申请件' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请件' })).toBeVisible();
  await expect(queueTable(page)).toBeVisible();
  // A department account cannot choose another department.
  await expect(page.getByLabel('部门')).toHaveCount(0);
  await expect(page.getByText('部门：公安（本账号只能查看本部门的申请）')).toBeVisible();

  await page.getByLabel('状态').selectOption('待受理');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/status=%E5%BE%85%E5%8F%97%E7%90%86/);
  await expect(queueTable(page).locator('tbody tr').first()).toBeVisible();
  for (const status of await queueTable(page).locator('tbody tr td:nth-child(4)').allTextContents()) {
    expect(status).toBe('待受理');
  }
  // The filter survives a reload.
  await page.reload();
  await expect(page.getByLabel('状态')).toHaveValue('待受理');
  const row = queueTable(page).locator('tbody tr').filter({ hasText: reference });
  await expect(row.getByTestId('applicant')).toHaveText(name);
  await expect(row).toContainText('无犯罪记录证明开具');

  await row.getByRole('link', { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/applications/${reference}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`申请件 ${reference}`);
  await expect(page.getByTestId('status')).toHaveText('待受理');
  await expect(page.getByTestId('answers')).toContainText('居民身份证号码');
  await expect(page.getByTestId('situation')).toContainText('本人申请');
  // The attachment downloads with its name.
  const file = page.getByTestId('materials').getByRole('link', { name: fileName });
  await expect(file).toHaveAttribute('href', new RegExp(`/api/staff/applications/${reference}/uploads/`));
  const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  await expect(eventLog(page)).toHaveCount(1);
  await expect(eventLog(page).first()).toContainText('申请人');

  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('action-done')).toHaveText('已受理，当前状态：已受理。');
  await expect(page.getByTestId('action-done')).toBeFocused();
  await expect(page.getByTestId('status')).toHaveText('已受理');
  await expect(eventLog(page)).toHaveCount(2);
  await expect(eventLog(page).last()).toContainText('待受理 → 已受理');
  await expect(eventLog(page).last()).toContainText('police');
  // The next step is offered now, and 受理 no longer is.
  await expect(page.getByRole('button', { name: '开始审查' })).toBeVisible();
  await expect(page.getByRole('button', { name: '受理', exact: true })).toHaveCount(0);
});

test('要求补正 needs a note: a blank one is refused at the field, then it is recorded', async ({ page }) => {
  const reference = await submitApplication(page.request, uniqueName('赵六'));
  await signInAs(page.request, 'police');
  await page.goto(`/staff/applications/${reference}`);
  await expect(page.getByTestId('status')).toHaveText('待受理');

  const toggle = page.getByRole('button', { name: '要求补正', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const note = page.getByRole('textbox', { name: '需补正的材料或内容' });
  await expect(note).toBeFocused();
  await page.getByRole('button', { name: '确认要求补正' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toBeFocused();
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('status')).toHaveText('待受理');
  await summary.getByRole('link', { name: '请填写需补正的材料或内容' }).click();
  await expect(note).toBeFocused();

  await note.fill('请补充上传户口簿首页及本人页');
  // The first try never reaches the server: the note is kept for the second.
  await page.route('**/transitions*', (route) => route.abort('connectionreset'));
  await page.getByRole('button', { name: '确认要求补正' }).click();
  await expect(page.getByTestId('action-failed')).toContainText('未能提交，您填写的内容已保留。');
  await expect(note).toHaveValue('请补充上传户口簿首页及本人页');
  await page.unroute('**/transitions*');
  await page.getByRole('button', { name: '确认要求补正' }).click();
  await expect(page.getByTestId('status')).toHaveText('需补正');
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await expect(eventLog(page).last()).toContainText('待受理 → 需补正');
  await expect(eventLog(page).last()).toContainText('请补充上传户口簿首页及本人页');
  // What the applicant sees says what is missing.
  const applicantView = await (await page.request.get(`/api/applications/${reference}`)).text();
  expect(applicantView).toContain('请补充上传户口簿首页及本人页');
});

test('a note being typed survives a switch of language', async ({ page }) => {
  const reference = await submitApplication(page.request, uniqueName('孙八'));
  await signInAs(page.request, 'police');
  await page.goto(`/staff/applications/${reference}`);
  await page.getByRole('button', { name: '不予受理' }).click();
  await page.getByRole('textbox', { name: '不予受理的理由' }).fill('不属于本机关管辖');
  await page.getByTestId('switch-lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The page is worded again in English; the open box and its text are still there.
  const note = page.locator('#note-reject');
  await expect(note).toBeVisible();
  await expect(note).toHaveValue('不属于本机关管辖');
  await page.getByTestId('switch-lang').click();
  await expect(page.getByRole('textbox', { name: '不予受理的理由' })).toHaveValue('不属于本机关管辖');
});

test('someone else acting first is said and the page shows the application as it is now', async ({ page }) => {
  const reference = await submitApplication(page.request, uniqueName('钱七'));
  await signInAs(page.request, 'police');
  await page.goto(`/staff/applications/${reference}`);
  await page.getByRole('button', { name: '不予受理' }).click();
  await page.getByRole('textbox', { name: '不予受理的理由' }).fill('不属于本机关管辖');
  // Meanwhile a colleague accepts it.
  const other = await page.request.post(`/api/staff/applications/${reference}/transitions`, { data: { action: '受理', note: '' } });
  expect(other.status()).toBe(200);

  await page.getByRole('button', { name: '确认不予受理' }).click();
  const banner = page.getByTestId('changed-meanwhile');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('此申请已被他人更改');
  await expect(page.getByTestId('status')).toHaveText('已受理');
  await expect(page.getByRole('button', { name: '开始审查' })).toBeVisible();
  await expect(eventLog(page)).toHaveCount(2);
});

test('an applicant name that looks like markup is shown as text and runs nothing', async ({ page }) => {
  const markup = '<img src=x onerror=alert(1)>';
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog fired: ${dialog.message()}`);
  });
  const reference = await submitApplication(page.request, markup);
  await signInAs(page.request, 'police');
  await page.goto('/staff/applications');
  const row = queueTable(page).locator('tbody tr').filter({ hasText: reference });
  await expect(row.getByTestId('applicant')).toHaveText(markup);
  await expect(page.locator('img')).toHaveCount(0);

  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByTestId('applicant')).toHaveText(markup);
  await expect(page.getByTestId('answers')).toContainText(markup);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll('[onerror]').length)).toBe(0);
});

test('a court account sees only court applications', async ({ page }) => {
  const reference = await submitApplication(page.request, uniqueName('孙八'));
  await signInAs(page.request, 'court');
  await page.goto('/staff/applications');
  await expect(page.getByText('部门：法院（本账号只能查看本部门的申请）')).toBeVisible();
  await expect(page.getByTestId('queue-table').or(page.getByTestId('queue-empty'))).toBeVisible();
  await expect(page.getByRole('link', { name: reference })).toHaveCount(0);
  await expect(page.locator('td', { hasText: '无犯罪记录证明开具' })).toHaveCount(0);

  await page.goto(`/staff/applications/${reference}`);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveCount(0);
});

test('an administrator chooses a department and an item by name; pages hold 20', async ({ page }) => {
  await signInAs(page.request, 'admin');
  // Enough police applications for a second page.
  const listed = await (await page.request.get(`/api/staff/applications?item=${NO_CRIME_RECORD}&size=1`)).json();
  for (let n = listed.total; n < 21; n++) await submitApplication(page.request, uniqueName('周九'));

  await page.goto('/staff/applications');
  await page.getByLabel('部门').selectOption('公安');
  // Part of a name that two items share is not enough…
  await page.getByLabel('事项').fill('无犯罪');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('“无犯罪”对应 2 个事项，请输入完整名称');
  await expect(page.getByLabel('事项')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/staff\/applications$/);
  // …the whole name is.
  await page.getByLabel('事项').fill('无犯罪记录证明开具');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/item=11500103009302116520017302400001/);
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await expect(page.getByLabel('事项')).toHaveValue('无犯罪记录证明开具');
  // The URL changes first; the list follows when the filtered answer is in (a police item, so
  // the department changes nothing).
  const { total } = await (await page.request.get(`/api/staff/applications?item=${NO_CRIME_RECORD}&size=1`)).json();
  const pages = Math.ceil(total / 20);
  expect(pages).toBeGreaterThanOrEqual(2);
  const status = page.getByTestId('page-status');
  await expect(status).toHaveText(`第 1 / ${pages} 页，共 ${total} 件`);
  await expect(queueTable(page).locator('tbody tr')).toHaveCount(20);
  await expect(page.getByRole('link', { name: '上一页' })).toHaveCount(0);

  await page.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(status).toHaveText(`第 2 / ${pages} 页，共 ${total} 件`);
  await expect(page.getByRole('link', { name: '上一页' })).toBeVisible();
  await expect(page.getByLabel('部门')).toHaveValue('公安');

  // An item that does not exist and dates the wrong way round are refused at their fields.
  await page.getByLabel('事项').fill('不存在的事项');
  await page.getByLabel('提交日期自').fill('2026-05-02');
  await page.getByLabel('提交日期至').fill('2026-05-01');
  await page.getByRole('button', { name: '筛选' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('没有名称或编码为“不存在的事项”的事项');
  await expect(summary).toContainText('“提交日期至”不能早于“提交日期自”');
  await expect(page.getByLabel('提交日期至')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/page=2/);

  // Clearing the filter empties the fields.
  await page.getByRole('link', { name: '清除筛选条件' }).click();
  await expect(page).toHaveURL(/\/staff\/applications$/);
  await expect(page.getByLabel('部门')).toHaveValue('');
  await expect(page.getByLabel('事项')).toHaveValue('');
});

test('signed out, the queue asks for sign-in', async ({ page }) => {
  await signInAs(page.request, 'police');
  await page.goto('/staff/applications');
  await expect(queueTable(page).or(page.getByTestId('queue-empty'))).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto('/staff/applications');
  await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible();
  await expect(page.getByTestId('queue-table')).toHaveCount(0);
  expect((await page.request.get('/api/staff/applications')).status()).toBe(401);
});

test('axe finds nothing on the list and the detail, in Chinese and English', async ({ page }) => {
  const reference = await submitApplication(page.request, uniqueName('吴十'));
  await signInAs(page.request, 'admin');
  await page.goto('/staff/applications');
  await expect(queueTable(page)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/staff/applications/${reference}`);
  await expect(page.getByTestId('status')).toHaveText('待受理');
  await page.getByRole('button', { name: '要求补正' }).click();
  await page.getByRole('button', { name: '确认要求补正' }).click();
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByTestId('switch-lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('status')).toHaveText('Awaiting acceptance');
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  await expect(page.getByTestId('answers')).toContainText('ID card number');
  await expectNoAxeViolations(page);
  // The box opened before the switch is still open, now in English.
  await expect(page.getByRole('button', { name: 'Request a correction', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('textbox', { name: 'What is missing' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the applications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await expect(page.getByTestId('page-status')).toHaveText(/^Page 1 of \d+, \d+ in all$/);
  await expectNoAxeViolations(page);
});
