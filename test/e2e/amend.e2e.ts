// Correcting a record on the case page (issue #16): an officer corrects the birth year from 1990 to 2010 and
// sees the minor flag, and the timeline entry with the old value, the new, the reason, who, and what was
// recomputed; then "unaccompanied" opens the representative's deadline (APR Art. 23(2)); a birth year after
// the encounter is refused beside the field. Synthetic persons only.
import type { Page } from 'playwright-core';
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

async function correct(page: Page, what: string, value: string, reason: string) {
  await page.getByRole('combobox', { name: 'What to correct' }).selectOption({ label: what });
  const input = page.getByLabel('New value');
  if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption({ label: value });
  else await input.fill(value);
  await page.getByLabel('Reason for the correction').fill(reason);
  await page.getByRole('button', { name: 'Record the correction' }).click();
}

describe('correcting a record', () => {
  it('an officer corrects the birth year: the minor flag, and the timeline says old → new, the reason, who and what was recomputed', async () => {
    // apprehended on 8 December 2026; the first person, born 1990, asked for asylum at the border
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'amend-e2e-1' },
      payload: encounterBody('LT', 'AMEND-E2E-1', 2),
    });
    expect(r.statusCode).toBe(201);
    const caseId = r.json().caseIds[0] as string;

    const page = await app.loginAs('case-officer.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    await page.locator('.timeline li').first().waitFor();
    await page.getByRole('button', { name: 'Correct a record' }).click();
    await page
      .getByRole('combobox', { name: 'What to correct' })
      .selectOption({ label: 'Person: Year of birth' });
    await expectText(page, 'Recorded now');
    expect(await page.locator('.amend-current').innerText()).toBe('1990');
    await check(page, 'amend-form');

    await correct(page, 'Person: Year of birth', '2010', 'birth certificate seen');
    await expectText(page, 'Person corrected');
    expect(await page.locator('.flags').innerText()).toContain('minor');
    const entry = page.locator('.timeline li', { hasText: 'Person corrected' });
    const text = await entry.innerText();
    expect(text).toContain('Year of birth: 1990 → 2010');
    expect(text).toContain('Reason: birth certificate seen');
    expect(text).toContain('Recomputed: minor: No → Yes');
    expect(text).toContain('case-officer.lt');
    await entry.scrollIntoViewIfNeeded();
    await check(page, 'amend-birth-year-timeline');

    // travelling alone: the representative is due 15 working days from the wish (APR Art. 23(2))
    await page.getByRole('button', { name: 'Correct a record' }).click();
    await correct(page, 'Person: Unaccompanied', 'Yes', 'no adult with the child');
    await expectText(page, 'Opened: Representative of an unaccompanied minor');
    expect(await page.locator('.flags').innerText()).toContain('unaccompanied');
    await check(page, 'amend-unaccompanied');

    // a birth year after the encounter cannot be true: refused beside the field, nothing written
    await page.getByRole('button', { name: 'Correct a record' }).click();
    await correct(page, 'Person: Year of birth', '2030', 'typo');
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator('.field-error').first().innerText()).toContain(
      'after the day the person was met',
    );
    await check(page, 'amend-refused');

    await page.locator('header select').selectOption('lt');
    await expectText(page, 'Asmens duomenys pataisyti');
    await page
      .locator('.timeline li', { hasText: 'Asmens duomenys pataisyti' })
      .first()
      .scrollIntoViewIfNeeded();
    await check(page, 'amend-timeline-lt');
    await page.context().close();
  });
});
