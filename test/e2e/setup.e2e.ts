// A fresh installation (no places) in Chromium: the border desk says what is missing instead of offering an
// empty list; the state's first administrator lands on the set-up checklist, sees a bad file refused whole
// with its bad lines, loads the shipped Lithuanian places, and the desk then offers them. Every screen checked
// by axe-core and photographed into test-results/screenshots. Synthetic data only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';

let app: WebApp;

beforeAll(async () => {
  app = await startWebApp(START, { places: false });
});

afterAll(async () => {
  await app?.close();
});

const close = (page: Page) => page.context().close();

describe('a fresh installation', () => {
  it('the border desk says that no places are set up, and who loads them (in both languages)', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await expectText(page, 'No places are set up for LT yet');
    await expectText(page, 'An administrator of LT loads them in Set-up.');
    // a guard has no set-up to open: no link to it
    expect(await page.getByRole('link', { name: 'Open the set-up' }).count()).toBe(0);
    await check(page, 'setup-desk-no-places');
    await page.getByLabel('Language').selectOption('lt');
    await expectText(page, 'LT vietos dar nenustatytos');
    await check(page, 'setup-desk-no-places-lt');
    await close(page);
  });

  it('the first administrator lands on the set-up checklist: places and national choices missing', async () => {
    const page = await app.loginAs('administrator.lt');
    await page.getByRole('heading', { name: 'Set-up of the installation (LT)' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    await expectText(page, '0 of 2 done');
    const places = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Places/ }) });
    await places.getByText('Missing').waitFor();
    await expectText(page, 'No places are set up for LT yet');
    // the appeal windows of APR Art. 67(7): the ranges, not recorded for LT
    await expectText(page, 'APR Art. 67(7)(a)');
    await expectText(page, '5 days to 10 days');
    await expectText(page, '2 weeks to 1 month');
    expect(await page.getByText('Not recorded: this deadline is not tracked').count()).toBe(2);
    await expectText(page, 'npx pact params national.lt');
    await check(page, 'setup-checklist');

    // a file with a bad line is refused whole, the line named
    await page.getByLabel('Or a places file (CSV)').setInputFiles({
      name: 'places.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'id,state,kind,name,border_section,open\nLT-X-SEC,LT,border-section,A section,,true\nLT-X-1,LT,harbour,A harbour,LT-X-SEC,true\n',
      ),
    });
    await page.getByRole('button', { name: 'Load the file' }).click();
    await expectText(page, 'Nothing was loaded: 1 problem(s) in the file');
    await page.getByRole('alert').getByText('line 3, column kind').waitFor();
    await check(page, 'setup-file-refused');

    // the shipped Lithuanian set: 23 places (data/places-lt.csv), 18 open
    await page.getByRole('button', { name: 'Load the shipped places of LT (23)' }).click();
    await expectText(page, 'Loaded 23 places; LT now has 23.');
    await places.getByText('Done').waitFor();
    await expectText(page, '23 places, 18 of them open');
    await expectText(page, '1 of 2 done');
    await page.getByText('The places (23)').click();
    await page.getByRole('cell', { name: 'Medininkai – Kamenny Log (road)' }).waitFor();
    await page.getByText('Public holidays 2026, 2027').click();
    await expectText(page, '6 July 2026: Statehood Day');
    await check(page, 'setup-places-loaded');
    await page.getByLabel('Language').selectOption('lt');
    await page.getByRole('heading', { name: 'Diegimo sąranka (LT)' }).waitFor();
    await expectText(page, 'Valstybės diena');
    await check(page, 'setup-places-loaded-lt');
    await close(page);
  });

  it('with places, the administrator lands on Users, where a line says what is still missing', async () => {
    const page = await app.loginAs('administrator.lt');
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await expectText(page, 'The set-up is not complete: National choices of the law.');
    await check(page, 'setup-reminder-users');
    await page.getByRole('link', { name: 'Open the set-up' }).click();
    await page.getByRole('heading', { name: 'Set-up of the installation (LT)' }).waitFor();
    await close(page);
  });

  it('the border desk then offers the places, and says nothing is missing', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.getByLabel('Place').selectOption({ label: 'Medininkai – Kamenny Log (road)' });
    expect(await page.getByText('No places are set up').count()).toBe(0);
    await check(page, 'setup-desk-with-places');
    await close(page);
  });

  it('a Union administrator has no set-up screen', async () => {
    const page = await app.loginAs('administrator.eu');
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    expect(await page.getByRole('link', { name: 'Set-up' }).count()).toBe(0);
    await close(page);
  });
});
