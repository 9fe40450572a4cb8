// The server's errors in the user's words (issue 15): a Lithuanian border guard's invalid form reads in
// Lithuanian, each reason naming its field; a refusal of the domain reads in Lithuanian beside its field; a
// version conflict says who changed the case, what and when, and what to do. Synthetic persons only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterBody } from '../api/harness.ts';
import { check, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';

let app: WebApp;
beforeAll(async () => {
  app = await startWebApp(START);
});
afterAll(async () => {
  await app?.close();
});

/** A case in screening (apprehended crossing, Tuesday 8 December 2026 04:10 in Vilnius), at version 1. */
async function newCase(ref: string): Promise<string> {
  const r = await app.h.inject({
    method: 'POST',
    url: '/api/encounters',
    headers: { ...app.h.account('border-guard', 'LT').headers, 'idempotency-key': `errors-${ref}` },
    payload: encounterBody('LT', ref, 1),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().caseIds[0];
}

const alertText = async (page: Page) => (await page.getByRole('alert').allInnerTexts()).join('\n');

describe('errors in the user’s words', () => {
  it('a Lithuanian border guard sends an invalid encounter: every reason in Lithuanian, naming its field', async () => {
    const page = await app.loginAs('border-guard.lt', { language: 'lt' });
    await page.getByRole('heading', { name: 'Įrašyti sulaikymą ar susidūrimą' }).waitFor();
    await page.getByLabel('Grupės dydis (visi, nustatyti ar ne)').fill('0');
    await page.getByLabel('1 asmens pilietybė').fill('1Q');
    await page.getByLabel('1 asmens gimimo metai').fill('2101');
    await page.getByRole('button', { name: 'Įrašyti', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Reikia pataisyti laukų: 4' });
    await summary.waitFor();
    const text = await summary.innerText();
    // the bounds of commands.ts: a group of at least 1, a year of birth up to 2100, a two-letter code
    expect(text).toContain('Grupės dydis (visi, nustatyti ar ne): turi būti ne mažesnis nei 1');
    expect(text).toContain('1 asmens gimimo metai: turi būti ne didesnis nei 2100');
    expect(text).toContain('1 asmens pilietybė: netinkamo formato');
    // and the rule of the schema: no more persons than the group size
    expect(text).toContain('Nustatyti asmenys: asmenų daugiau nei grupės dydis');
    // beside the year of birth, too; and nothing of the validator's English
    await page.locator('small.error', { hasText: 'turi būti ne didesnis nei 2100' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/Too (big|small)|expected|ISO 3166/);
    await check(page, 'errors-desk-lt');

    await page.context().close();
  });

  it('a refusal of the domain reads in Lithuanian beside its field: a time before the encounter', async () => {
    const caseId = await newCase('ERR-LT-1');
    const page = await app.loginAs('screening-officer.lt', { language: 'lt' });
    await page.goto(`${app.base}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Duomenys perduoti į Eurodac' }).click();
    const form = page.getByRole('form', { name: 'Duomenys perduoti į Eurodac' });
    // the encounter was at 04:10 on 8 December: an hour earlier is before it
    await form.getByLabel(/^Kada/).fill('2026-12-08T03:10');
    await form.getByLabel(/^Kodėl įrašoma pavėluotai/).fill('įvesta iš popierinės formos');
    await form.getByRole('button', { name: 'Įrašyti: Duomenys perduoti į Eurodac' }).click();
    const reason = form.locator('small.error');
    await reason.waitFor();
    expect(await reason.innerText()).toMatch(/^yra ankstesnis už susidūrimą \(gruodžio 8 d\.?,? 04:10\)$/);
    await check(page, 'errors-refusal-lt');
    await page.context().close();
  });

  it('a version conflict reads in words: who changed the case, what, when, and what to do', async () => {
    const caseId = await newCase('ERR-409-1');
    const page = await app.loginAs('screening-officer.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Eurodac transmitted' }).click();
    const form = page.getByRole('form', { name: 'Eurodac transmitted' });
    await form.getByLabel(/^When/).fill('2026-12-09T09:55');
    // meanwhile a border guard records the transmission (version 1 → 2)
    const other = app.h.account('border-guard', 'LT');
    const meanwhile = await app.h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...other.headers, 'idempotency-key': 'errors-409-meanwhile' },
      payload: {
        expectedVersion: 1,
        command: { type: 'eurodac.transmitted', at: '2026-12-09T09:50:00+02:00' },
      },
    });
    expect(meanwhile.statusCode, meanwhile.body).toBe(201);
    await form.getByRole('button', { name: 'Record: Eurodac transmitted' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this case' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Someone else changed this case while you were filling in the form:');
    expect(text).toContain(`Eurodac transmitted, 9 Dec, 09:50 — by ${other.username} (border guard)`);
    expect(text).toContain('Check what changed, then record your action again if it still applies');
    expect(text).not.toMatch(/version 2, not 1/);
    // the case was read again: its timeline shows the transmission
    await expect.poll(() => page.locator('.timeline li', { hasText: 'Eurodac transmitted' }).count()).toBe(1);
    expect(await alertText(page)).not.toContain('urn:pact');
    await check(page, 'errors-conflict');
    await page.context().close();
  });
});
