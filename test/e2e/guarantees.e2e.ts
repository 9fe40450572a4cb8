// The guarantees panel of the case page (issue 17): the case of an unaccompanied minor who asked for asylum in
// Poland shows the representative obligation among the deadlines (APR Art. 23(2), opened by the core) and, in
// the panel beside them, the national measure's guarantee — Poland's restriction of the right to apply (Act
// of 21 February 2025, Dz.U. 2025 poz. 389) never applies to an unaccompanied minor — with its article and a
// status in words. After integration the panel lists the representative's guarantee (H1's rule) too.
// Synthetic person only. (Named .e2e.ts, as vitest.e2e.config.ts includes.)
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../api/harness.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 09:00 in Warsaw (UTC+1)
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

describe('the guarantees panel of the case page', () => {
  it('an unaccompanied minor who asked for asylum: the representative obligation (APR Art. 23(2)) and the national measure it is outside of (Dz.U. 2025 poz. 389)', async () => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'PL').headers, 'idempotency-key': 'guarantees-e2e-1' },
      payload: {
        ref: 'GUARANTEES-E2E-1',
        state: 'PL',
        occurredAt: '2026-12-09T07:10:00+01:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'AF',
            sex: 'male',
            birthYear: 2010,
            minor: true,
            unaccompanied: true,
            asylumWish: { at: '2026-12-09T07:20:00+01:00', where: 'border', to: 'border guard' },
          },
        ],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const caseId = (r.json() as { caseIds: string[] }).caseIds[0];
    const page = await app.loginAs('case-officer.pl');
    await page.goto(`${app.base}/cases/${caseId}`);
    await page.locator('.timeline li').first().waitFor();
    await expectText(page, "The person's guarantees");
    // the deadlines: the representative, due within the period the law sets
    expect(await page.locator('.card', { hasText: 'Deadlines' }).first().innerText()).toContain(
      'Representative of an unaccompanied minor',
    );
    // the panel: the guarantee in words, its status written out, its article
    const panel = page.locator('#guarantees');
    const text = await panel.innerText();
    expect(text).toContain(
      'Outside the national measure Poland: restriction of the right to apply (Act of 21 Feb 2025): unaccompanied minor',
    );
    expect(text).toContain('Done');
    expect(text).toContain('Dz.U. 2025 poz. 389');
    await check(page, 'case-guarantees');
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/case-guarantees.png', fullPage: true });

    // in Lithuanian
    await page.locator('header select').selectOption('lt');
    await expectText(page, 'Asmens garantijos');
    expect(await panel.innerText()).toContain('Nacionalinė priemonė');
    await page.context().close();
  });
});
