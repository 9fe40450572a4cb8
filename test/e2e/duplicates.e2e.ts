// Duplicates and assignment in Chromium (issue #16): a re-encounter recorded under another transliteration is
// in the review queue with its reasons and both persons side by side; the officer decides "same person", the
// case page shows the link both ways, the decision is undone; an officer takes a case and finds it under "my
// cases"; a command on a case assigned to someone else warns first and goes on when asked. Synthetic persons.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/store/audit.ts';
import type { Harness } from '../api/harness.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

const START = '2026-12-09T08:00:00Z';
let app: WebApp;
let h: Harness;
let base: string;
let first = '';
let again = '';
let third = '';

async function record(ref: string, givenNames: string, familyName: string, birth: object): Promise<string> {
  const r = await h.inject({
    method: 'POST',
    url: '/api/encounters',
    headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `e2e-dup-${ref}` },
    payload: {
      ref,
      state: 'LT',
      occurredAt: '2026-12-08T04:10:00+02:00',
      kind: 'apprehended-irregular-crossing',
      groupSize: 1,
      persons: [{ nationality: 'SY', sex: 'male', identity: { givenNames, familyName, birthDate: birth } }],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().caseIds[0];
}

beforeAll(async () => {
  app = await startWebApp(START);
  ({ h, base } = app);
  first = await record('E2E-DUP-1', 'Mohammed', 'Al-Hassan', { value: '1990', precision: 'year' });
  again = await record('E2E-DUP-2', 'Muhammad', 'Alhasan', { value: '1990', precision: 'about' });
  third = await record('E2E-DUP-3', 'Ali', 'Rahimi', { value: '1985-04-02', precision: 'full' });
});

afterAll(async () => {
  await app?.close();
});

describe('the review of possible duplicates', () => {
  let page: Page;
  beforeAll(async () => {
    page = await app.loginAs('case-officer.lt');
  });
  afterAll(async () => page?.context().close());

  it('shows the pair with its reasons and both persons side by side', async () => {
    await page.getByRole('link', { name: 'Duplicates' }).click();
    await page.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
    await expectText(page, 'Why: name that sounds alike, date of birth, nationality');
    const pair = page.locator('.duplicate-pair');
    expect(await pair.count()).toBe(1);
    await expectText(page, 'Muhammad Alhasan');
    await expectText(page, 'Mohammed Al-Hassan');
    await expectText(page, '~1990');
    await check(page, 'duplicates-review');
  });

  it('"same person" links the files: the case page shows the main file and the linked one', async () => {
    // the earlier file is the main one by default
    await page.getByRole('button', { name: 'Same person: link the files' }).click();
    await expectText(page, 'The files are linked.');
    await page.goto(`${base}/cases/${again}`);
    await expectText(page, `This file is linked under the main file ${first.slice(0, 8)}`);
    await expectText(page, 'Files linked (same person)');
    await check(page, 'duplicates-linked-case');
    await page.goto(`${base}/cases/${first}`);
    await page.getByText('Files linked under this one:').waitFor();
    expect(await page.locator('.linked-files li').innerText()).toBe(`File ${again.slice(0, 8)}`);
    await check(page, 'duplicates-main-case');
  });

  it('the decision is undone from the linked pairs; the link is gone and the audit verifies', async () => {
    await page.goto(`${base}/duplicates?status=same`);
    await page.getByRole('button', { name: 'Undo the decision' }).click();
    await expectText(page, 'The decision was undone: the pair is to review again.');
    await page.goto(`${base}/cases/${again}`);
    await expectText(page, 'No linked files.');
    await expectText(page, `Possibly the same person as file ${first.slice(0, 8)}`);
    await check(page, 'duplicates-undone-case');
    expect((await verifyAudit(h.store.db)).ok).toBe(true);
  });
});

describe('assignment', () => {
  let page: Page;
  beforeAll(async () => {
    page = await app.loginAs('case-officer.lt');
  });
  afterAll(async () => page?.context().close());

  it('an officer takes a case and finds it under "my cases", with the assignee shown', async () => {
    await page.goto(`${base}/cases/${third}`);
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expectText(page, 'Assigned to you');
    await page.goto(`${base}/queue?due=30d`);
    await page.getByRole('heading', { name: 'Deadline queue' }).waitFor();
    await page.getByRole('combobox', { name: 'Assignment' }).selectOption({ label: 'My cases' });
    const rows = page.locator('.queue-group tbody tr');
    await expect
      .poll(
        async () =>
          (await rows.count()) > 0 && (await rows.filter({ hasNotText: 'case-officer.lt' }).count()) === 0,
      )
      .toBe(true);
    expect(page.url()).toContain('assigned=me');
    await check(page, 'queue-my-cases');
  });

  it('another officer is warned before acting on it, and may go on', async () => {
    const other = await app.loginAs('screening-officer.lt');
    await other.goto(`${base}/cases/${third}`);
    await expectText(other, 'Assigned to case-officer.lt');
    await other.getByRole('button', { name: 'Eurodac transmitted' }).click();
    await other.locator('form button[type="submit"]').last().click();
    await expectText(other, 'This case is assigned to case-officer.lt.');
    await check(other, 'assignment-warning');
    await other.getByRole('button', { name: 'Go on anyway' }).click();
    await other.locator('.notice-ok').waitFor();
    await check(other, 'assignment-went-on');
    await other.context().close();
  });
});
