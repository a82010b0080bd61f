// The portal's routes as the route matrix opens them: each waits until its page has settled.
import { expect, type Page } from '@playwright/test';
import { NO_CRIME_RECORD as noCrimeRecord, signInAs, submitApplication as submit, validAnswers } from './staff-api';

export interface MatrixRoute {
  name: string;
  open(page: Page): Promise<void>;
}

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
  {
    name: 'apply-step',
    open: async (page) => {
      await seedDraft(page, 'applicant');
      await settled(page, `/items/${noCrimeRecord}/apply/step/applicant`, '[data-testid=apply-step]');
    },
  },
  {
    name: 'apply-materials',
    open: async (page) => {
      await seedDraft(page, 'materials');
      await settled(page, `/items/${noCrimeRecord}/apply/materials`, '[data-testid=apply-materials]');
    },
  },
  {
    name: 'apply-check',
    open: async (page) => {
      await seedDraft(page, 'check');
      await settled(page, `/items/${noCrimeRecord}/apply/check`, '[data-testid=apply-check]');
    },
  },
  {
    name: 'apply-done',
    open: async (page) => {
      const reference = await submitApplication(page);
      await settled(page, `/items/${noCrimeRecord}/apply/done/${reference}`, '[data-testid=apply-done]');
    },
  },
  {
    name: 'case',
    open: async (page) => {
      const reference = await submitApplication(page);
      await settled(page, `/applications/${reference}`, '[data-testid=case]');
    },
  },
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
  {
    name: 'staff-applications',
    open: async (page) => {
      await submitApplication(page);
      await signIn(page);
      await settled(page, '/staff/applications', 'main table');
    },
  },
  {
    name: 'staff-application',
    open: async (page) => {
      const reference = await submitApplication(page);
      await signIn(page);
      await settled(page, `/staff/applications/${reference}`, '[data-testid=event-log] li');
    },
  },
];

/** Signs in as the administrator; the cookie then rides with every page request. */
const signIn = (page: Page) => signInAs(page.request, 'admin');

/** Submits a valid application through the public API; returns its reference. */
const submitApplication = (page: Page) => submit(page.request, '张三');

/** A complete draft in the browser's storage, on the given page of the journey. */
async function seedDraft(page: Page, at: string) {
  const draft = {
    version: 1,
    item_code: noCrimeRecord,
    situation: { applicant: 'self' },
    answers: validAnswers('张三'),
    confirmed_warnings: [],
    materials: {},
    page: at,
    idempotency_key: 'matrix-draft-0000-0000-000000000000',
  };
  await page.addInitScript(
    ([key, value]) => localStorage.setItem(key, value),
    [`portal.draft.${noCrimeRecord}`, JSON.stringify(draft)] as const,
  );
}
