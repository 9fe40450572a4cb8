// The dashboard and the public statistics page in Chromium (issue #15): year on year only where it means
// something (hidden over seven years with the reason, per year by year, shown for a year with the change
// counted by hand), the preset periods, series an order of magnitude apart in panels of their own, Lithuanian
// numbers on the axes, the tables in wide form, and the public page — no login, linked from the login page,
// only the public routes and without the session, CSV downloads. Synthetic figures only.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HistoricalEncounter, importHistory } from '../../src/store/history.ts';
import { encounterBody, type Harness } from '../api/harness.ts';
import { check, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';

let app: WebApp;
let h: Harness;

/** One turned-back group on the 15th of each month of `year` (noon UTC), `size(month)` persons, 6 of them IQ. */
const refusedEachMonth = (year: number, size: (month: number) => number): HistoricalEncounter[] =>
  Array.from({ length: 12 }, (_, i) => ({
    id: crypto.randomUUID(),
    state: 'LT',
    ref: `E2E-HIST-${year}-${i + 1}`,
    occurredAt: `${year}-${String(i + 1).padStart(2, '0')}-15T12:00:00Z`,
    kind: 'entry-prevented-refused' as const,
    groupSize: size(i + 1),
    nationalities: { IQ: 6 },
  }));

beforeAll(async () => {
  app = await startWebApp(START);
  h = app.h;
  // 2021, the Belarus crisis: 2,400 persons turned back in August, 1,200 in September, 20 in other months;
  // 2024: 10 a month (120 in the year); 2025: 15 a month (180)
  await importHistory(
    h.store.db,
    [
      ...refusedEachMonth(2021, (m) => (m === 8 ? 2400 : m === 9 ? 1200 : 20)),
      ...refusedEachMonth(2024, () => 10),
      ...refusedEachMonth(2025, () => 15),
    ],
    'e2e',
    h.clock.now(),
    'test/e2e/dashboard.e2e.ts',
  );
  // the last 30 days: 1,200 persons turned back on 1 December, and a group of 2 of whom 1 asks for asylum on
  // 2 December: refusals in the thousands beside a single asylum wish
  for (const [ref, body] of [
    [
      'E2E-DASH-REFUSED',
      { ...encounterBody('LT', 'E2E-DASH-REFUSED', 0), groupSize: 1200, kind: 'entry-prevented-refused' },
    ],
    ['E2E-DASH-WISH', encounterBody('LT', 'E2E-DASH-WISH', 2)],
  ] as const) {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `${ref}-key` },
      payload: {
        ...body,
        occurredAt: ref === 'E2E-DASH-WISH' ? '2026-12-02T06:00:00Z' : '2026-12-01T06:00:00Z',
        persons: body.persons.map((p) =>
          'asylumWish' in p ? { ...p, asylumWish: { ...p.asylumWish, at: '2026-12-02T06:10:00Z' } } : p,
        ),
      },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
});

afterAll(async () => {
  await app?.close();
});

/** The dashboard of an analyst of the Union (every value, no suppression), on Lithuania. */
async function dashboard(options: { language?: 'en' | 'lt' } = {}): Promise<Page> {
  const page = await app.loginAs('analyst.eu', options);
  await page.locator('.chart svg').first().waitFor();
  return page;
}

describe('the dashboard', () => {
  it('year on year: hidden over seven years (and why), per year by year, for a year with its change', async () => {
    const page = await dashboard();
    // seven years: 1 Jan 2020 – 9 Dec 2026 (per month) against the same window a year earlier would share six
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByRole('heading', { name: 'Encounters per month, by kind' }).waitFor();
    await page.getByText('No year-on-year comparison: the period is longer than a year').waitFor();
    expect(await page.getByRole('columnheader', { name: 'A year earlier' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /a year earlier/ }).count()).toBe(0);
    await check(page, 'dashboard-seven-years');

    // per year: each year against the one before — 2025 (180 persons) against 2024 (120): +50 %
    await page.getByLabel('Figures per').selectOption('year');
    const perYear = page.getByRole('region', {
      name: 'Persons encountered per year, each year and the year before',
    });
    await perYear.waitFor();
    await perYear.getByText('Show the figures as a table').click();
    const row2025 = perYear.getByRole('row', { name: /^2025/ });
    expect(await row2025.locator('td').allInnerTexts()).toEqual(['180', '120', '+50 %']);
    await page.getByText('Year on year: per year, in the chart of persons below').waitFor();
    await check(page, 'dashboard-per-year');

    // a preset: last year (2025, the state's calendar), compared with 2024 in the totals
    await page.getByRole('button', { name: 'Last year' }).click();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2025-01-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2025-12-31');
    expect(await page.getByRole('button', { name: 'Last year' }).getAttribute('aria-pressed')).toBe('true');
    const totals = page.getByRole('region', { name: 'Totals, year on year' });
    await totals.waitFor();
    const persons = totals.locator('tr', {
      has: page.getByRole('rowheader', { name: 'Persons', exact: true }),
    });
    expect(await persons.locator('td').allInnerTexts()).toEqual(['180', '120', '+50 %']);
    // nationalities by name, not by code (the fixture's identified persons are Iraqi)
    const byNationality = page.getByRole('region', { name: 'Persons by nationality' });
    await byNationality.locator('svg').first().waitFor();
    expect(await byNationality.locator('[data-mark="x-axis tick label"] text').allTextContents()).toEqual([
      'Iraq',
    ]);
    await check(page, 'dashboard-last-year');
    await page.context().close();
  });

  it('presets follow the state calendar; series apart get their own panels; wide tables; lt axis numbers', async () => {
    const page = await dashboard({ language: 'lt' });
    // the default and a preset: the last 30 days to 9 Dec 2026 (Vilnius) start on 10 Nov
    expect(await page.getByLabel('Nuo', { exact: true }).inputValue()).toBe('2026-11-10');
    await page.getByRole('button', { name: 'Šis mėnuo' }).click();
    expect(await page.getByLabel('Nuo', { exact: true }).inputValue()).toBe('2026-12-01');
    expect(await page.getByLabel('Iki', { exact: true }).inputValue()).toBe('2026-12-09');
    // refusals (1,200 on 1 December) beside one asylum wish: a panel per series, each with its own scale, so
    // the wish is a readable 1 on an axis of 0–1, not a flat line under 1 200
    const activity = page.getByRole('region', { name: /^Atsisakymai įleisti/ });
    await activity.locator('.panel svg').first().waitFor();
    expect(await activity.locator('.panel').count()).toBe(4);
    const wishes = activity.locator('.panel', { hasText: 'Prieglobsčio prašymai' });
    expect(await wishes.locator('[data-mark="y-axis tick label"] text').allTextContents()).toContain('1');
    const refusals = activity.locator('.panel', { hasText: 'Atsisakymai įleisti' });
    // Lithuanian number format on the axis: "1 000" with a no-break space, not "1,000" or "1000"
    const ticks = await refusals.locator('[data-mark="y-axis tick label"] text').allTextContents();
    expect(ticks).toContain('1\u00a0000');
    // the table in wide form: a row per day, a column per measure
    await activity.getByText('Rodyti skaičius lentele').click();
    const header = await activity.locator('thead th').allInnerTexts();
    expect(header.slice(1)).toEqual([
      'Atsisakymai įleisti',
      'Prieglobsčio prašymai',
      'Užregistruoti prašymai',
      'Sulaikymai',
    ]);
    expect(
      await activity
        .getByRole('row', { name: /^2026-12-01/ })
        .locator('td')
        .allInnerTexts(),
    ).toEqual(['1\u00a0200', '0', '0', '0']);
    await check(page, 'dashboard-panels-lt');

    // 2021, the Belarus crisis: the encounters per month on one axis in thousands
    await page.getByRole('button', { name: '2021 m. (Baltarusijos krizė)' }).click();
    expect(await page.getByLabel('Nuo', { exact: true }).inputValue()).toBe('2021-01-01');
    expect(await page.getByLabel('Iki', { exact: true }).inputValue()).toBe('2021-12-31');
    await page.getByRole('heading', { name: /^Asmenys per mėnesį/ }).waitFor();
    await check(page, 'dashboard-2021-lt');
    await page.context().close();
  });
});

describe('the public statistics page', () => {
  it('no login, linked from the login page: public figures only, without the session; CSV downloads', async () => {
    const page = await app.anonymous();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) asked.push(new URL(r.url()).pathname);
    });
    await page.goto(app.base);
    await page.getByRole('link', { name: 'Public statistics (no login)' }).click();
    await page.getByRole('heading', { name: 'Public statistics' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/public');
    // the default: 2025 per month (whole months that have ended), compared with 2024; published rounded
    await page.getByText('Small figures are hidden').waitFor();
    await page.locator('.chart svg').first().waitFor();
    const totals = page.getByRole('region', { name: 'Totals, year on year' });
    await totals.waitFor();
    // 180 and 120 are multiples of 5: published as they are
    const persons = totals.locator('tr', {
      has: page.getByRole('rowheader', { name: 'Persons', exact: true }),
    });
    expect(await persons.locator('td').allInnerTexts()).toEqual(['180', '120', '+50 %']);
    await check(page, 'public-statistics');

    // a chart's figures as CSV, made from what the page shows
    const chart = page.getByRole('region', { name: /^Persons encountered per month/ });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Download the figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('persons-year-on-year-LT-2025-01-01-2025-12-31.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8').split('\n');
    expect(csv[0]).toBe('Month,This period,A year earlier');
    expect(csv[1]).toBe('2025-01,15,10');
    // the Eurostat file, from the public route
    const [eurostat] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /first-time asylum applicants per month/ }).click(),
    ]);
    expect(eurostat.suggestedFilename()).toBe('first-time-applicants-LT-2025-01-2025-12.csv');

    // the seven-year view per year is whole years that have ended: 2020–2025
    await page.getByLabel('From (month)').fill('2020-01');
    await page.getByLabel('Figures per').selectOption('year');
    await page
      .getByRole('region', { name: 'Persons encountered per year, each year and the year before' })
      .waitFor();
    await page.getByText('from 1 Jan 2020 to 31 Dec 2025').waitFor();
    // only the public routes (and the session check of the frame), never the staff's statistics
    const statistics = asked.filter((p) => !p.startsWith('/api/auth') && !p.startsWith('/api/me'));
    expect(statistics.length).toBeGreaterThan(0);
    expect(statistics.filter((p) => !p.startsWith('/api/public/'))).toEqual([]);
    await page.context().close();
  });

  it('a signed-in user at /public sees what the public sees: no session sent to the public routes', async () => {
    const page = await app.loginAs('analyst.eu');
    const cookies: (string | undefined)[] = [];
    page.on('request', async (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/public/')) cookies.push((await r.allHeaders()).cookie);
    });
    await page.goto(`${app.base}/public`);
    await page.getByText('Small figures are hidden').waitFor();
    await page.locator('.chart svg').first().waitFor();
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.filter(Boolean)).toEqual([]);
    await page.context().close();
  });
});
