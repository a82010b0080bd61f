// The portal's routes as the route matrix opens them: each waits until its page has settled.
import { expect, type Page } from '@playwright/test';

export interface MatrixRoute {
  name: string;
  open(page: Page): Promise<void>;
}

const noCrimeRecord = '11500103009302116520017302400001';

async function settled(page: Page, path: string, ready: string) {
  await page.goto(path);
  await expect(page.locator(ready).first()).toBeVisible();
}

export const matrixRoutes: MatrixRoute[] = [
  { name: 'catalog', open: (page) => settled(page, '/', '[data-testid=result-count]') },
  { name: 'search', open: (page) => settled(page, '/?q=身份证', '[data-testid=result-count]') },
  { name: 'empty-search', open: (page) => settled(page, '/?q=zzzzqqq', '[data-testid=result-count]') },
  { name: 'guide', open: (page) => settled(page, `/items/${noCrimeRecord}`, '[data-testid=guide]') },
  { name: 'not-found', open: (page) => settled(page, '/no-such-page', '[data-testid=not-found]') },
  { name: 'apply-intro', open: (page) => settled(page, `/items/${noCrimeRecord}/apply`, 'main h1') },
  { name: 'staff-sign-in', open: (page) => settled(page, '/staff', 'main form') },
  {
    name: 'staff-catalog',
    open: async (page) => {
      await signIn(page);
      await settled(page, '/staff/catalog', 'main table');
    },
  },
  {
    name: 'staff-figures',
    open: async (page) => {
      await signIn(page);
      await settled(page, '/staff/figures', 'main svg');
    },
  },
  {
    name: 'staff-audit',
    open: async (page) => {
      await signIn(page);
      await settled(page, '/staff/audit', 'main h1');
    },
  },
];

/** Signs in as the administrator through the API; the cookie then rides with every page request. */
async function signIn(page: Page) {
  const response = await page.request.post('/api/staff/session', {
    data: { username: 'admin', password: 'admin-dev-2026!' },
  });
  expect(response.status()).toBe(200);
}
