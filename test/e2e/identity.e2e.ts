// Who the person is, in the browser (issue #16): the border guard records a person with a name and a date of
// birth in the desk's collapsed identity part (an empty nationality is asked for, not assumed); the case page
// shows them at the top — name, the date of birth worded with its precision, the age, a minor flagged from the
// date — and a screening officer records a document seen as original. Synthetic persons only; screenshots in
// test-results/screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';

let app: WebApp;
let caseId = '';

beforeAll(async () => {
  app = await startWebApp(START);
});

afterAll(async () => {
  await app?.close();
});

describe('identity in the browser', () => {
  it('the desk records a person with a name and a date of birth; an empty nationality is asked for', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.getByLabel('Place').selectOption({ label: 'Medininkai – Kamenny Log (road)' });
    // the identity part is collapsed until asked for
    expect(await page.getByLabel('Family name of person 1', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Identity of person 1 (optional)' }).click();
    await page.getByLabel('Family name of person 1', { exact: true }).fill('Testfamily');
    await page.getByLabel('Given names of person 1', { exact: true }).fill('Synthetic');
    // born 3 March 2010: 16 on 9 December 2026 — a minor although the box is not ticked (APR Art. 25(2))
    await page.getByLabel('Date of birth of person 1', { exact: true }).fill('2010-03-03');
    await page.getByLabel('Document type of person 1', { exact: true }).selectOption('passport');
    await page.getByLabel('Document number of person 1', { exact: true }).fill('T0000042');
    await page.getByLabel('Issuing country of the document of person 1', { exact: true }).fill('SY');
    // no nationality typed: Record asks for one (unknown and stateless are choices, XX and XS)
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await page.getByText('choose a nationality: a country, XX if unknown or XS if stateless').waitFor();
    await check(page, 'identity-desk');
    await page.getByLabel('Nationality of person 1', { exact: true }).fill('XS');
    await page.getByRole('button', { name: 'Record encounter' }).click();
    const status = page.getByRole('status');
    await status.getByText('Recorded: 1 person(s) identified').waitFor();
    const href = await status.getByRole('link').first().getAttribute('href');
    caseId = href?.split('/').pop() ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('the case page shows who the person is; a screening officer records a document seen as original', async () => {
    const page = await app.loginAs('screening-officer.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    const panel = page.getByRole('region', { name: 'Person' });
    await panel.getByText('Synthetic Testfamily').waitFor();
    expect(await panel.innerText()).toContain('3 March 2010');
    expect(await panel.innerText()).toContain('16 years');
    expect(await panel.innerText()).toContain('Stateless (XS)');
    expect(await panel.innerText()).toContain('T0000042');
    await page.getByText('minor', { exact: true }).first().waitFor();
    await check(page, 'identity-case');

    await panel.getByRole('button', { name: 'Add identity details' }).click();
    const form = page.getByRole('form', { name: 'Add identity details' });
    await form.getByLabel('Type of document').selectOption('national-id');
    await form.getByLabel('Document number').fill('ID-0000077');
    await form.getByLabel('Issuing country').fill('LB');
    await form.getByLabel('original seen').check();
    await form.getByLabel('Languages (ISO 639 codes, separated by commas: ar, ku)').fill('ar');
    await form.getByLabel('Name in original script', { exact: false }).first().fill('تست');
    await check(page, 'identity-form');
    await form.getByRole('button', { name: 'Save identity details' }).click();
    await expectText(page, 'Recorded. The case is now');
    await panel.getByText('ID-0000077').waitFor();
    const text = await panel.innerText();
    expect(text).toContain('original seen');
    expect(text).toContain('Arabic');
    // the original script is marked for its direction
    expect(await panel.locator('bdi[dir="auto"]').first().innerText()).toContain('تست');
    // the timeline says which facts were recorded (their values are in the panel)
    await page.getByText('Recorded: Name in original script, Languages, Documents').waitFor();
    await check(page, 'identity-recorded');

    // a different family name is refused at its field: a correction is an amendment
    await panel.getByRole('button', { name: 'Add identity details' }).click();
    await form.getByLabel('Family name', { exact: true }).fill('Otherfamily');
    await form.getByRole('button', { name: 'Save identity details' }).click();
    await form.getByText('is already recorded with another value').waitFor();
    await check(page, 'identity-refused');
    await page.context().close();
  });
});
