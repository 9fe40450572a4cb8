// The monitoring screens in Chromium (issue #15): (1) a rate of deadlines is over the cases whose outcome is
// known, the pending ones shown apart (the dashboard's access to asylum too); (2) a drill-down's heading says which cases it lists, and the deadlines
// table has every column of the report; (3) monitors record findings on a screen of their own (every field
// of POST /api/findings, checked, in both languages) and everyone who reads findings sees the list.
// Synthetic persons only; every expected figure is counted by hand from the construction below.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../api/harness.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';
import { screenshot } from './browser.ts';

// Tuesday 1 December 2026, 10:10 in Vilnius (UTC+2)
const START = '2026-12-01T08:10:00Z';
const PERIOD = { from: '2026-12-01', to: '2026-12-09' };

let app: WebApp;
let h: Harness;
let base: string;
/** E1's four persons, then E2's four (case ids). */
const e1: string[] = [];
const e2: string[] = [];

/** A group refused entry at the border, every person asking for asylum five minutes later (APR Art. 27(1)). */
async function refusedGroup(ref: string, occurredAt: string, wishAt: string): Promise<string[]> {
  const r = await h.inject({
    method: 'POST',
    url: '/api/encounters',
    headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `mon-${ref}-000001` },
    payload: {
      ref,
      state: 'LT',
      occurredAt,
      kind: 'entry-prevented-refused',
      groupSize: 4,
      persons: Array.from({ length: 4 }, () => ({
        nationality: 'IQ',
        asylumWish: { at: wishAt, where: 'border', to: 'border guard' },
      })),
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { caseIds: string[] }).caseIds;
}

beforeAll(async () => {
  app = await startWebApp(START);
  ({ h, base } = app);
  // E1, 1 Dec 10:00: four persons refused entry, each asking for asylum at 10:05. Registration within 5 days
  // (APR Art. 27(1)): the last day, Sunday 6 Dec, moves to Monday 7 Dec, 24:00 (Reg. 1182/71 Art. 3(4)).
  e1.push(...(await refusedGroup('MON-E1', '2026-12-01T10:00:00+02:00', '2026-12-01T10:05:00+02:00')));
  // three of them registered on 2 Dec 10:00, in time; the fourth never
  h.clock.set('2026-12-02T08:00:00Z');
  for (const id of e1.slice(0, 3)) {
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${id}/actions`,
      headers: { ...h.account('case-officer', 'LT').headers, 'idempotency-key': `mon-reg-${id}` },
      payload: {
        expectedVersion: 1,
        command: { type: 'application.registered', at: '2026-12-02T10:00:00+02:00' },
      },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  // E2, 8 Dec 10:00: four more, asking at 10:05; their deadline (13 Dec, a Sunday → Monday 14 Dec, 24:00)
  // has not passed on 9 Dec: pending
  h.clock.set('2026-12-08T08:10:00Z');
  e2.push(...(await refusedGroup('MON-E2', '2026-12-08T10:00:00+02:00', '2026-12-08T10:05:00+02:00')));
  // Wednesday 9 December, 10:00 in Vilnius
  h.clock.set('2026-12-09T08:00:00Z');
  await h.cases.sweepOverdue();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** The monitoring screen as `username`: its default period, the last 30 days, holds 1–9 December. */
async function monitoring(username: string): Promise<Page> {
  const page = await app.loginAs(username);
  await page.goto(`${base}/monitoring`);
  return page;
}

/** The value of a figure of an indicator's card. */
const figure = (page: Page, card: string, name: string) =>
  page
    .getByRole('region', { name: card })
    .locator('dl div')
    .filter({ has: page.getByText(name, { exact: true }) })
    .locator('dd')
    .innerText();

describe('monitoring screens (issue #15)', () => {
  it('the registration rate is over the wishes whose outcome is known; the pending ones apart', async () => {
    const page = await monitoring('monitor.lt');
    const card = page.getByRole('region', { name: 'Registration within the deadline' });
    // 8 wishes: E1's 3 registered in time and 1 not registered by 7 Dec (known: 4), E2's 4 within their
    // deadline (pending). 3 / 4 = 75.0 % — not 3 / 8 = 37.5 %, which counted the pending four as failures
    await expect
      .poll(() => figure(page, 'Registration within the deadline', 'Asylum wishes in the period'))
      .toBe('8');
    const name = 'Registration within the deadline';
    expect(await figure(page, name, 'Outcome known (registered, or the deadline passed)')).toBe('4');
    expect(await figure(page, name, 'Registered within the deadline')).toBe('3');
    expect(await figure(page, name, 'Not registered, deadline passed')).toBe('1');
    expect(await figure(page, name, 'Not registered, not yet due')).toBe('4');
    expect(await card.locator('.big').innerText()).toBe('75.0 %');
    expect(await card.locator('.share-of').innerText()).toBe(
      '3 of the 4 wishes whose outcome is known were registered within the deadline. 4 still within their deadline: pending, not counted in the rate.',
    );
    // the same rate in the API and the report the screen links
    const api = await h.inject({
      method: 'GET',
      url: `/api/monitoring/indicators?from=${PERIOD.from}&to=${PERIOD.to}`,
      headers: h.account('monitor', 'LT').headers,
    });
    expect(api.json().registrationWithinDeadline).toMatchObject({ known: 4, share: 0.75 });
    await check(page, 'monitoring-rate-of-known');
    // the dashboard's access to asylum: registered (at all) over the known outcomes, 3 / (3 + 1 overdue)
    await page.goto(`${base}/dashboard`);
    const access = page.getByRole('region', { name: 'Access to asylum' });
    await access.getByText('persons whose outcome is known').waitFor();
    expect(await access.locator('.big').innerText()).toBe('75.0 %');
    expect(await access.innerText()).toContain(
      'Registered, of the 4 persons whose outcome is known; 4 still within their deadline are not counted in the rate.',
    );
    // (the dashboard itself is checked with axe-core in web.e2e.ts)
    await screenshot(page, 'dashboard-access-of-known');
    await page.context().close();
  });

  it('a drill-down heading says which cases it lists; the deadlines table has every column of the report', async () => {
    const page = await monitoring('monitor.lt');
    const reg = page.getByRole('region', { name: 'Registration within the deadline' });
    await reg.getByRole('button', { name: /Show the cases/ }).click();
    await reg
      .getByRole('heading', {
        name: 'Registration within the deadline: 1 not registered in time of 4 known, 4 still within the period — listing those not registered',
      })
      .waitFor();
    const links = reg.getByRole('link', { name: /^Open/ });
    await expect.poll(() => links.count()).toBe(1);
    expect(await links.getAttribute('href')).toBe(`/cases/${e1[3]}`);

    // deadlines of the persons met in the period, now 9 Dec 10:00:
    //   eurodac (72 h from the registrations of 2 Dec 10:00, APR-Eurodac): 3 open past 5 Dec: known 3, met 0
    //   lodging (21 days from 2 Dec): 3 not yet due
    //   registration: 3 met, 1 open past 7 Dec (known 4, 3 / 4 = 75.0 %), E2's 4 not yet due
    const deadlines = page.getByRole('region', { name: 'Deadlines' });
    const headers = await deadlines.locator('table thead th').allInnerTexts();
    expect(headers).toEqual([
      'Obligation',
      'Outcome known',
      'Met',
      'Met, share of known',
      'Missed',
      'Open, overdue',
      'Pending (not yet due)',
      'Cancelled',
    ]);
    const row = async (label: string) =>
      (await deadlines.locator('tbody tr', { hasText: label }).locator('th, td').allInnerTexts()).slice(1);
    expect(await row('Registration')).toEqual(['4', '3', '75.0 %', '0', '1', '4', '0']);
    expect(await row('Lodging')).toEqual(['0', '0', '—', '0', '0', '3', '0']);
    // the report's deadline table: the same columns (the web's share column included)
    const html = (
      await h.inject({
        method: 'GET',
        url: `/api/monitoring/report?from=${PERIOD.from}&to=${PERIOD.to}&format=html`,
        headers: h.account('monitor', 'LT').headers,
      })
    ).body;
    const reportTable = /<th scope="col">Obligation<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(reportTable.match(/<th /g)?.length).toBe(headers.length - 1);
    await deadlines.getByRole('button', { name: /Show the cases/ }).click();
    // missed: eurodac 3 + registration 1 = 4; known 3 + 4 = 7; pending lodging 3 + registration 4 = 7
    await deadlines
      .getByRole('heading', {
        name: 'Deadlines: 4 missed (closed late, or open past the due time) of 7 known, 7 still within their period — listing the missed ones',
      })
      .waitFor();
    await expect.poll(() => deadlines.getByRole('link', { name: /^Open/ }).count()).toBe(4);
    await check(page, 'monitoring-drill-down-headings');
    await page.context().close();
  });

  it('a monitor records findings, checked field by field; the list shows them; a case officer reads them', async () => {
    const page = await monitoring('monitor.lt');
    // from the case behind the indicator: the form with that case filled in
    const reg = page.getByRole('region', { name: 'Registration within the deadline' });
    await reg.getByRole('button', { name: /Show the cases/ }).click();
    await reg.getByRole('link', { name: /Record a finding/ }).click();
    await page.getByRole('heading', { name: 'Findings of the monitoring mechanism' }).waitFor();
    expect(await page.getByLabel('Case id (optional)').inputValue()).toBe(e1[3]);
    await expectText(page, 'No findings recorded yet.');

    // nothing chosen, too short a text, a malformed id: each field says what is wrong, nothing is sent
    await page.getByLabel('Case id (optional)').fill('1234');
    await page.getByLabel('Finding', { exact: true }).fill('ab');
    await page.getByRole('button', { name: 'Save the finding' }).click();
    await expectText(page, 'Choose what the finding is about.');
    await expectText(page, 'Write at least 3 characters.');
    await expectText(page, 'A case id has 36 characters');
    await check(page, 'findings-errors');
    // a well-formed id of no case of Lithuania: the server's 404, at the field
    await page.getByLabel('What it is about').selectOption('access-to-asylum');
    await page.getByLabel('Case id (optional)').fill('00000000-0000-4000-8000-000000000000');
    await page
      .getByLabel('Finding', { exact: true })
      .fill('Person asked for asylum at the fence; not registered after the deadline (synthetic).');
    await page.getByRole('button', { name: 'Save the finding' }).click();
    await expectText(page, 'Your state has no case with this id.');
    // the case's own id: recorded, and listed
    await page.getByLabel('Case id (optional)').fill(e1[3] as string);
    await page.getByRole('button', { name: 'Save the finding' }).click();
    await page.getByRole('status').getByText('Finding recorded.').waitFor();
    // a second one, about the border in general
    await page.getByLabel('What it is about').selectOption('use-of-force');
    await page
      .getByLabel('Finding', { exact: true })
      .fill('Dogs without muzzles at the Medininkai crossing point (synthetic).');
    await page.getByRole('button', { name: 'Save the finding' }).click();
    const rows = page.locator('table.findings tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    // newest first
    expect(await rows.nth(0).innerText()).toContain('Use of force');
    expect(await rows.nth(0).innerText()).toContain('the border in general');
    expect(await rows.nth(1).innerText()).toContain('Access to asylum');
    expect(await rows.nth(1).getByRole('link').getAttribute('href')).toBe(`/cases/${e1[3]}`);
    expect(await rows.nth(1).innerText()).toContain('monitor.lt');
    await check(page, 'findings-recorded');
    await page.context().close();

    // as the API stores them
    const stored = await h.inject({
      method: 'GET',
      url: '/api/findings',
      headers: h.account('monitor', 'LT').headers,
    });
    expect(
      stored.json().map((f: { category: string; caseId: string | null }) => [f.category, f.caseId]),
    ).toEqual([
      ['use-of-force', null],
      ['access-to-asylum', e1[3]],
    ]);

    // in Lithuanian: every label of the form and the list
    const lt = await app.loginAs('monitor.lt', { language: 'lt' });
    await lt.goto(`${base}/monitoring/findings`);
    await lt.getByRole('heading', { name: 'Stebėsenos mechanizmo išvados' }).waitFor();
    await lt.getByLabel('Apie ką ji').selectOption('detention');
    expect(await lt.getByLabel('Apie ką ji').locator('option:checked').innerText()).toBe('Sulaikymas');
    await lt.getByRole('button', { name: 'Išsaugoti išvadą' }).click();
    await expectText(lt, 'Parašykite bent 3 simbolius.');
    await expect.poll(() => lt.locator('table.findings tbody tr').count()).toBe(2);
    expect(await lt.locator('table.findings tbody tr').nth(1).innerText()).toContain(
      'Galimybė prašyti prieglobsčio',
    );
    await check(lt, 'findings-lt');
    await lt.context().close();

    // a case officer reads the findings from the monitoring screen, and has no form
    const officer = await monitoring('case-officer.lt');
    await officer.getByRole('link', { name: 'The findings of the monitoring mechanism' }).click();
    await expectText(officer, 'Monitors record findings; you may read them.');
    await expect.poll(() => officer.locator('table.findings tbody tr').count()).toBe(2);
    expect(await officer.getByRole('button', { name: 'Save the finding' }).count()).toBe(0);
    await check(officer, 'findings-case-officer');
    await officer.context().close();
  });
});
