// The deadline queue and the account in Chromium (issue 15): the nationality filter is a list of the
// nationalities by name (Iraq finds Iraq's cases, where typing "Iraq" used to become "Ir" and find nothing),
// an empty queue says which filters made it empty and offers to clear them, the days overdue and the case's
// status are columns, a date in the next year names its year in English and Lithuanian, and a new password
// is typed twice. Synthetic persons only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuePage } from '../../src/api/contract.ts';
import { en } from '../../web/src/i18n/en.ts';
import { encounterBody, type Harness } from '../api/harness.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';

let app: WebApp;
let h: Harness;
let base: string;

/** An encounter of `n` persons of `nationality`, met at `occurredAt`, the first asking for asylum. */
async function encounter(ref: string, nationality: string, n: number, occurredAt?: string) {
  const body = encounterBody('LT', ref, n);
  const r = await h.inject({
    method: 'POST',
    url: '/api/encounters',
    headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `e2e-queue-${ref}` },
    payload: {
      ...body,
      ...(occurredAt ? { occurredAt } : {}),
      persons: body.persons.map((p) => ({
        ...p,
        nationality,
        ...(p.asylumWish && occurredAt ? { asylumWish: { ...p.asylumWish, at: occurredAt } } : {}),
      })),
    },
  });
  expect(r.statusCode, r.body).toBe(201);
}

const rows = (page: Page) => page.locator('.queue-group tbody tr');

beforeAll(async () => {
  app = await startWebApp(START);
  ({ h, base } = app);
  // met on 8 December: 2 persons of Iraq, 1 of Syria; each has a screening and a Eurodac deadline
  await encounter('Q-IQ', 'IQ', 2);
  await encounter('Q-SY', 'SY', 1);
});

afterAll(async () => {
  await app?.close();
});

describe('the nationality filter', () => {
  let page: Page;
  beforeAll(async () => {
    page = await app.loginAs('case-officer.lt');
  });
  afterAll(async () => page?.context().close());

  it("is a list by name: picking Iraq gives Iraq's cases only", async () => {
    await page.goto(`${base}/queue?due=30d`);
    await page.getByRole('heading', { name: 'Deadline queue' }).waitFor();
    await expect.poll(() => rows(page).filter({ hasText: 'Syria' }).count()).toBeGreaterThan(0);
    const all = await rows(page).count();
    await page.getByRole('combobox', { name: 'Nationality' }).selectOption({ label: 'Iraq' });
    const syria = rows(page).filter({ hasText: 'Syria' });
    await expect.poll(async () => (await syria.count()) === 0 && (await rows(page).count()) > 0).toBe(true);
    const iraq = await rows(page).count();
    // 2 persons of Iraq: a screening (Screening Regulation Art. 8(3)) and a Eurodac (Art. 22(2)) deadline each
    expect(iraq).toBe(4);
    expect(iraq).toBeLessThan(all);
    expect(await rows(page).filter({ hasText: 'Iraq' }).count()).toBe(iraq);
    expect(page.url()).toContain('nationality=IQ');
    await check(page, 'queue-nationality-iraq');
  });

  it('an empty result says which filters made it empty, and the filters can be cleared', async () => {
    await page.goto(`${base}/queue?due=30d&nationality=IR`);
    await expectText(
      page,
      'No open obligation matches the filters (Nationality: Iran; Looking ahead: 30 days).',
    );
    expect(await rows(page).count()).toBe(0);
    await check(page, 'queue-empty-filtered');
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    expect(page.url()).not.toContain('nationality');
    expect(await page.locator('.queue-empty').count()).toBe(0);
  });

  it('a value not in the list (an old bookmark\'s "Ir") is refused by the server, and the page says so', async () => {
    await page.goto(`${base}/queue?due=30d&nationality=Ir`);
    await page.getByRole('alert').first().waitFor();
    expect(await rows(page).count()).toBe(0);
    expect(await page.locator('.queue-empty').count()).toBe(0);
    await check(page, 'queue-nationality-refused');
  });
});

describe('on Monday 28 December 2026', () => {
  let page: Page;
  beforeAll(async () => {
    // 10:00 in Vilnius; met on 8 December, screened within 7 days (Screening Regulation Art. 8(3)): 9–15
    // December, due by 15 December, 24:00 — the 16th is day 1 overdue (Reg. 1182/71 Art. 3(1)), the 28th day 13
    h.clock.set('2026-12-28T08:00:00Z');
    await h.cases.sweepOverdue();
    // met today, 09:00: screening 29 December – 4 January 2027, due by 4 January 2027, 24:00 (a Monday)
    await encounter('Q-NEW-YEAR', 'IQ', 1, '2026-12-28T09:00:00+02:00');
    page = await app.loginAs('case-officer.lt');
  });
  afterAll(async () => page?.context().close());

  it('the queue has the days overdue and the case status', async () => {
    await page.goto(`${base}/queue?due=30d&kind=screening&nationality=IQ`);
    const overdue = page.locator('.queue-overdue tbody tr');
    await expect.poll(() => overdue.count()).toBe(2);
    const headers = await page.locator('.queue-overdue thead th').allInnerTexts();
    expect(headers.slice(0, 4)).toEqual(['Due', 'Days overdue', 'Obligation', 'Case status']);
    const api = (await h
      .inject({
        url: '/api/queue?due=30d&kind=screening&nationality=IQ',
        headers: h.account('case-officer', 'LT').headers,
      })
      .then((r) => r.json())) as QueuePage;
    const statuses = new Set(api.items.filter((i) => i.overdue).map((i) => i.status));
    expect(statuses.size).toBe(1);
    const status = en[`status.${[...statuses][0]}` as keyof typeof en];
    for (const row of await overdue.all()) {
      const cells = await row.locator('td').allInnerTexts();
      expect(cells.slice(0, 4)).toEqual(['15 Dec, 24:00', '13', 'Screening', status]);
    }
    // not yet overdue: the days-overdue cell is empty
    const later = page.locator('.queue-later tbody tr');
    await expect.poll(() => later.count()).toBe(1);
    expect((await later.locator('td').nth(1).innerText()).trim()).toBe('');
    await check(page, 'queue-columns');
  });

  it("a deadline in 2027 names its year, in English and in Lithuanian; this year's do not", async () => {
    await expectText(page, '4 Jan 2027, 24:00');
    expect(await page.locator('.queue-overdue').innerText()).toContain('15 Dec, 24:00');
    expect(await page.locator('.queue-overdue').innerText()).not.toContain('2026');
    await check(page, 'queue-next-year');

    const lt = await app.loginAs('case-officer.lt', { language: 'lt' });
    await lt.goto(`${base}/queue?due=30d&kind=screening&nationality=IQ`);
    await expectText(lt, '2027 m. sausio 4 d., 24:00');
    expect(await lt.locator('.queue-overdue').innerText()).toContain('gruodžio 15 d., 24:00');
    expect(await lt.locator('.queue-overdue').innerText()).toContain('Irakas');
    await check(lt, 'queue-next-year-lt');
    await lt.context().close();
  });
});

describe('the password change', () => {
  it('asks for the new password twice and sends nothing while the two differ', async () => {
    const page = await app.loginAs('return-officer.lt');
    let sent = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/auth/password')) sent++;
    });
    await page.goto(`${base}/account`);
    await page.getByLabel('Current password').fill('synthetic-password-1');
    await page.getByLabel('New password', { exact: true }).fill('a-new-synthetic-passphrase-7');
    await page.getByLabel('Repeat the new password').fill('a-new-synthetic-passphrase-8');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page, 'The two new passwords differ');
    expect(sent).toBe(0);
    await check(page, 'account-passwords-differ');
    await page.getByLabel('Repeat the new password').fill('a-new-synthetic-passphrase-7');
    expect(await page.getByText('The two new passwords differ').count()).toBe(0);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page, 'Password changed.');
    expect(sent).toBe(1);
    await page.context().close();
  });
});
