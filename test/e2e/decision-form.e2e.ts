// The decision form (issue 17): no outcome is preselected (the select starts empty and must be chosen),
// sending without a choice is blocked, and the outcome chosen is named in a confirmation before it is
// recorded. Without a personal interview on record the form offers only what the case allows (APR Arts
// 11–13, 41). Synthetic persons only.
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

let key = 0;
async function post(url: string, payload: object, role: 'border-guard' | 'case-officer' = 'case-officer') {
  const r = await h.inject({
    method: 'POST',
    url,
    headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `decision-form-e2e-${++key}` },
    payload,
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}

/** A person refused entry who asked for asylum, registered, routed and lodged; interviewed if asked. */
async function lodgedCase(ref: string, interviewed: boolean): Promise<string> {
  const body = encounterBody('LT', ref, 1);
  const { caseIds } = await post(
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
  const caseId = caseIds[0] as string;
  const commands: object[] = [
    { type: 'application.registered', disproportionateNumbers: false },
    { type: 'application.routed', procedure: 'regular', grounds: ['none'] },
    { type: 'application.lodged' },
    ...(interviewed
      ? [
          {
            type: 'interview.recorded',
            language: 'ar',
            interpreter: true,
            languageUnderstood: true,
            recordRef: 'INT-E2E-2',
            reportCommentOffered: true,
            interviewer: 'officer-1',
          },
        ]
      : []),
  ];
  let version = 1;
  for (const [i, command] of commands.entries())
    await post(`/api/cases/${caseId}/actions`, {
      expectedVersion: version++,
      command: { ...command, at: `2026-12-09T09:${45 + i}:00+02:00` },
    });
  return caseId;
}

const open = async (page: Page, caseId: string) => {
  await page.goto(`${app.base}/cases/${caseId}`);
  await page.locator('.timeline li').first().waitFor();
};

describe('the decision form', () => {
  it('has no default outcome, blocks sending without a choice, and names the outcome chosen in its confirmation', async () => {
    const caseId = await lodgedCase('DECISION-FORM-1', true);
    const page = await app.loginAs('case-officer.lt');
    await open(page, caseId);
    await page.locator('section > .actions').getByRole('button', { name: 'Decision' }).click();
    const form = page.getByRole('form', { name: 'Decision' });
    const outcome = form.getByRole('combobox', { name: 'Decision' });
    // nothing preselected: the select's value is empty, and its first line asks to choose
    expect(await outcome.inputValue()).toBe('');
    expect((await outcome.locator('option').allInnerTexts())[0]).toBe('— choose —');

    // sending without a choice: the browser refuses the required select, no confirmation appears
    await form.getByRole('button', { name: 'Record: Decision' }).click();
    expect(
      await outcome.evaluate((s: { validity: { valueMissing: boolean } }) => s.validity.valueMissing),
    ).toBe(true);
    expect(await form.locator('fieldset.confirm-choice').count()).toBe(0);

    // a choice, then the confirmation that names it
    await outcome.selectOption('unfounded');
    await form.getByRole('button', { name: 'Record: Decision' }).click();
    const confirm = form.getByRole('button', { name: 'Confirm: record Decision — unfounded' });
    await confirm.waitFor();
    await expectText(page, 'Check before recording “Decision”: unfounded.');
    await check(page, 'decision-form-confirm');
    await page.screenshot({ path: 'test-results/screenshots/decision-form.png', fullPage: true });

    // changing the choice takes the confirmation back: it must be asked again for the new one
    await outcome.selectOption('manifestly-unfounded');
    expect(await form.locator('fieldset.confirm-choice').count()).toBe(0);
    await form.getByRole('button', { name: 'Record: Decision' }).click();
    await form.getByRole('button', { name: 'Confirm: record Decision — manifestly unfounded' }).click();
    await expectText(page, 'Decision: manifestly unfounded');
    await page.context().close();
  });

  it('APR Arts 11–13: without an interview on record the form offers only an implicit withdrawal (APR Art. 41)', async () => {
    const caseId = await lodgedCase('DECISION-FORM-2', false);
    const page = await app.loginAs('case-officer.lt');
    await open(page, caseId);
    await page.locator('section > .actions').getByRole('button', { name: 'Decision' }).click();
    const outcome = page.getByRole('form', { name: 'Decision' }).getByRole('combobox', { name: 'Decision' });
    expect(await outcome.inputValue()).toBe('');
    expect(await outcome.locator('option').allInnerTexts()).toEqual(['— choose —', 'implicitly withdrawn']);
    await check(page, 'decision-form-no-interview');
    await page.context().close();
  });
});
