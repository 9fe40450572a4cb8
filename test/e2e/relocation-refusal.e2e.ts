// A refusal of a relocation states its reasons (AMMR Art. 67(8)–(9); issue 20): the state of relocation's
// coordinator presses Refuse, a field for the reasons opens, and the refusal is sent with them. Synthetic
// candidates only.

import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Harness } from '../api/harness.ts';
import { check, startWebApp, type WebApp } from './app.ts';
import { SCREENSHOTS } from './browser.ts';

let app: WebApp;
let h: Harness;
let base: string;

beforeAll(async () => {
  app = await startWebApp('2026-12-09T08:00:00Z');
  ({ h, base } = app);
  const lt = h.account('solidarity-coordinator', 'LT').headers;
  const eu = h.account('eu-solidarity-coordinator', 'EU').headers;
  expect(
    (
      await h.inject({
        method: 'PUT',
        url: '/api/solidarity/2026/pledges/LT',
        headers: lt,
        payload: { relocatePercent: 50 },
      })
    ).statusCode,
  ).toBe(200);
  const add = await h.inject({
    method: 'POST',
    url: '/api/solidarity/2026/candidates',
    headers: eu,
    payload: { candidates: [{ id: 'IT-REF-1', from: 'IT', kind: 'applicant', nationality: 'IQ' }] },
  });
  expect(add.statusCode, add.body).toBeLessThan(300);
  const run = await h.inject({
    method: 'POST',
    url: '/api/solidarity/2026/match',
    headers: eu,
    payload: { dryRun: false, from: 'IT' },
  });
  expect(run.statusCode, run.body).toBe(200);
});

afterAll(async () => {
  await app?.close();
});

it('Refuse opens a field for the reasons; the refusal is recorded with them', async () => {
  const page = await app.loginAs('eu-solidarity-coordinator.eu');
  await page.goto(`${base}/solidarity/cycle`);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'IT-REF-1' }) });
  await row.waitFor();
  await row.getByRole('button', { name: /Refuse the relocation of IT-REF-1/ }).click();
  const reasons = row.getByLabel(/Reasons: grounds to consider the person a threat to internal security/);
  await reasons.fill('an alert in a national database gives reasonable grounds of a threat');
  await check(page, 'relocation-refusal-reasons');
  await row.screenshot({ path: join(SCREENSHOTS, 'relocation-refusal-row.png') });
  await row.getByRole('button', { name: 'Refuse with these reasons' }).click();
  await row.getByText('refused', { exact: false }).first().waitFor();
  expect(await row.innerText()).toMatch(/refused/i);
  await page.context().close();
});
