// A whole application made from the keyboard alone: Tab / Shift-Tab move, Enter follows links and
// presses buttons, Space ticks, and the only other keys are the ones a control itself takes
// (typing into a text box, an arrow key inside a radio group or a closed <select>). Every element
// that takes focus on the way must show a visible focus ring.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CODES, MOBILE, VALID_ID } from './apply-pages';
import { CatalogPage } from './pages';

/** Fails unless the focused element draws a focus indicator (an outline or a box shadow). */
async function expectVisibleFocus(page: Page, on = '') {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      what: `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 24)}"`,
      ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0,
    };
  });
  expect(focus, `something has focus ${on}`).not.toBeNull();
  expect(focus!.ring, `visible focus ring on ${focus!.what}`).toBe(true);
  expect(focus!.onScreen, `focused ${focus!.what} is on screen`).toBe(true);
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus, checking the focus ring at every stop. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 80) {
  await expect(target).toBeAttached();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    await expectVisibleFocus(page, `on the way to ${target}`);
    if (await isFocused(target)) return;
  }
  throw new Error(`${key} never reached ${target}`);
}

test('an application from search to receipt with the keyboard alone', async ({ page }) => {
  const home = new CatalogPage(page);
  await page.goto('/');
  await expect(home.count).toBeVisible();

  // The first stop is the skip link, shown when focused.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
  await expectVisibleFocus(page);
  await tabTo(page, home.search);
  await page.keyboard.type('wfzjl');
  const result = home.cards.first().getByRole('link', { name: '无犯罪记录证明' });
  await expect(result).toBeVisible();
  await tabTo(page, result);
  await page.keyboard.press('Enter');

  // The guide: its apply button.
  const apply = page.getByRole('link', { name: '在线办理' });
  await tabTo(page, apply);
  await page.keyboard.press('Enter');

  // 申请须知: answer the situation question with Space, start with Enter.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('申请须知');
  const self = page.getByRole('group', { name: '由谁提出申请？' }).getByLabel('本人申请');
  await tabTo(page, self);
  if (!(await self.isChecked())) await page.keyboard.press('Space');
  await expect(self).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: '开始申请' }));
  await page.keyboard.press('Enter');

  // Step 1, sent empty: the error summary takes focus; its first link leads to the field.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('申请人信息');
  const next = page.getByRole('button', { name: '下一步' });
  await tabTo(page, next);
  await page.keyboard.press('Enter');
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expectVisibleFocus(page);
  await tabTo(page, summary.getByRole('link', { name: '请填写姓名' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('姓名')).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.type('张三');
  await tabTo(page, page.getByLabel('居民身份证号码'));
  await page.keyboard.type(VALID_ID);
  await tabTo(page, page.getByLabel('手机号码'));
  await page.keyboard.type(MOBILE);
  // Shift+Tab goes back to the ID number, which kept what was typed.
  await tabTo(page, page.getByLabel('居民身份证号码'), 'Shift+Tab');
  await expect(page.getByLabel('居民身份证号码')).toHaveValue(VALID_ID);
  const agent = page.getByRole('group', { name: /^是否委托他人代为申请/ });
  await tabTo(page, agent.getByRole('radio').first());
  // In a radio group the arrow keys choose; 否 follows 是.
  await page.keyboard.press('ArrowDown');
  await expect(agent.getByLabel('否', { exact: true })).toBeChecked();
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  // Step 2: a choice by Space, the region by arrow keys on each closed <select>, an address typed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('证明用途');
  const purpose = page.getByRole('group', { name: /^用途/ }).getByRole('radio').first();
  await tabTo(page, purpose);
  await page.keyboard.press('Space');
  await expect(purpose).toBeChecked();
  for (const id of ['#residence', '#residence-city', '#residence-district']) {
    const select = page.locator(id);
    await expect(select).toBeEnabled();
    await tabTo(page, select);
    await page.keyboard.press('ArrowDown');
    await expect(select).not.toHaveValue('');
  }
  await tabTo(page, page.getByLabel('详细地址'));
  await page.keyboard.type('重庆市渝中区解放碑街道 1 号');
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  // Materials: checked by data sharing, nothing to give.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交材料');
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  // Check answers, then submit with Enter.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('核对申请信息');
  await expect(page.getByText('张三', { exact: true })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: '提交申请' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('申请已提交');
  await expect(page.getByTestId('reference')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  expect(await page.evaluate((code) => localStorage.getItem(`portal.draft.${code}`), CODES.noCriminalRecord)).toBeNull();
});
