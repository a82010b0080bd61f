// Two more items end to end (法律援助 with a 告知承诺 instead of the hardship certificate and a
// material 容缺后补; a 12345
// hotline request whose mobile number becomes required by an answer), and files the server turns
// out not to have: the 422 names them and the app asks for exactly those files again.
import { expect, test } from '@playwright/test';
import { ApplyJourney, MOBILE, PNG, VALID_ID } from './apply-pages';

const LEGAL_AID = '11500103009301789G04017400100001'; // 法律援助申请
const HOTLINE = '11500103009301276R20017401700001'; // 12345 热线诉求

test('法律援助申请 with a commitment in place of the financial-hardship certificate', async ({ page }) => {
  const j = new ApplyJourney(page, LEGAL_AID);
  await j.start('?applicant=self&exempt=no');
  await j.startNow();
  await j.expectStep('申请人信息');
  await page.getByLabel('姓名').fill('陈一');
  await page.getByLabel('居民身份证号码').fill(VALID_ID);
  await page.getByLabel('手机号码').fill(MOBILE);
  await j.region('residence');
  await page.getByLabel('居住详细地址').fill('重庆市渝中区较场口 5 号');
  await j.choose(/^是否由法定代理人或近亲属代为申请/, '否');
  await j.next();
  // 代理申请人信息 is shown only for a proxy: the next step is 申请事项.
  await j.expectStep('申请事项');
  await page.getByRole('group', { name: /^案件类型/ }).getByRole('radio').first().check();
  await page.getByRole('group', { name: /^申请的法律援助形式/ }).getByRole('checkbox').first().check();
  await page.getByLabel('案情及申请理由').fill('用人单位拖欠工资三个月，无力聘请律师。');
  await j.choose(/^诉讼时效或上诉期限是否即将届满/, '否');
  await j.next();
  await j.expectStep('经济状况');
  await page.getByLabel('家庭人口数').fill('3');
  await page.getByLabel('家庭月人均收入（元）').fill('800');
  await j.choose(/^是否属于免予核查经济困难状况的情形/, '否');
  await j.next();
  await j.expectStep('提交材料');
  // The exempt-only certificate is not asked for; the hardship statement may be a commitment.
  await expect(page.getByTestId('material').filter({ hasText: '免予核查经济困难状况的证明' })).toHaveCount(0);
  const hardship = page.getByTestId('material').filter({ hasText: '经济困难状况说明' });
  await hardship.getByLabel(/告知承诺/).check();
  await expect(hardship.getByText(/确因经济困难无力支付法律服务费用/)).toBeVisible();
  await hardship.getByLabel(/我已阅读并同意/).check();
  // The case papers may follow later (容缺后补).
  await page.getByTestId('material').filter({ hasText: '与所申请法律援助事项有关的材料' }).getByLabel(/容缺后补/).check();
  await j.uploadAll();
  await j.check();
  await j.next();
  await expect(page.getByRole('definition').filter({ hasText: '告知承诺（D 级）' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /容缺后补/ })).toBeVisible();
  const reference = await j.submit();
  await page.getByRole('link', { name: '查看办理进度' }).click();
  await expect(page.getByText(reference)).toBeVisible();
  await expect(page.getByTestId('case-status')).toContainText('待受理');
});

/** The 12345 request up to its materials page: a complaint that asks for a reply. */
async function hotlineToMaterials(j: ApplyJourney) {
  const page = j.page;
  await j.start();
  await j.startNow();
  await j.expectStep('诉求内容');
  await page.getByRole('group', { name: /^诉求类型/ }).getByRole('radio').first().check();
  await page.getByLabel('诉求标题').fill('小区门口夜间施工噪音扰民');
  await page.getByLabel('诉求内容', { exact: true }).fill('每晚 22 点后仍在施工，影响休息，请有关部门处理。');
  await j.region('region');
  await j.next();
  await j.expectStep('联系方式');
  // Asking for a reply makes the mobile number required.
  await j.choose(/^是否需要回复办理结果/, '是');
  await j.choose(/^是否同意在隐去个人信息后公开诉求及答复/, '否');
  await j.next();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: '请填写手机号码' })).toBeVisible();
  await page.getByLabel(/^手机号码/).fill(MOBILE);
  await j.next();
  await j.expectStep('提交材料');
}

test('12345 热线诉求: a reply asked for makes the mobile number required', async ({ page }) => {
  const j = new ApplyJourney(page, HOTLINE);
  await hotlineToMaterials(j);
  await j.uploadAll();
  await j.next();
  await expect(page.getByText('小区门口夜间施工噪音扰民')).toBeVisible();
  await j.submit();
});

test('a file the server does not have is asked for again, and the application then goes through', async ({ page }) => {
  const j = new ApplyJourney(page, HOTLINE, false);
  await hotlineToMaterials(j);
  // The upload is stored, but the id the page receives is one the server never gave out (as after
  // a server-side clean-up): only the submission can find out.
  await page.route('**/api/uploads', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: body.map((f: { upload_id: string }) => ({ ...f, upload_id: `lost-${f.upload_id}` })) });
  });
  await j.uploadAll();
  await page.unroute('**/api/uploads');
  await j.next();
  await page.getByRole('button', { name: '提交申请' }).click();

  // The real server refuses with 422 naming the material; the app keeps everything else.
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: /^“诉求内容”的文件未能保存到服务器，请重新选择上传$/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交材料');
  const material = page.getByTestId('material').filter({ hasText: '诉求内容' });
  await expect(material.getByText('需要重新选择此文件')).toBeVisible();

  // Choosing the same file again fills its place in the list.
  await material.locator('input[type=file]').setInputFiles({ name: '材料1.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.locator('.file-pending')).toHaveCount(0);
  await expect(material.getByText('需要重新选择此文件')).toHaveCount(0);
  await expect(material.locator('.file-name', { hasText: '材料1.png' })).toHaveCount(1);
  await j.next();
  await expect(page.getByText('小区门口夜间施工噪音扰民')).toBeVisible();
  await j.submit();
});
