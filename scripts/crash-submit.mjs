// The two halves of scripts/crash-test.sh (loopback only).
//
//   node scripts/crash-submit.mjs submit <base-url> <acked.jsonl> <stop-file>
//     Submits valid applications one after another until <stop-file> exists. Each gets its own
//     Idempotency-Key; when the server is down (killed) the same request is retried with the same
//     key until it is answered, as the app does. A line is appended to <acked.jsonl> only after a
//     201 with a reference has been read: that is an acknowledged submission.
//
//   node scripts/crash-submit.mjs verify <base-url> <acked.jsonl>
//     Proves every acknowledged submission is present and intact (same item, same answers, read
//     back through the staff API) and that no key made two applications. Prints the figures.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const ITEM = '11500103009302116520017302400001'; // 无犯罪记录证明
const answers = (n) => ({
  name: `压测${n}`,
  id_number: '11010519491231002X',
  mobile: '13800138000',
  has_agent: false,
  purpose: 'employment',
  residence: { province: '500000', city: '500100', district: '500103' },
  address: `重庆市渝中区解放碑街道 ${n} 号`,
});

// The 居民身份证 is checked by data sharing; the 委托书 is only for an agent.
const MATERIALS = [{ material: 0, kind: { type: 'shared_check' } }];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function submit(base, ackedFile, stopFile) {
  let n = 0;
  let retries = 0;
  while (!existsSync(stopFile)) {
    n += 1;
    const key = randomUUID();
    const body = JSON.stringify({ item_code: ITEM, situation: { applicant: 'self' }, answers: answers(n), materials: MATERIALS });
    for (;;) {
      let response;
      try {
        response = await fetch(`${base}/api/applications`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body,
          signal: AbortSignal.timeout(5000),
        });
      } catch {
        // Down or killed mid-request: retry the very same request once it is back.
        retries += 1;
        if (existsSync(stopFile)) break;
        await sleep(20);
        continue;
      }
      if (response.status !== 201) {
        throw new Error(`submission ${n}: HTTP ${response.status} ${await response.text()}`);
      }
      const { reference } = await response.json();
      appendFileSync(ackedFile, JSON.stringify({ n, key, reference }) + '\n');
      break;
    }
  }
  console.log(`crash-test: submitter stopped after ${n} attempts, ${retries} retries while the API was down`);
}

async function verify(base, ackedFile) {
  const acked = readFileSync(ackedFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const signIn = await fetch(`${base}/api/staff/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin-dev-2026!' }),
  });
  if (signIn.status !== 200) throw new Error(`staff sign-in: HTTP ${signIn.status}`);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const problems = [];
  const references = new Set();
  for (const { n, reference } of acked) {
    if (references.has(reference)) problems.push(`${reference} acknowledged twice`);
    references.add(reference);
    const response = await fetch(`${base}/api/staff/applications/${reference}`, { headers: { cookie } });
    if (response.status !== 200) {
      problems.push(`${reference} (submission ${n}): HTTP ${response.status}`);
      continue;
    }
    const detail = await response.json();
    const expected = answers(n);
    if (detail.receipt.item_code !== ITEM) problems.push(`${reference}: item ${detail.receipt.item_code}`);
    for (const [field, value] of Object.entries(expected)) {
      if (JSON.stringify(detail.answers[field]) !== JSON.stringify(value)) {
        problems.push(`${reference}: ${field} is ${JSON.stringify(detail.answers[field])}, sent ${JSON.stringify(value)}`);
      }
    }
  }
  // Every key retried until answered: stored applications are the acknowledged ones, plus at most
  // the one in flight when the submitter stopped. More would be a duplicate.
  const list = await fetch(`${base}/api/staff/applications?size=1`, { headers: { cookie } });
  const stored = (await list.json()).total;
  if (stored < acked.length || stored > acked.length + 1) {
    problems.push(`${stored} applications stored for ${acked.length} acknowledged`);
  }
  console.log(`crash-test: ${acked.length} submissions acknowledged, ${stored} stored, ${problems.length} lost or damaged`);
  if (problems.length > 0) {
    for (const p of problems.slice(0, 20)) console.error(`crash-test: ${p}`);
    process.exit(1);
  }
  if (acked.length === 0) {
    console.error('crash-test: nothing was acknowledged; the test proved nothing');
    process.exit(1);
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'submit') await submit(...args);
else if (mode === 'verify') await verify(...args);
else {
  console.error('usage: crash-submit.mjs submit <base> <acked> <stop> | verify <base> <acked>');
  process.exit(2);
}
