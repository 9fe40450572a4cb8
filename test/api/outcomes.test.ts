// First-instance decisions with the recognition rate (src/store/outcomes.ts) and detentions with their
// lengths (src/store/detentions.ts), and their public routes GET /api/public/decisions and
// /api/public/detentions, on every backend: a synthetic data set recorded through the API whose figures are
// known from its construction (the arithmetic is in the comments); suppression for the public, every value
// for staff of the state.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detentions, suppressDetentions } from '../../src/store/detentions.ts';
import { decisionOutcomes } from '../../src/store/outcomes.ts';
import { interviewRecorded } from '../domain/fixtures.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const wish = (at: string) => ({ at, where: 'station', to: 'border guard' });
const none = {
  'refugee-status': 0,
  'subsidiary-protection': 0,
  inadmissible: 0,
  unfounded: 0,
  'manifestly-unfounded': 0,
  'implicitly-withdrawn': 0,
};

describe.each(BACKENDS)('decisions and detentions on $name', (backend) => {
  let h: Harness;
  const cases = new Map<string, string>();
  const versions = new Map<string, number>();

  const record = async (name: string, occurredAt: string, persons: object[]) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `out-${name}-0001` },
      payload: {
        ref: `OUT-${name}`,
        state: 'LT',
        occurredAt,
        kind: 'apprehended-irregular-crossing',
        groupSize: persons.length,
        persons,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    for (const [i, id] of (r.json() as { caseIds: string[] }).caseIds.entries()) {
      cases.set(`${name}P${i + 1}`, id);
      versions.set(`${name}P${i + 1}`, 1);
    }
  };
  const act = async (id: string, command: { type: string; at: string; [k: string]: unknown }) => {
    const version = versions.get(id) ?? 0;
    const role = command.type.startsWith('detention.')
      ? 'border-guard'
      : command.type === 'screening.completed'
        ? 'screening-officer'
        : 'case-officer';
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${cases.get(id)}/actions`,
      headers: { ...h.account(role, 'LT').headers, 'idempotency-key': `out-${id}-v${version}` },
      // entered after the fact (the clock stands at 9 December): a late entry with its reason
      payload: {
        expectedVersion: version,
        command: { ...command, lateEntryReason: 'entered from the file' },
      },
    });
    expect(r.statusCode, `${id} ${command.type}: ${r.body}`).toBe(201);
    versions.set(id, version + 1);
  };
  /** Screening, registration and lodging, then the decision at `at`. */
  const decide = async (id: string, decision: string, at: string) => {
    await act(id, { type: 'screening.completed', at: '2026-11-02T12:00:00Z', outcome: 'asylum' });
    await act(id, { type: 'application.registered', at: '2026-11-03T09:00:00Z' });
    await act(id, { type: 'application.lodged', at: '2026-11-04T09:00:00Z' });
    // APR Arts 11–13: the interview on record before the decision
    await act(id, interviewRecorded('2026-11-05T09:00:00Z'));
    // an implicit withdrawal names its ground (APR Art. 41(1)(e): not remaining available)
    const ground = decision === 'implicitly-withdrawn' ? { implicitWithdrawalGround: 'not-available' } : {};
    await act(id, { type: 'decision.issued', at, decision, ...ground });
  };
  const period = { state: 'LT', timeZone: 'Europe/Vilnius', granularity: 'month' as const };
  const get = (path: string, headers: Record<string, string> = {}) =>
    h.inject({ method: 'GET', url: path, headers });

  beforeAll(async () => {
    h = await startHarness(backend); // the clock: 2026-12-09T08:00Z
    const at = '2026-11-02T10:00:00Z';
    // D1: 9 Syrians, D2: 3 Iraqis, D3: 1 person without nationality; all ask for asylum
    await record(
      'D1',
      at,
      Array.from({ length: 9 }, () => ({ nationality: 'SY', asylumWish: wish(at) })),
    );
    await record(
      'D2',
      at,
      Array.from({ length: 3 }, () => ({ nationality: 'IQ', asylumWish: wish(at) })),
    );
    await record('D3', at, [{ asylumWish: wish(at) }]);
    // SY: refugee status ×5, subsidiary protection ×1, unfounded ×2, inadmissible ×1, all in November
    const sy = ['refugee-status', 'refugee-status', 'refugee-status', 'refugee-status', 'refugee-status'];
    const syAll = [...sy, 'subsidiary-protection', 'unfounded', 'unfounded', 'inadmissible'];
    for (const [i, d] of syAll.entries()) await decide(`D1P${i + 1}`, d, `2026-11-2${i}T10:00:00Z`);
    // IQ: unfounded, manifestly unfounded, implicitly withdrawn, in November
    await decide('D2P1', 'unfounded', '2026-11-20T10:00:00Z');
    await decide('D2P2', 'manifestly-unfounded', '2026-11-21T10:00:00Z');
    await decide('D2P3', 'implicitly-withdrawn', '2026-11-22T10:00:00Z');
    // no nationality: refugee status on 7 December
    await decide('D3P1', 'refugee-status', '2026-12-07T10:00:00Z');

    // D4: 7 Pakistanis (K1–K7), detained
    await record(
      'D4',
      '2026-11-01T10:00:00Z',
      Array.from({ length: 7 }, () => ({ nationality: 'PK' })),
    );
    // each order with its reasons and its first review a week later (RCD Art. 11(2))
    const order = (k: number, day: string, grounds: string[]) =>
      act(`D4P${k}`, {
        type: 'detention.ordered',
        at: `${day}T10:00:00Z`,
        grounds,
        reasons: 'synthetic reasons',
        nextReviewBy: `${DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 7 }).toISODate()}T10:00:00Z`,
      });
    const end = (k: number, at: string) =>
      act(`D4P${k}`, { type: 'detention.ended', at, reason: 'grounds-ceased' });
    await order(1, '2026-11-02', ['identity']); // K1a: 2 Nov → 4 Nov = 2 days
    await end(1, '2026-11-04T10:00:00Z');
    // the return ground only for a person in return (RD Art. 15(1)): K1's screening ended towards return
    await act('D4P1', { type: 'screening.completed', at: '2026-11-05T10:00:00Z', outcome: 'return' });
    await order(1, '2026-11-10', ['return']); // K1b: 10 Nov → 12 Nov = 2 days (its own end, not K1a's)
    await end(1, '2026-11-12T10:00:00Z');
    await order(2, '2026-11-02', ['identity', 'risk-of-absconding']); // K2: 2 Nov 10:00 → 5 Nov 22:00 = 3.5 days
    await end(2, '2026-11-05T22:00:00Z');
    await order(3, '2026-11-03', ['identity']); // K3: 3 Nov → 13 Nov = 10 days
    await end(3, '2026-11-13T10:00:00Z');
    await order(4, '2026-11-03', ['risk-of-absconding']); // K4: 3 Nov → 4 Nov = 1 day
    await end(4, '2026-11-04T10:00:00Z');
    await order(5, '2026-11-05', ['identity']); // K5: 5 Nov → 6 Nov = 1 day
    await end(5, '2026-11-06T10:00:00Z');
    await order(6, '2026-11-20', ['identity']); // K6: 20 Nov → 5 Dec = 15 days
    await end(6, '2026-12-05T10:00:00Z');
    await order(7, '2026-11-25', ['security']); // K7: never ended
  }, 240_000);
  afterAll(async () => h?.close(), 60_000);

  it('decisions by month and nationality: counts by type, positive, the recognition rate', async () => {
    const rows = await decisionOutcomes(h.store.db, { ...period, from: '2026-11-01', to: '2026-12-31' });
    expect(rows).toEqual([
      // November, all: SY 9 + IQ 3 = 12; positive: SY's 5 refugee + 1 subsidiary = 6; rate 6/12
      {
        period: '2026-11',
        nationality: null,
        decisions: 12,
        byType: {
          'refugee-status': 5,
          'subsidiary-protection': 1,
          inadmissible: 1,
          unfounded: 3, // SY 2 + IQ 1
          'manifestly-unfounded': 1,
          'implicitly-withdrawn': 1,
        },
        positive: 6,
        recognitionRate: 6 / 12,
      },
      // IQ: 3 decisions, none positive: every type counts in the denominator (Eurostat)
      {
        period: '2026-11',
        nationality: 'IQ',
        decisions: 3,
        byType: { ...none, unfounded: 1, 'manifestly-unfounded': 1, 'implicitly-withdrawn': 1 },
        positive: 0,
        recognitionRate: 0,
      },
      {
        period: '2026-11',
        nationality: 'SY',
        decisions: 9,
        byType: { ...none, 'refugee-status': 5, 'subsidiary-protection': 1, unfounded: 2, inadmissible: 1 },
        positive: 6,
        recognitionRate: 6 / 9,
      },
      // December: D3P1, no nationality
      {
        period: '2026-12',
        nationality: null,
        decisions: 1,
        byType: { ...none, 'refugee-status': 1 },
        positive: 1,
        recognitionRate: 1,
      },
      {
        period: '2026-12',
        nationality: 'unknown',
        decisions: 1,
        byType: { ...none, 'refugee-status': 1 },
        positive: 1,
        recognitionRate: 1,
      },
    ]);
    // by year: 12 + 1 = 13 decisions, 6 + 1 = 7 positive
    const year = await decisionOutcomes(h.store.db, {
      ...period,
      granularity: 'year',
      from: '2026-11-01',
      to: '2026-12-31',
    });
    expect(year[0]).toMatchObject({ period: '2026', nationality: null, decisions: 13, positive: 7 });
  });

  it('GET /api/public/decisions: small rows without rate, small counts hidden; staff see every value', async () => {
    const url = '/api/public/decisions?state=LT&from=2026-11-01&to=2026-11-30';
    const r = await get(url);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ state: 'LT', granularity: 'month', suppressed: true, suppressedBelow: 5 });
    // every row has a count by type from 1 to 4 (all: subsidiary protection 1; IQ: each type 1; SY:
    // subsidiary protection 1): each is hidden whole — the zeros beside a hidden type would tell its outcome
    const hiddenRow = (nationality: string | null) => ({
      period: '2026-11',
      nationality,
      decisions: null,
      byType: Object.fromEntries(Object.keys(none).map((t) => [t, null])),
      positive: null,
      recognitionRate: null,
      suppressed: true,
    });
    expect(body.rows).toEqual([hiddenRow(null), hiddenRow('IQ'), hiddenRow('SY')]);
    // a case officer of LT and a Union analyst: every value; a case officer of PL: suppressed
    const raw = await decisionOutcomes(h.store.db, { ...period, from: '2026-11-01', to: '2026-11-30' });
    for (const account of [h.account('case-officer', 'LT'), h.account('analyst', 'EU')]) {
      const s = (await get(url, account.headers)).json();
      expect(s.suppressed).toBe(false);
      expect(s.rows).toEqual(raw);
    }
    expect((await get(url, h.account('case-officer', 'PL').headers)).json()).toEqual(body);
  });

  it('detentions by ground: ordered, ended, ongoing at the end of to, mean and median of the ended', async () => {
    const nov = await detentions(h.store.db, { ...period, from: '2026-11-01', to: '2026-11-30' });
    expect(nov).toEqual([
      // all 8 orders (K1a, K1b, K2–K7); ended by 30 Nov: K1a 2, K1b 2, K2 3.5, K3 10, K4 1, K5 1 (6);
      // ongoing: K6 (ends 5 Dec, after to) and K7; mean 19.5 / 6 = 3.25 → 3.3; median of 1 1 2 2 3.5 10 = 2
      {
        period: '2026-11',
        ground: null,
        ordered: 8,
        ended: 6,
        ongoing: 2,
        meanDays: 3.3,
        medianDays: 2,
      },
      // identity: K1a 2, K2 3.5, K3 10, K5 1, K6 ongoing; mean 16.5 / 4 = 4.125 → 4.1; median (2 + 3.5) / 2 = 2.75 → 2.8
      {
        period: '2026-11',
        ground: 'identity',
        ordered: 5,
        ended: 4,
        ongoing: 1,
        meanDays: 4.1,
        medianDays: 2.8,
      },
      // return: K1b 2
      { period: '2026-11', ground: 'return', ordered: 1, ended: 1, ongoing: 0, meanDays: 2, medianDays: 2 },
      // risk of absconding: K2 3.5, K4 1; mean = median = 2.25 → 2.3
      {
        period: '2026-11',
        ground: 'risk-of-absconding',
        ordered: 2,
        ended: 2,
        ongoing: 0,
        meanDays: 2.3,
        medianDays: 2.3,
      },
      // security: K7, ongoing
      {
        period: '2026-11',
        ground: 'security',
        ordered: 1,
        ended: 0,
        ongoing: 1,
        meanDays: null,
        medianDays: null,
      },
    ]);
    // to 31 December: K6 ended (15 days). All: 7 ended, mean 34.5 / 7 = 4.93 → 4.9, median of
    // 1 1 2 2 3.5 10 15 = 2; identity: 5 ended, mean 31.5 / 5 = 6.3, median of 1 2 3.5 10 15 = 3.5
    const nd = await detentions(h.store.db, { ...period, from: '2026-11-01', to: '2026-12-31' });
    expect(nd.slice(0, 2)).toEqual([
      { period: '2026-11', ground: null, ordered: 8, ended: 7, ongoing: 1, meanDays: 4.9, medianDays: 2 },
      {
        period: '2026-11',
        ground: 'identity',
        ordered: 5,
        ended: 5,
        ongoing: 0,
        meanDays: 6.3,
        medianDays: 3.5,
      },
    ]);
  });

  it('GET /api/public/detentions: small counts hidden, lengths only of 5 or more ended; staff see every value', async () => {
    const url = '/api/public/detentions?state=LT&from=2026-11-01&to=2026-12-31';
    // December has not ended on 9 December: refused for the public; read on 2 January 2027
    expect((await get(url)).statusCode).toBe(400);
    h.clock.set('2027-01-02T08:00:00Z');
    const r = await get(url);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.suppressed).toBe(true);
    const hidden = (ground: string | null) => ({
      period: '2026-11',
      ground,
      ordered: null,
      ended: null,
      ongoing: null,
      meanDays: null,
      medianDays: null,
      suppressed: true,
    });
    expect(body.rows).toEqual([
      // all: 8 ordered, 7 ended, 1 ongoing (hidden): the row's three counts are hidden together
      hidden(null),
      // identity: 5 ordered, 5 ended (multiples of 5: published as they are), 0 ongoing; only 5 ended, fewer
      // than the 10 the lengths need
      {
        period: '2026-11',
        ground: 'identity',
        ordered: 5,
        ended: 5,
        ongoing: 0,
        meanDays: null,
        medianDays: null,
        suppressed: true,
      },
      // return 1/1/0, risk of absconding 2/2/0, security 1/0/1: hidden whole, the zeros too
      hidden('return'),
      hidden('risk-of-absconding'),
      hidden('security'),
    ]);
    // lengths: whole days, from 10 ended detentions (a pure check of the rule: 10 ended, mean 3.25)
    const ten = suppressDetentions(
      [
        {
          period: '2026-11',
          ground: null,
          ordered: 10,
          ended: 10,
          ongoing: 0,
          meanDays: 3.3,
          medianDays: 2.5,
        },
      ],
      { state: 'LT', from: '2026-11-01', to: '2026-11-30', granularity: 'month' },
      (_cell, v) => v,
    );
    expect(ten[0]).toMatchObject({ meanDays: 3, medianDays: 3 });
    const staff = (await get(url, h.account('border-guard', 'LT').headers)).json();
    expect(staff.suppressed).toBe(false);
    expect(staff.rows).toEqual(
      await detentions(h.store.db, { ...period, from: '2026-11-01', to: '2026-12-31' }),
    );
    // the OpenAPI document lists both routes as public
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.paths['/api/public/decisions'].get.security).toEqual([]);
    expect(doc.paths['/api/public/detentions'].get.security).toEqual([]);
  });

  it('bad input is 400 naming the field', async () => {
    for (const path of ['/api/public/decisions', '/api/public/detentions']) {
      for (const [query, field] of [
        ['from=2026-11-01&to=2026-11-30', 'querystring/state'],
        ['state=XX&from=2026-11-01&to=2026-11-30', 'querystring/state'],
        ['state=LT&from=2026-12-01&to=2026-11-30', 'querystring/to'],
        ['state=LT&from=2022-01-01&to=2027-01-01', 'querystring/to'],
        ['state=LT&from=2026-11-01&to=2026-11-30&granularity=quarter', 'querystring/granularity'],
        ['state=LT&from=2026-11-01&to=2026-11-30&by=nationality', 'querystring'],
      ] as const) {
        const res = await get(`${path}?${query}`);
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
  });
});
