// The case page (issue #15): its buttons are exactly the actions the server accepts on the case as it stands
// (no second "asylum wish expressed"; a screening outcome the case allows), a missed deadline names its
// obligation and article and the deadlines table says "overdue", and every value on the timeline reads as
// its label in English and Lithuanian. Synthetic persons only.
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
    headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `case-page-e2e-${++key}` },
    payload,
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}

/** A person refused entry at 09:30 on 9 December who asked for asylum at 09:40 (Vilnius). */
async function refusedWithWish(ref: string): Promise<string> {
  const body = encounterBody('LT', ref, 1);
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
  return r.caseIds[0];
}

const open = async (page: Page, caseId: string) => {
  await page.goto(`${app.base}/cases/${caseId}`);
  await page.locator('.timeline li').first().waitFor();
};
/** The language chosen in the header, as a user would (the choice is kept in the browser). */
const lithuanian = (page: Page) => page.locator('header select').selectOption('lt');
const buttons = (page: Page) => page.locator('section > .actions button').allInnerTexts();

describe('the case page', () => {
  it('offers exactly the allowed next actions: no second asylum wish, and only the outcomes the case allows', async () => {
    // apprehended on 8 December; the first person asked for asylum at the border, the second did not
    const { caseIds } = await post('/api/encounters', encounterBody('LT', 'CASE-PAGE-1', 2), 'border-guard');
    const page = await app.loginAs('screening-officer.lt');
    await open(page, caseIds[0]);
    expect(await buttons(page)).not.toContain('Asylum wish expressed');
    expect(await buttons(page)).toContain('Screening completed');
    await page.getByRole('button', { name: 'Screening completed' }).click();
    // Screening Regulation Art. 18: a person who asked for asylum goes to the procedure (or relocation)
    const outcome = page.getByRole('combobox', { name: 'Outcome' });
    expect(await outcome.locator('option').allInnerTexts()).toEqual([
      'to the asylum procedure',
      'to relocation',
    ]);
    await check(page, 'case-page-wish-expressed');

    await open(page, caseIds[1]);
    expect(await buttons(page)).toContain('Asylum wish expressed');
    await page.getByRole('button', { name: 'Screening completed' }).click();
    expect(await outcome.locator('option').allInnerTexts()).toEqual(['to the return procedure']);
    await check(page, 'case-page-no-wish');
    await page.context().close();
  });

  it('every value on the timeline reads as its label, in English and in Lithuanian', async () => {
    const caseId = await refusedWithWish('CASE-PAGE-2');
    const at = (minute: number) => `2026-12-09T09:${minute}:00+02:00`;
    let version = 1;
    for (const [i, command] of [
      { type: 'application.registered', disproportionateNumbers: false },
      { type: 'application.routed', procedure: 'regular', grounds: ['safe-country-of-origin'] },
      { type: 'application.lodged' },
      // an applicant: on a ground of RCD Art. 10(4), with reasons and the first review (irregular entry alone
      // is refused for an applicant: C-72/22 PPU)
      {
        type: 'detention.ordered',
        grounds: ['identity', 'risk-of-absconding'],
        reasons: 'synthetic reasons',
        nextReviewBy: '2026-12-16T09:00:00+02:00',
      },
      // APR Arts 11–13: the interview on record before the decision
      {
        type: 'interview.recorded',
        language: 'ar',
        interpreter: true,
        languageUnderstood: true,
        recordRef: 'INT-E2E-1',
        reportCommentOffered: true,
        interviewer: 'officer-1',
      },
      { type: 'decision.issued', decision: 'refugee-status' },
    ].entries()) {
      await post(`/api/cases/${caseId}/actions`, {
        expectedVersion: version++,
        command: { ...command, at: at(45 + i) },
      });
    }
    const page = await app.loginAs('case-officer.lt');
    await open(page, caseId);
    const timeline = page.locator('.timeline');
    await expectText(page, 'Decision: refugee status');
    const text = await timeline.innerText();
    for (const shown of [
      'Decision: refugee status',
      'Grounds: to establish identity, risk of absconding',
      'Grounds: safe country of origin',
      'Procedure: regular procedure',
      'Disproportionate numbers of applications (APR Art. 27(3)): No',
    ])
      expect(text).toContain(shown);
    for (const raw of ['refugee-status', 'risk-of-absconding', 'safe-country-of-origin', 'false'])
      expect(text).not.toContain(raw);
    // the nationality by its name too
    await expectText(page, 'Iraq (IQ)');
    await check(page, 'case-page-timeline-en');

    await lithuanian(page);
    await expectText(page, 'Sprendimas: pabėgėlio statusas');
    const ltText = await page.locator('.timeline').innerText();
    expect(ltText).toContain('Pagrindai: tapatybei nustatyti, pasislėpimo rizika');
    expect(ltText).toContain('Neproporcingai daug prašymų (APR 27 str. 3 d.): Ne');
    expect(ltText).not.toContain('refugee-status');
    await expectText(page, 'Irakas (IQ)');
    await check(page, 'case-page-timeline-lt');
    await page.context().close();
  });

  it('a missed registration names its obligation and article, and the deadlines table says overdue', async () => {
    // the wish on Wednesday 9 December: registration within 5 days, by Monday 14 December, 24:00 (APR Art. 27(1))
    const caseId = await refusedWithWish('CASE-PAGE-3');
    // Wednesday 16 December, 10:00 in Vilnius: 1 day and 10 hours after the period ended
    h.clock.set('2026-12-16T08:00:00Z');
    expect(await h.cases.sweepOverdue()).toBeGreaterThanOrEqual(1);
    const page = await app.loginAs('case-officer.lt');
    await open(page, caseId);
    const missed = page.locator('.timeline li', { hasText: 'Registration deadline missed' });
    await missed.waitFor();
    expect(await missed.innerText()).toContain('APR Art. 27(1)');
    expect(await missed.innerText()).not.toContain('in the payload');
    const row = page.locator('tr.obligation-open', { hasText: 'Registration' });
    expect(await row.innerText()).toContain('overdue by 1 day 10 hours');
    expect(await row.innerText()).not.toMatch(/\bopen\b/);
    await check(page, 'case-page-missed-registration');

    await lithuanian(page);
    await expectText(page, 'Registracija: terminas praleistas');
    expect(await page.locator('tr.obligation-open', { hasText: 'Registracija' }).innerText()).toContain(
      'pradelsta: 1 diena 10 valandų',
    );
    await check(page, 'case-page-missed-registration-lt');
    await page.context().close();
  });
});
