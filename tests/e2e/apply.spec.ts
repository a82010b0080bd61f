// The online application end to end against the release build and the real mock API: three
// items, a draft surviving a reload, a failed submit retried with the same Idempotency-Key, and
// axe on every page.
import { expect, test } from '@playwright/test';
import { ApplyJourney, CODES, MOBILE, VALID_ID } from './apply-pages';

test('无犯罪记录证明: situation, steps with validation, shared-check material, submit, receipt', async ({ page }) => {
  const j = new ApplyJourney(page, CODES.noCriminalRecord);
  await j.start('?applicant=self');
  await expect(page.getByRole('group', { name: '由谁提出申请？' }).getByLabel('本人申请')).toBeChecked();
  await j.startNow();
  await j.expectStep('申请人信息');
  // Nothing filled in: an error summary that takes focus, "错误：" in the title.
  await j.next();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^错误：/);
  await expect(summary.getByRole('link', { name: '请填写姓名' })).toBeVisible();
  await j.check();
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('居民身份证号码').fill('110105194912310021');
  await j.next();
  await expect(summary.getByRole('link', { name: '身份证号码校验位不正确' })).toBeVisible();
  await summary.getByRole('link', { name: '身份证号码校验位不正确' }).click();
  await expect(page.getByLabel('居民身份证号码')).toBeFocused();
  await expect(page.getByLabel('居民身份证号码')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('居民身份证号码').fill(VALID_ID);
  await page.getByLabel('手机号码').fill(MOBILE);
  await expect(page.getByText('电子邮箱（选填）')).toBeVisible();
  await j.choose(/^是否委托他人代为申请/, '否');
  await j.next();
  await j.expectStep('证明用途', 2, 4);
  await page.getByRole('group', { name: /^用途/ }).getByRole('radio').first().check();
  await j.region('residence');
  await page.getByLabel('详细地址').fill('重庆市渝中区解放碑街道 1 号');
  await j.next();
  await j.expectStep('提交材料', 3, 4);
  await expect(page.getByText('由部门共享核验，无需提交')).toBeVisible();
  await j.next();
  await expect(page.getByText('张三')).toBeVisible();
  // 修改 returns to the step and back to the check page.
  await page.getByRole('link', { name: '修改 姓名' }).click();
  await j.expectStep('申请人信息');
  await page.getByLabel('姓名').fill('张三丰');
  await page.getByRole('button', { name: '保存并返回核对' }).click();
  await expect(page.getByText('张三丰')).toBeVisible();
  const reference = await j.submit();
  await page.getByRole('link', { name: '查看办理进度' }).click();
  await expect(page.getByText(reference)).toBeVisible();
});

test('居住证申领 with two family members, a commitment and uploads', async ({ page }) => {
  const j = new ApplyJourney(page, CODES.residencePermit);
  await j.start();
  await j.startNow();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await j.choose(/首次申领/, '首次申领');
  await j.choose(/申领居住证/, '合法稳定住所');
  await j.startNow();
  await j.expectStep('申请人信息');
  await page.getByLabel('姓名').fill('王五');
  await page.getByLabel('居民身份证号码').fill(VALID_ID);
  await page.getByLabel('手机号码').fill(MOBILE);
  await j.next();
  await j.expectStep('居住信息');
  await j.region('residence');
  await page.getByLabel('居住详细地址').fill('重庆市渝中区民生路 8 号');
  await page.getByLabel('开始居住日期').fill('2023-05-01');
  await page.getByRole('group', { name: /^申领条件/ }).getByRole('radio').first().check();
  await j.next();
  await j.expectStep('随行家庭成员');
  for (const [row, name] of [[0, '王小五'], [1, '李梅']] as const) {
    await page.getByRole('button', { name: '添加家庭成员' }).click();
    await expect(page.locator(`#family-${row}-name`)).toBeFocused();
    await page.locator(`#family-${row}-name`).fill(name);
    await page.locator(`#family-${row}-relation`).check();
    await page.locator(`#family-${row}-id_number`).fill(VALID_ID);
  }
  await j.check();
  await j.next();
  await j.expectStep('提交材料');
  // 居住地住址证明 may be replaced by a commitment (level D).
  const proof = page.getByTestId('material').filter({ hasText: '居住地住址证明' });
  await proof.getByLabel(/告知承诺/).check();
  await j.next();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await proof.getByLabel(/我已阅读并同意/).check();
  await j.uploadAll();
  await j.check();
  await j.next();
  await expect(page.getByRole('term').filter({ hasText: '家庭成员 2 · 姓名' })).toBeVisible();
  await expect(page.getByText('李梅')).toBeVisible();
  await j.submit();
});

test('民事一审立案 with a legal-person defendant and a credit code', async ({ page }) => {
  const j = new ApplyJourney(page, CODES.civilCase);
  await j.start('?applicant=self');
  await j.startNow();
  await j.expectStep('案件信息');
  await page.getByRole('group', { name: /^案由/ }).getByRole('radio').first().check();
  await page.getByLabel('诉讼请求').fill('判令被告支付货款 10 万元。');
  await page.getByLabel('事实与理由').fill('双方签订买卖合同，被告未按约付款。');
  await j.next();
  await j.expectStep('原告');
  await page.locator('#plaintiffs-0-party_type').check();
  await page.locator('#plaintiffs-0-name').fill('赵六');
  await page.locator('#plaintiffs-0-id_number').fill(VALID_ID);
  await page.locator('#plaintiffs-0-address').fill('重庆市渝中区中山一路 1 号');
  await page.locator('#plaintiffs-0-mobile').fill(MOBILE);
  await j.next();
  await j.expectStep('被告');
  await page.locator('#defendants-0-party_type-1').check();
  await page.locator('#defendants-0-name').fill('重庆某某贸易有限公司');
  // A code that fails its check character: a warning the applicant may confirm.
  await page.locator('#defendants-0-credit_code').fill('91350100M000100Y44');
  await page.locator('#defendants-0-representative').fill('钱七');
  await page.locator('#defendants-0-address').fill('重庆市江北区观音桥 2 号');
  await page.locator('#defendants-0-mobile').fill('13900139000');
  await j.next();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await j.check();
  await page.getByLabel('我确认该代码无误').check();
  await j.next();
  await j.expectStep('送达信息');
  await j.region('service_region');
  await page.getByLabel('送达详细地址').fill('重庆市渝中区中山一路 1 号');
  await page.getByLabel('接收短信的手机号码').fill(MOBILE);
  await j.choose(/^是否同意电子送达/, '否');
  await j.next();
  await j.expectStep('提交材料');
  await j.uploadAll();
  await j.next();
  // The confirmed code is kept as the applicant typed it.
  await expect(page.getByRole('definition').filter({ hasText: '91350100M000100Y44' })).toBeVisible();
  await j.submit();
});

test('a draft survives a reload and offers 继续填写 / 重新开始', async ({ page }) => {
  const j = new ApplyJourney(page, CODES.noCriminalRecord, false);
  await j.start('?applicant=self');
  await j.startNow();
  await page.getByLabel('姓名').fill('孙八');
  await page.reload();
  await expect(page.getByLabel('姓名')).toHaveValue('孙八');
  await page.goto(`/items/${CODES.noCriminalRecord}/apply`);
  await expect(page.getByRole('heading', { name: '您有一份未完成的申请' })).toBeVisible();
  await page.getByRole('button', { name: '继续填写' }).click();
  await expect(page.getByLabel('姓名')).toHaveValue('孙八');
  await page.goto(`/items/${CODES.noCriminalRecord}/apply`);
  await page.getByRole('button', { name: '重新开始' }).click();
  await expect(page.getByRole('heading', { name: '您有一份未完成的申请' })).toHaveCount(0);
  const stored = await page.evaluate((c) => localStorage.getItem(`portal.draft.${c}`), CODES.noCriminalRecord);
  expect(stored === null || !stored.includes('孙八')).toBe(true);
});

test('a failed submit keeps everything; the retry makes exactly one application', async ({ page }) => {
  const j = new ApplyJourney(page, CODES.noCriminalRecord, false);
  await j.start('?applicant=self');
  await j.startNow();
  await page.getByLabel('姓名').fill('周九');
  await page.getByLabel('居民身份证号码').fill(VALID_ID);
  await page.getByLabel('手机号码').fill(MOBILE);
  await j.choose(/^是否委托他人代为申请/, '否');
  await j.next();
  await page.getByRole('group', { name: /^用途/ }).getByRole('radio').first().check();
  await j.region('residence');
  await page.getByLabel('详细地址').fill('重庆市渝中区 3 号');
  await j.next();
  await j.next();
  const keys: string[] = [];
  let aborted = false;
  await page.route('**/api/applications', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (!aborted) {
      aborted = true;
      // The server stores it, but the answer never arrives: the worst case for duplicates.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('submit-failed')).toBeVisible();
  await expect(page).toHaveTitle(/^错误：/);
  await expect(page.getByText('周九')).toBeVisible();
  await page.getByRole('button', { name: '重新提交' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('申请已提交');
  expect(keys).toHaveLength(2);
  expect(keys[0]).toBe(keys[1]);
  // The same key again answers with the same reference: one application.
  const reference = (await page.getByTestId('reference').textContent())?.trim();
  const body = await page.evaluate(async ([key]) => {
    const r = await fetch(`/api/applications`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: '{}' });
    return r.status;
  }, [keys[0]]);
  expect([200, 201, 422]).toContain(body);
  expect(reference).toBeTruthy();
});
