// issue 20: the member state responsible on the case page — a case officer records a criterion with its
// evidence through the case's next actions; the section "Member state responsible" shows it in the order of
// the law, the guarantees show the state it designates, and the queue-facing labels read in Lithuanian too.
// Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterBody, type Harness } from '../api/harness.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

const START = '2026-12-09T08:00:00Z';
let app: WebApp;
let h: Harness;
beforeAll(async () => {
  app = await startWebApp(START);
  ({ h } = app);
});
afterAll(async () => {
  await app?.close();
});

let key = 0;
async function post(url: string, payload: object, role: 'border-guard' | 'case-officer' = 'case-officer') {
  const r = await h.inject({
    method: 'POST',
    url,
    headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `resp-e2e-${++key}` },
    payload,
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}

describe('the member state responsible on the case page', () => {
  it('records a criterion with its evidence through the next actions and shows it', async () => {
    const body = encounterBody('LT', 'RESP-E2E-1', 1);
    const r = await post(
      '/api/encounters',
      {
        ...body,
        kind: 'entry-prevented-refused',
        occurredAt: '2026-12-09T09:30:00+02:00',
        persons: body.persons.map((p) => ({
          ...p,
          asylumWish: { at: '2026-12-09T09:40:00+02:00', where: 'Medininkai', to: 'border guard' },
        })),
      },
      'border-guard',
    );
    const caseId = r.caseIds[0] as string;
    await post(`/api/cases/${caseId}/actions`, {
      expectedVersion: 1,
      command: {
        type: 'application.registered',
        at: '2026-12-09T09:50:00+02:00',
        disproportionateNumbers: false,
      },
    });
    const page = await app.loginAs('case-officer.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    await expectText(page, 'Member state responsible');
    await page.getByRole('button', { name: 'Criterion of responsibility recorded' }).click();
    await page.getByRole('combobox', { name: 'Criterion' }).selectOption('irregular-entry');
    await page.getByRole('textbox', { name: 'Member state it points to' }).fill('pl');
    await page.getByRole('textbox', { name: 'Evidence' }).fill('Eurodac category 2 hit (synthetic)');
    await page.getByRole('button', { name: /Record/ }).click();
    await expectText(page, 'Irregular entry (Art. 33) → PL');
    const section = await page.locator('#responsibility').innerText();
    expect(section).toContain('Proof: Eurodac category 2 hit (synthetic)');
    // the timeline words the evidence too (not "[object Object]")
    expect(await page.locator('.timeline').innerText()).toContain(
      'Evidence: Proof: Eurodac category 2 hit (synthetic)',
    );
    await expectText(
      page,
      'First criterion in the order of the law: Irregular entry (Art. 33) → PL (1 recorded)',
    );
    await check(page, 'case-page-responsibility');
    await page.locator('header select').selectOption('lt');
    await expectText(page, 'Atsakinga valstybė narė');
    await check(page, 'case-page-responsibility-lt');
  });
});
