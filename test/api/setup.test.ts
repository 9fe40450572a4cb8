// A fresh installation's set-up (GET /api/setup, POST /api/places/import): only an administrator of the
// state loads its places — every other attempt is refused and writes nothing; a bad file is refused whole,
// every bad line named; a load is in the audit log. Expected figures: data/places-lt.csv has 23 places
// (1 border section, 8 crossing points, 13 frontier stations, 1 site; 18 open: 5 crossing points are closed); APR Art. 67(7) leaves two
// appeal windows to the states; Lithuania's public holidays are those of its Labour Code Art. 123.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupBody } from '../../src/api/contract.ts';
import { PlacesOfAnotherState, upsertPlaces } from '../../src/store/places.ts';
import { auditLog } from '../../src/store/schema.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const HEADER = 'id,state,kind,name,border_section,open';

describe.each(BACKENDS)('the set-up of a fresh installation ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(async () => h?.close());

  const as = (role: Parameters<Harness['account']>[0], state: string) => h.account(role, state).headers;
  const importAs = (headers: Record<string, string> | undefined, payload: object) =>
    h.inject({ method: 'POST', url: '/api/places/import', ...(headers ? { headers } : {}), payload });
  const setupOf = async (state: string): Promise<SetupBody> => {
    const r = await h.inject({ method: 'GET', url: '/api/setup', headers: as('administrator', state) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const placesOf = async (state: string) =>
    (await h.inject({ method: 'GET', url: '/api/places', headers: as('border-guard', state) })).json()
      .length as number;
  const loads = () => h.store.db.select().from(auditLog).where(eq(auditLog.action, 'places.loaded'));

  it('on a fresh installation the set-up says what is missing: places, the appeal windows', async () => {
    const s = await setupOf('LT');
    expect(s.complete).toBe(false);
    expect(s.places).toMatchObject({
      done: false,
      count: 0,
      shipped: { file: 'data/places-lt.csv', count: 23 },
    });
    // APR Art. 67(7)(a) 5–10 days, (b) 2 weeks – 1 month; no national act was read, so none is recorded
    expect(s.national.choices.map((c) => [c.name, c.rangeCitation, c.value])).toEqual([
      ['national.lt.appeal.window-fast-track', 'APR Art. 67(7)(a)', null],
      ['national.lt.appeal.window-other', 'APR Art. 67(7)(b)', null],
    ]);
    expect(s.national).toMatchObject({ done: false, command: 'npx pact params national.lt' });
    expect(s.calendar.zone).toBe('Europe/Vilnius');
    expect(s.calendar.years).toEqual([2026, 2027]);
    const dates = s.calendar.holidays.map((d) => d.date);
    for (const d of ['2026-02-16', '2026-03-11', '2026-07-06', '2026-12-24', '2026-12-25', '2027-01-01'])
      expect(dates).toContain(d);
    expect(s.calendar.holidays.find((d) => d.date === '2026-07-06')?.names.lt).toBe('Valstybės diena');
    // Poland ships no places
    expect((await setupOf('PL')).places.shipped).toBeNull();
  });

  it('refuses everyone but an administrator of the state, and writes nothing', async () => {
    const shipped = { source: 'shipped' };
    expect((await importAs(undefined, shipped)).statusCode).toBe(401);
    for (const role of ['border-guard', 'case-officer', 'monitor', 'solidarity-coordinator'] as const)
      expect((await importAs(as(role, 'LT'), shipped)).statusCode, role).toBe(403);
    expect((await importAs(as('analyst', 'EU'), shipped)).statusCode).toBe(403);
    // a Union administrator has no state to set up
    const eu = await importAs(as('administrator', 'EU'), shipped);
    expect(eu.statusCode).toBe(403);
    expect(eu.json().detail).toMatch(/administrator of that state/);
    expect(
      (await h.inject({ method: 'GET', url: '/api/setup', headers: as('administrator', 'EU') })).statusCode,
    ).toBe(403);
    expect(
      (await h.inject({ method: 'GET', url: '/api/setup', headers: as('border-guard', 'LT') })).statusCode,
    ).toBe(403);
    // Poland's administrator cannot load Lithuania's places, shipped or in a file
    expect((await importAs(as('administrator', 'PL'), shipped)).statusCode).toBe(404);
    const lithuanian = `${HEADER}\nLT-BY,LT,border-section,Lithuania–Belarus border,,true\n`;
    const pl = await importAs(as('administrator', 'PL'), { source: 'file', csv: lithuanian });
    expect(pl.statusCode).toBe(422);
    expect(pl.json().errors).toMatchObject([
      { field: 'body/csv', reason: "line 2, column state: a place of LT; this set-up is PL's" },
    ]);
    expect(await placesOf('LT')).toBe(0);
    expect(await placesOf('PL')).toBe(0);
    expect(await loads()).toEqual([]);
  });

  it('refuses a file with bad lines whole, naming every line', async () => {
    const csv = [
      HEADER,
      'LT-SEC-1,LT,border-section,A section,,true',
      'LT-CP-1,LT,crossing-point,A crossing point,LT-SEC-1,true',
      'lt-cp-2,LT,crossing-point,Lower case id,LT-SEC-1,true',
      'LT-CP-3,LT,harbour,Unknown kind,LT-SEC-1,true',
      'LT-CP-4,LT,crossing-point,No such section,LT-SEC-9,true',
      'LT-CP-1,LT,crossing-point,Twice,LT-SEC-1,maybe',
    ].join('\n');
    const r = await importAs(as('administrator', 'LT'), { source: 'file', csv });
    expect(r.statusCode).toBe(422);
    const reasons = (r.json().errors as { reason: string }[]).map((e) => e.reason);
    expect(reasons.map((x) => x.replace(/:.*/, ''))).toEqual([
      'line 4, column id',
      'line 5, column kind',
      'line 7, column open',
      'line 6',
    ]);
    expect(reasons[3]).toMatch(/border section LT-SEC-9 is not in the file/);
    expect(r.json().detail).toMatch(/nothing was loaded/);
    expect(await placesOf('LT')).toBe(0);
    expect((await importAs(as('administrator', 'LT'), { source: 'file', csv: HEADER })).statusCode).toBe(422);
  });

  it("refuses a place whose id is another state's", async () => {
    const polish = `${HEADER}\nPL-BY,PL,border-section,Poland–Belarus border,,true\n`;
    expect((await importAs(as('administrator', 'PL'), { source: 'file', csv: polish })).json()).toEqual({
      loaded: 1,
      count: 1,
    });
    const takeover = `${HEADER}\nPL-BY,LT,border-section,Not Lithuania's,,true\n`;
    const r = await importAs(as('administrator', 'LT'), { source: 'file', csv: takeover });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0].reason).toMatch(/PL-BY: the id of a place of another state/);
    expect(await placesOf('PL')).toBe(1);
    expect(await placesOf('LT')).toBe(0);
  });

  it('… and in the write itself: a load that passed the check while another state took the id moves nothing', async () => {
    // the route's check ran before another load wrote PL-BY: the write alone must refuse (two loads at once)
    const before = (await loads()).length;
    await expect(
      upsertPlaces(h.store.db, [
        { id: 'LT-NEW', state: 'LT', kind: 'site', name: 'A new site', borderSection: null, open: true },
        {
          id: 'PL-BY',
          state: 'LT',
          kind: 'border-section',
          name: "Not Lithuania's",
          borderSection: null,
          open: true,
        },
      ]),
    ).rejects.toThrow(PlacesOfAnotherState);
    expect(await placesOf('PL')).toBe(1);
    expect(await placesOf('LT')).toBe(0);
    expect((await loads()).length).toBe(before);
  });

  it("the state's administrator loads the shipped set, audited; the guards see it; a file adds to it", async () => {
    const r = await importAs(as('administrator', 'LT'), { source: 'shipped' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ loaded: 23, count: 23 });
    expect(await placesOf('LT')).toBe(23);
    const s = await setupOf('LT');
    expect(s.places).toMatchObject({
      done: true,
      count: 23,
      open: 18,
      byKind: { 'border-section': 1, 'crossing-point': 8, station: 13, site: 1 },
    });
    // the appeal windows are still not recorded: the set-up is not complete
    expect(s.complete).toBe(false);
    const lt = (await loads()).filter((e) => (e.data as { state?: string }).state === 'LT');
    expect(lt.map((e) => [e.actor, (e.data as { source: string; count: number }).source])).toEqual([
      ['administrator.lt', 'shipped'],
    ]);
    // loading it again changes nothing; a file adds a place
    expect((await importAs(as('administrator', 'LT'), { source: 'shipped' })).json().count).toBe(23);
    const more = `${HEADER}\nLT-BY,LT,border-section,Lithuania–Belarus border,,true\nLT-ST-NEW,LT,station,A new station,LT-BY,true\n`;
    expect((await importAs(as('administrator', 'LT'), { source: 'file', csv: more })).json()).toEqual({
      loaded: 2,
      count: 24,
    });
  });
});
