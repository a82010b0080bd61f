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
];
