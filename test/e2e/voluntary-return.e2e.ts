// issue 22: the voluntary return on the case page — a person the screening referred to return gets the return
// decision and a period for voluntary departure of 10 days; counselling and support (travel, reintegration in
// cash) with a partner organisation; the readmission request to Iraq with its due date; then the return
// officer confirms the departure at the Medininkai crossing point on the page, and the case reads "departed".
// Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterBody, type Harness } from '../api/harness.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
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
async function post(url: string, payload: object, role = 'return-officer') {
  const r = await h.inject({
    method: 'POST',
    url,
    headers: { ...h.account(role as never, 'LT').headers, 'idempotency-key': `avr-e2e-${++key}` },
    payload,
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}

describe('the voluntary return on the case page', () => {
  it('records the steps through to the departure at a border crossing point', async () => {
    // the second person of the encounter did not ask for asylum: the screening refers them to return
    const { caseIds } = await post('/api/encounters', encounterBody('LT', 'AVR-E2E-1', 2), 'border-guard');
    const caseId = caseIds[1] as string;
    const at = (minute: number) => `2026-12-09T09:${minute}:00+02:00`;
    const steps: [Record<string, unknown>, string][] = [
      [{ type: 'screening.completed', outcome: 'return' }, 'screening-officer'],
      [{ type: 'return.decided', borderProcedure: false }, 'return-officer'],
      [{ type: 'return.voluntary-departure', days: 10 }, 'return-officer'],
      [{ type: 'return.counselling', partner: 'IOM Vilnius' }, 'return-officer'],
      [{ type: 'return.support-granted', support: 'travel', partner: 'IOM Vilnius' }, 'return-officer'],
      [
        {
          type: 'return.support-granted',
          support: 'reintegration-cash',
          partner: 'IOM Vilnius',
          amountEur: 1000,
        },
        'return-officer',
      ],
      [
        {
          type: 'readmission.requested',
          country: 'IQ',
          kind: 'readmission',
          documents: ['expired-passport'],
        },
        'return-officer',
      ],
    ];
    for (const [i, [command, role]] of steps.entries())
      await post(
        `/api/cases/${caseId}/actions`,
        { expectedVersion: i + 1, command: { ...command, at: at(10 + 5 * i) } },
        role,
      );

    const page = await app.loginAs('return-officer.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    const card = page.locator('#voluntary-return');
    await card.waitFor();
    // 10 days from Wednesday 9 December (not counted): Saturday 19 December → Monday 21 December (Art. 3(4))
    await expectText(page, 'Period for voluntary departure');
    expect(await card.innerText()).toContain('reintegration assistance in cash by IOM Vilnius');
    expect(await card.innerText()).toContain('1000.00 EUR');
    expect(await card.innerText()).toContain('readmission request to IQ');
    await page.locator('.readmission-arrangement summary').click();
    expect(await card.innerText()).toContain('a national setting, not law');
    await check(page, 'voluntary-return-period');

    await page.getByRole('button', { name: 'Departure confirmed at the border' }).click();
    const place = page.getByRole('textbox', { name: 'Border crossing point (place id)' });
    await place.fill('LT-BCP-MEDININKAI');
    await page.locator('form', { has: place }).locator('button[type="submit"]').click();
    await expectText(page, 'confirmed at LT-BCP-MEDININKAI');
    expect(await card.innerText()).toContain('departed');
    await check(page, 'voluntary-return-departed');

    await page.locator('header select').selectOption('lt');
    await expectText(page, 'Savanoriškas grįžimas');
    expect(await page.locator('#voluntary-return').innerText()).toContain('išvyko');
    await check(page, 'voluntary-return-departed-lt');
    await page.context().close();
  });
});
