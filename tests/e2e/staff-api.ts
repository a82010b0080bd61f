// Test data through the public API: applications as a citizen submits them, staff sessions as
// the sign-in form makes them. Both ride on the page's browser context (cookies are shared).
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';

/** 无犯罪记录证明开具 (公安): a short form, its one material checked through data sharing. */
export const NO_CRIME_RECORD = '11500103009302116520017302400001';

export const STAFF = {
  admin: 'admin-dev-2026!',
  police: 'police-dev-2026!',
  court: 'court-dev-2026!',
} as const;

/** Answers that pass every check of the 无犯罪记录证明 form (本人申请). */
export function validAnswers(name: string) {
  return {
    name,
    id_number: '11010519491231002X',
    mobile: '13800138000',
    has_agent: false,
    purpose: 'employment',
    residence: { province: '500000', city: '500100', district: '500103' },
    address: '重庆市渝中区解放碑 1 号',
  };
}

/** Submits a 无犯罪记录证明 application as `name`; its reference. `uploadId` provides the ID card
 * as an uploaded file instead of the shared check. */
export async function submitApplication(request: APIRequestContext, name: string, uploadId?: string): Promise<string> {
  const material = uploadId
    ? { material: 0, kind: { type: 'uploaded', upload_ids: [uploadId] } }
    : { material: 0, kind: { type: 'shared_check' } };
  const response = await request.post('/api/applications', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      item_code: NO_CRIME_RECORD,
      situation: { applicant: 'self' },
      answers: validAnswers(name),
      materials: [material],
      lang: 'zh',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).reference;
}

/** Uploads one small PDF as `name`; its upload id. */
export async function uploadPdf(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post('/api/uploads', {
    multipart: {
      file: { name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') },
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json())[0].upload_id;
}

/** Signs in through the API; the session cookie then rides with every page request. */
export async function signInAs(request: APIRequestContext, username: keyof typeof STAFF) {
  const response = await request.post('/api/staff/session', { data: { username, password: STAFF[username] } });
  expect(response.status()).toBe(200);
}
