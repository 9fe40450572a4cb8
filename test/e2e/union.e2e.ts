// issue 20 in Chromium: the public page of the 2026 pool as adopted (no login: the annex's missing figures
// shown as missing, the claim check saying it cannot be completed) and the Union's screen (a Union analyst:
// each state's figures of a month, suppressed cells shown as "< 5"). Synthetic figures only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeUnionFigures } from '../../src/store/federation-union.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

let app: WebApp;

beforeAll(async () => {
  app = await startWebApp('2026-12-09T08:00:00Z');
  for (const [state, persons] of [
    ['LT', 40],
    ['PL', null],
  ] as const)
    await storeUnionFigures(
      app.h.store.db,
      {
        id: randomUUID(),
        from: state,
        to: 'EU',
        kind: 'union.figures',
        stream: 'union:2026-11',
        seq: 1,
        createdAt: '2026-12-01T00:00:00Z',
        body: {
          state,
          month: '2026-11',
          suppressedBelow: 5,
          totals: [
            { metric: 'persons', value: persons },
            { metric: 'applications-registered', value: 15 },
            { metric: 'decisions', value: null },
          ],
          byNationality: [],
          byKind: [],
          solidarity: {
            year: 2026,
            pledged: { relocations: 20, eurCents: 0, alternativesCents: 0 },
            afterDeductions: { relocations: 20, eurCents: 0, alternativesCents: 0 },
            implemented: { relocations: 5, eurCents: 0, alternativesCents: 0 },
            outstanding: { relocations: 15, eurCents: 0, alternativesCents: 0 },
          },
        },
      },
      new Date('2026-12-01T00:00:01Z'),
      'EU',
    );
}, 180_000);
afterAll(async () => app?.close(), 60_000);

describe('the Union view in the browser', () => {
  it('the public pool page: missing figures shown as missing, the claim check incomplete', async () => {
    const page = await app.anonymous();
    await page.goto(`${app.base}/public/pool`);
    await expectText(page, 'The 2026 Annual Solidarity Pool as adopted');
    await expectText(page, 'The check cannot be completed');
    expect(await page.getByText('missing', { exact: true }).count()).toBeGreaterThan(10);
    await check(page, 'union-public-pool');
    await page.close();
  }, 60_000);

  it('the Union screen: a state per row, suppressed cells as "< 5"; in Lithuanian too', async () => {
    for (const language of ['en', 'lt'] as const) {
      const page = await app.loginAs('analyst.eu', { language });
      await page.goto(`${app.base}/union`);
      await page.locator('input[type="month"]').fill('2026-11');
      await expectText(page, 'PL');
      expect(await page.getByText('< 5', { exact: true }).count()).toBe(3);
      await check(page, `union-screen-${language}`);
      await page.close();
    }
  }, 90_000);
});
