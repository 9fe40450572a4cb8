// Monthly first-time applicants in Eurostat's migr_asyappctzm shape, from the registrations of a small
// synthetic data set whose counts are known by construction; public cells below 5 hidden. On every backend.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstTimeApplicants } from '../../src/store/eurostat.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)("Eurostat's shape on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    const guard = h.account('border-guard', 'LT').headers;
    const officer = h.account('case-officer', 'LT').headers;
    // 7 persons refused entry on 8 December 2026 who asked for asylum (each gets a registration deadline):
    //   5 × IQ male born 1990 (age 36 in 2026 → Y35-64), 1 × SY female born 2010 (16 → Y14-17),
    //   1 × AF, sex unknown, no birth year (→ UNK)
    const people = [
      ...Array.from({ length: 5 }, () => ({ nationality: 'IQ', sex: 'male', birthYear: 1990 })),
      { nationality: 'SY', sex: 'female', birthYear: 2010, minor: true },
      { nationality: 'AF' },
    ];
    const wish = { at: '2026-12-08T10:00:00+02:00', where: 'Medininkai', to: 'border guard' };
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...guard, 'idempotency-key': 'eurostat-1' },
      payload: {
        ref: 'EUROSTAT-1',
        state: 'LT',
        occurredAt: '2026-12-08T10:00:00+02:00',
        kind: 'entry-prevented-refused',
        groupSize: 7,
        persons: people.map((p) => ({ ...p, asylumWish: wish })),
      },
    });
    expect(r.statusCode).toBe(201);
    // all 7 registered on 9 December (the harness's clock: 08:00 UTC)
    for (const [i, caseId] of (r.json().caseIds as string[]).entries()) {
      const reg = await h.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        headers: { ...officer, 'idempotency-key': `eurostat-reg-${i}` },
        payload: {
          expectedVersion: 1,
          command: { type: 'application.registered', at: '2026-12-09T09:00:00+02:00' },
        },
      });
      expect(reg.statusCode).toBe(201);
    }
  }, 60_000);
  afterAll(async () => h?.close());

  it('counts each registration once, by month, citizenship, sex and age class', async () => {
    const rows = await firstTimeApplicants(h.store.db, {
      state: 'LT',
      from: '2026-12',
      to: '2026-12',
      timeZone: 'Europe/Vilnius',
    });
    expect(rows.map((r) => [r.TIME_PERIOD, r.citizen, r.sex, r.age, r.OBS_VALUE])).toEqual([
      ['2026-12', 'AF', 'UNK', 'UNK', 1],
      ['2026-12', 'IQ', 'M', 'Y35-64', 5],
      ['2026-12', 'SY', 'F', 'Y14-17', 1],
    ]);
    expect(
      rows.every((r) => r.asyl_app === 'NASY_APP' && r.geo === 'LT' && r.freq === 'M' && r.unit === 'PER'),
    ).toBe(true);
    // another month: nothing
    expect(
      await firstTimeApplicants(h.store.db, {
        state: 'LT',
        from: '2026-11',
        to: '2026-11',
        timeZone: 'Europe/Vilnius',
      }),
    ).toEqual([]);
  });

  it('the public CSV parses with the documented columns and hides the cells below 5', async () => {
    // on 9 December 2026 (the harness's clock) December has not ended: refused for the public
    const running = await h.inject({
      method: 'GET',
      url: '/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-06&to=2026-12',
    });
    expect(running.statusCode).toBe(400);
    expect(running.json().errors[0]).toMatchObject({ field: 'querystring/to' });
    expect(running.json().errors[0].reason).toContain('2026-11');
    h.clock.set('2027-01-02T08:00:00Z');
    const r = await h.inject({
      method: 'GET',
      url: '/api/public/eurostat/first-time-applicants.csv?state=LT&from=2026-06&to=2026-12',
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(r.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'freq',
      'unit',
      'citizen',
      'sex',
      'age',
      'asyl_app',
      'geo',
      'TIME_PERIOD',
      'OBS_VALUE',
      'OBS_FLAG',
    ]);
    const cell = (citizen: string) => rows.find((x) => x.citizen === citizen);
    // 5 is a multiple of 5: published as it is (random rounding to base 5 moves only the others)
    expect(cell('IQ')).toMatchObject({ OBS_VALUE: '5', OBS_FLAG: '' });
    expect(cell('SY')).toMatchObject({ OBS_VALUE: '', OBS_FLAG: 'c' });
    expect(cell('AF')).toMatchObject({ OBS_VALUE: '', OBS_FLAG: 'c' });
  });

  it('bad periods are 400s', async () => {
    h.clock.set('2027-01-02T08:00:00Z');
    for (const q of [
      'from=2026-12&to=2026-06',
      'from=2026-13&to=2026-12',
      'from=2020-01&to=2026-12',
      'to=2026-12',
    ])
      expect(
        (
          await h.inject({
            method: 'GET',
            url: `/api/public/eurostat/first-time-applicants.csv?state=LT&${q}`,
          })
        ).statusCode,
        q,
      ).toBe(400);
  });
});
