// issue 20: the 2026 pool view from a complete (synthetic) annex: pledged, after the deductions recorded
// (AMMR Art. 62: a granted 50 % deduction of PL's pledge), the Union's totals, and the claim check complete.
// Hand arithmetic: DE 1 000 relocations (EUR 20 000 000), FR EUR 300 000 000, PL 100 relocations + EUR 98 000 000
// → 20 000 000 + 300 000 000 + 2 000 000 + 98 000 000 = EUR 420 000 000, the headline.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import { storeUnionFigures } from '../../src/store/federation-union.ts';
import { poolView } from '../../src/store/pool-view.ts';
import { decideDeduction, requestDeduction } from '../../src/store/solidarity.ts';
import { type Harness, startHarness } from '../api/harness.ts';
import { BACKENDS } from './backends.ts';

const PARTICIPATING = LAW.statesAt('ammr.participating-states', '2025-12-19');
const PLEDGES: Record<string, string> = { DE: '1000,0,0', FR: '0,300000000,0', PL: '100,98000000,0' };

describe('the pool view on a complete synthetic annex', () => {
  let h: Harness;
  let file: URL;
  beforeAll(async () => {
    h = await startHarness(BACKENDS[0] as (typeof BACKENDS)[number]);
    const dir = mkdtempSync(join(tmpdir(), 'pool-annex-'));
    const lines = PARTICIPATING.map((s) => `${s},${PLEDGES[s] ?? '0,0,0'},,synthetic`);
    writeFileSync(
      join(dir, 'annex.csv'),
      `state,relocations,financial_eur,alternatives_eur,alternatives_description,source\n${lines.join('\n')}\n`,
    );
    file = pathToFileURL(join(dir, 'annex.csv'));
    const id = await requestDeduction(
      h.store.db,
      { state: 'PL', year: 2026, article: '62', requestedOn: '2026-07-01', requestedPercent: 50 },
      'test',
      h.clock.now(),
    );
    await decideDeduction(
      h.store.db,
      id,
      { status: 'granted', grantedPercent: 50, decidedOn: '2026-07-20', act: 'synthetic act' },
      'test',
      h.clock.now(),
    );
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  it('pledged, after deductions, the Union totals, and the claim check', async () => {
    const v = await poolView(h.store.db, LAW, '2026-12-09', file);
    expect(v.missingCells).toBe(0);
    const pl = v.states.find((s) => s.state === 'PL');
    expect(pl?.pledged).toEqual({ relocations: 100, financialEur: 98_000_000, alternativesEur: 0 });
    expect(pl?.deductedPercent).toBe(50);
    expect(pl?.afterDeductions).toEqual({ relocations: 50, financialEur: 49_000_000, alternativesEur: 0 });
    expect(v.union.pledged).toEqual({ relocations: 1100, financialEur: 398_000_000, alternativesEur: 0 });
    expect(v.union.afterDeductions).toEqual({
      relocations: 1050,
      financialEur: 349_000_000,
      alternativesEur: 0,
    });
    expect(typeof v.union.offsets).toBe('number');
    // the claim: − benefitting (none pledged) − PL (may request deductions): 1 000 relocations, EUR 300 000 000
    expect(v.claim.complete).toBe(true);
    expect(v.claim.effective).toEqual({ relocations: 1000, financialEur: 300_000_000, alternativesEur: 0 });
    expect(v.claim.difference).toEqual({ relocations: 38, financialEur: 225_340_000 });
  });

  it("at the Union: carried out is each state's latest balance received (the later month wins)", async () => {
    const balance = (relocations: number, eurCents: number) => ({
      year: 2026,
      pledged: null,
      afterDeductions: { relocations: 0, eurCents: 0, alternativesCents: 0 },
      implemented: { relocations, eurCents, alternativesCents: 0 },
      outstanding: { relocations: 0, eurCents: 0, alternativesCents: 0 },
    });
    for (const [month, b] of [
      ['2026-10', balance(3, 100_000_00)],
      ['2026-11', balance(7, 250_000_00)],
    ] as const)
      await storeUnionFigures(
        h.store.db,
        {
          id: crypto.randomUUID(),
          from: 'DE',
          to: 'EU',
          kind: 'union.figures',
          stream: `union:${month}`,
          seq: 1,
          createdAt: '2026-12-01T00:00:00Z',
          body: {
            state: 'DE',
            month,
            suppressedBelow: 5,
            totals: [],
            byNationality: [],
            byKind: [],
            solidarity: b,
          },
        },
        new Date('2026-12-01T00:00:00Z'),
        'EU',
      );
    const v = await poolView(h.store.db, LAW, '2026-12-09', file);
    expect(v.states.find((s) => s.state === 'DE')?.carriedOut).toEqual({
      relocations: 7,
      financialEur: 250_000,
      alternativesEur: 0,
    });
    expect(v.union.carriedOut).toEqual({ relocations: 7, financialEur: 250_000, alternativesEur: 0 });
  });
});
