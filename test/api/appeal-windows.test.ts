// APR Art. 67(7) (issue 17): a state's appeal window that no published act gives is a setting an
// administrator confirms — refused to anyone else, refused outside the EU range, audited, and fed into the
// law the case decisions use (national.<state>.appeal.window-…). Values here are test values, not national law.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/store/database.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const URL = '/api/settings/appeal-windows';
const body = (over: Record<string, unknown> = {}) => ({
  window: 'window-other',
  since: '2026-06-12',
  amount: 14,
  unit: 'days',
  source: 'test act No 1 (synthetic)',
  ...over,
});

describe.each(BACKENDS)('appeal-window settings on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 60_000);
  afterAll(() => h?.close());

  it('a non-administrator can neither read nor confirm a window (the attempt changes nothing)', async () => {
    const officer = h.account('case-officer', 'LT').headers;
    const put = await h.inject({ method: 'PUT', url: URL, headers: officer, payload: body() });
    expect(put.statusCode).toBe(403);
    expect((await h.inject({ url: URL, headers: officer })).statusCode).toBe(403);
    const rows = await rowsOf<{ n: number }>(
      h.store.db,
      sql`select count(*)::int as n from national_settings`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('APR Art. 67(7)(b): 10 days is below the 2-week minimum and refused; APR Art. 67(7)(a): 11 days is above the 10-day maximum and refused', async () => {
    const admin = h.account('administrator', 'LT').headers;
    const short = await h.inject({ method: 'PUT', url: URL, headers: admin, payload: body({ amount: 10 }) });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].field).toBe('body/amount');
    const long = await h.inject({
      method: 'PUT',
      url: URL,
      headers: admin,
      payload: body({ window: 'window-fast-track', amount: 11 }),
    });
    expect(long.statusCode).toBe(422);
    const before = await h.inject({
      method: 'PUT',
      url: URL,
      headers: admin,
      payload: body({ since: '2026-06-11' }),
    });
    expect(before.statusCode).toBe(422);
  });

  it("a state's administrator cannot confirm another state's window", async () => {
    const admin = h.account('administrator', 'LT').headers;
    const res = await h.inject({ method: 'PUT', url: URL, headers: admin, payload: body({ state: 'PL' }) });
    expect(res.statusCode).toBe(403);
  });

  it('APR Art. 67(7)(b): 14 days is confirmed, listed, audited and used by the decider from then on', async () => {
    const admin = h.account('administrator', 'LT').headers;
    const res = await h.inject({ method: 'PUT', url: URL, headers: admin, payload: body() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'LT', window: 'window-other', amount: 14, unit: 'days' });
    const list = (await h.inject({ url: URL, headers: admin })).json();
    expect(list).toHaveLength(1);
    const audit = await rowsOf<{ action: string; subject: string }>(
      h.store.db,
      sql`select action, subject from audit_log where action = 'setting.confirmed'`,
    );
    expect(audit).toEqual([{ action: 'setting.confirmed', subject: 'national.lt.appeal.window-other' }]);
    const law = h.cases.decideContext({ actor: 'x', role: 'case-officer' }, new Date()).law;
    expect(law.periodAt('national.lt.appeal.window-other', '2027-01-11')).toEqual({
      amount: 14,
      unit: 'days',
    });
    expect(law.find('national.pl.appeal.window-other')).toBeUndefined();
  });
});
