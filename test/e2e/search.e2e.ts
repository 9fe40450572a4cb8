// Person search in the browser (issue #16): a case officer types a name in another spelling into the header's
// search box, presses Enter, sees the person with why it matched, and opens the case; a short id pasted into
// the box opens its case at once, as does /cases/SHORT; a border guard of another state finds nobody of
// Lithuania. Both languages; screenshots looked at. Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../api/harness.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

const START = '2026-12-09T08:00:00Z';
let app: WebApp;
let h: Harness;
let caseId = '';

beforeAll(async () => {
  app = await startWebApp(START);
  ({ h } = app);
  const r = await h.inject({
    method: 'POST',
    url: '/api/encounters',
    headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'search-e2e-1' },
    payload: {
      ref: 'SEARCH-E2E',
      state: 'LT',
      occurredAt: '2026-12-09T09:30:00+02:00',
      kind: 'apprehended-irregular-crossing',
      groupSize: 2,
      persons: [
        {
          nationality: 'IQ',
          sex: 'male',
          identity: {
            familyName: 'Al-Hassan',
            givenNames: 'Mohammed',
            aliases: ['Abu Ali'],
            birthDate: { value: '1990-03-15', precision: 'full' },
          },
        },
        {
          nationality: 'SY',
          sex: 'female',
          identity: {
            familyName: 'Haddad',
            givenNames: 'Rania',
            birthDate: { value: '1994', precision: 'about' },
          },
        },
      ],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  caseId = r.json().caseIds[0];
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the header search box', () => {
  it('an officer finds a person by another spelling, sees why, and opens the case', async () => {
    const page = await app.loginAs('case-officer.lt');
    const box = page.getByRole('search').getByRole('searchbox', { name: 'Search persons' });
    await box.fill('Muhammad Alhasan');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=Muhammad/);
    await expectText(page, '1 found for “Muhammad Alhasan”');
    const row = page.locator('.search-results tbody tr');
    await expect(row.count()).resolves.toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Mohammed Al-Hassan');
    expect(text).toContain('1990-03-15');
    expect(text).toContain('Iraq (IQ)');
    expect(text).toContain('muhammad → mohammed (sounds alike)');
    await check(page, 'search-results-en');
    await row.getByRole('link', { name: `${caseId.slice(0, 8)} Open the case` }).click();
    await page.waitForURL(`**/cases/${caseId}`);
    await page.locator('.timeline li').first().waitFor();
    await page.close();
  });

  it('a short id pasted opens its case; /cases/SHORT opens it too', async () => {
    const page = await app.loginAs('screening-officer.lt');
    const box = page.getByRole('searchbox', { name: 'Search persons' });
    await box.fill(caseId.slice(0, 8));
    await box.press('Enter');
    await page.waitForURL(`**/cases/${caseId}`);
    await page.locator('.timeline li').first().waitFor();
    await page.goto(`${app.base}/cases/${caseId.slice(0, 8)}`);
    await page.locator('.timeline li').first().waitFor();
    expect(await page.locator('h1').innerText()).toContain(caseId.slice(0, 8));
    await page.close();
  });

  it('says when the query is too short, and works in Lithuanian', async () => {
    const page = await app.loginAs('border-guard.lt', { language: 'lt' });
    const box = page.getByRole('searchbox', { name: 'Ieškoti asmenų' });
    await box.fill('ab');
    await box.press('Enter');
    await expectText(page, 'Įveskite bent 3 simbolius.');
    await box.fill('apie 1992');
    await box.press('Enter');
    await expectText(page, 'Pagal „apie 1992“ rasta: 2; artimiausi – pirmi.');
    await check(page, 'search-results-lt');
    await page.close();
  });

  it("another state's officer finds nobody of Lithuania; the Union's analyst has no search box", async () => {
    const page = await app.loginAs('case-officer.pl');
    const box = page.getByRole('searchbox', { name: 'Search persons' });
    await box.fill('Mohammed Al-Hassan');
    await box.press('Enter');
    await expectText(page, 'No person of your state found for “Mohammed Al-Hassan”.');
    await check(page, 'search-none-pl');
    await page.close();
    const analyst = await app.loginAs('analyst.eu');
    expect(await analyst.getByRole('search').count()).toBe(0);
    await analyst.close();
  });
});
