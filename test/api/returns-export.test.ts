// issue 22: the public returns export (GET /api/public/eurostat/returns.csv) on every backend: no login, ended
// months only, small cells hidden, no case id or person in it, another state's returns never in it. Synthetic
// data: 6 persons met in Lithuania on 1 December 2026, screened to return; 5 Iraqis and 1 Syrian whose departures
// are confirmed on 10 December, and in Poland 1 Iraqi returned the same way.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCase } from '../../src/store/case-queries.ts';
import { BACKENDS } from '../store/backends.ts';
import { returnStep } from '../store/return-steps.ts';
import { type Harness, startHarness } from './harness.ts';

const guard = { actor: 'guard', role: 'border-guard' };
const officer = { actor: 'officer', role: 'case-officer' };

describe.each(BACKENDS)('the public returns export on $name', (backend) => {
  let h: Harness;
  const ids: string[] = [];
  beforeAll(async () => {
    h = await startHarness(backend);
    for (const [state, nationalities] of [
      ['LT', ['IQ', 'IQ', 'IQ', 'IQ', 'IQ', 'SY']],
      ['PL', ['IQ']],
    ] as const) {
      h.clock.set('2026-12-01T10:00:00Z');
      const { caseIds } = (
        await h.cases.recordEncounter(
          {
            ref: `RX-${state}`,
            state,
            occurredAt: '2026-12-01T09:00:00Z',
            kind: 'apprehended-irregular-crossing',
            groupSize: nationalities.length,
            persons: nationalities.map((nationality) => ({ nationality })),
          } as never,
          guard,
          `rx-${state}`,
        )
      ).result;
      for (const [i, id] of caseIds.entries()) {
        ids.push(id);
        h.clock.set('2026-12-02T10:00:00Z');
        const v = (await findCase(h.store.db, id))?.case.version ?? 1;
        await h.cases.apply(
          id,
          v,
          { type: 'screening.completed', at: '2026-12-02T09:00:00Z', outcome: 'return' } as never,
          { ...officer, role: 'screening-officer' },
          `rx-s-${state}-${i}`,
        );
        h.clock.set('2026-12-10T10:00:00Z');
        await returnStep(h.cases, id, {
          type: 'return.departure-confirmed',
          at: '2026-12-10T09:00:00Z',
          payload: { placeId: 'BCP' },
        });
      }
    }
  }, 120_000);
  afterAll(async () => h?.close());

  const get = (query: string) =>
    h.inject({ method: 'GET', url: `/api/public/eurostat/returns.csv?${query}` });

  it('a month that has not ended is refused (its small cells would change from day to day)', async () => {
    h.clock.set('2026-12-20T10:00:00Z');
    const r = await get('state=LT&from=2026-12&to=2026-12');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ field: 'querystring/to' });
  });

  it('without login: 5 Iraqis shown as 5 (a multiple of 5 is never moved), the 1 Syrian hidden, Poland apart', async () => {
    h.clock.set('2027-01-05T10:00:00Z');
    const r = await get('state=LT&from=2026-12&to=2026-12');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(r.body, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        freq: 'M',
        unit: 'PER',
        citizen: 'IQ',
        rtn_type: 'VOL',
        rtn_ass: 'NASS',
        geo: 'LT',
        TIME_PERIOD: '2026-12',
        OBS_VALUE: '5',
        OBS_FLAG: '',
      },
      {
        freq: 'M',
        unit: 'PER',
        citizen: 'SY',
        rtn_type: 'VOL',
        rtn_ass: 'NASS',
        geo: 'LT',
        TIME_PERIOD: '2026-12',
        OBS_VALUE: '',
        OBS_FLAG: 'c',
      },
    ]);
    // counts only: no case id
    for (const id of ids) expect(r.body).not.toContain(id);
    // Poland's one return is Poland's (hidden there), never in Lithuania's file
    const pl = parse((await get('state=PL&from=2026-12&to=2026-12')).body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(pl).toEqual([expect.objectContaining({ geo: 'PL', citizen: 'IQ', OBS_VALUE: '', OBS_FLAG: 'c' })]);
  });
});
