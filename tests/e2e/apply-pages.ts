// Page objects of the online application: what an applicant sees and does on each page.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './pages';

export const CODES = {
  noCriminalRecord: '11500103009302116520017302400001', // 无犯罪记录证明
  residencePermit: '11500103009302116507017300600001', // 居住证申领
  civilCase: '11500103009304759320090100100001', // 民事一审网上立案
};

export const VALID_ID = '11010519491231002X';
export const VALID_CREDIT_CODE = '91350100M000100Y43';
export const MOBILE = '13800138000';

/** A 1×1 PNG: the server checks content by its magic bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export class ApplyJourney {
  constructor(readonly page: Page, readonly code: string, readonly axe = true) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async check() {
    if (this.axe) await expectNoAxeViolations(this.page);
  }

  async start(situation = '') {
    await this.page.goto(`/items/${this.code}/apply${situation}`);
    await expect(this.heading()).toHaveText('申请须知');
    await this.check();
  }

  async choose(question: string | RegExp, option: string) {
    await this.page.getByRole('group', { name: question }).getByLabel(option, { exact: true }).check();
  }

  async startNow() {
    await this.page.getByRole('button', { name: '开始申请' }).click();
  }

  async expectStep(title: string, n?: number, total?: number) {
    await expect(this.heading()).toHaveText(title);
    if (n !== undefined) await expect(this.page.getByTestId('progress')).toHaveText(`第 ${n} 步，共 ${total} 步`);
    await this.check();
  }

  async next() {
    await this.page.getByRole('button', { name: /下一步|保存并返回核对/ }).click();
  }

  async region(prefix: string, province = '500000', city = '500100', district = '500103') {
    await this.page.locator(`#${prefix}`).selectOption(province);
    await this.page.locator(`#${prefix}-city`).selectOption(city);
    await this.page.locator(`#${prefix}-district`).selectOption(district);
  }

  /** Uploads a PNG for every material that asks for files, and waits for each to finish. */
  async uploadAll() {
    const inputs = this.page.locator('input[type=file]');
    const count = await inputs.count();
    for (let i = 0; i < count; i++) {
      await inputs.nth(i).setInputFiles({ name: `材料${i + 1}.png`, mimeType: 'image/png', buffer: PNG });
      await expect(this.page.locator(".file-name", { hasText: `材料${i + 1}.png` })).toBeVisible();
      await expect(this.page.locator('.file-pending')).toHaveCount(0);
    }
  }

  async submit(): Promise<string> {
    await expect(this.heading()).toHaveText('核对申请信息');
    await this.check();
    await this.page.getByRole('button', { name: '提交申请' }).click();
    await expect(this.heading()).toHaveText('申请已提交');
    const reference = (await this.page.getByTestId('reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await this.check();
    const draft = await this.page.evaluate((code) => localStorage.getItem(`portal.draft.${code}`), this.code);
    expect(draft).toBeNull();
    return reference;
  }
}
