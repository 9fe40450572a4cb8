// issue 21: the refresh of the public aggregates in one statement (src/store/statistics-refresh.ts) and the read of
// a period cut inside months (statistics-rollup.ts). A write whose facts do not change writes no fact and no
// count; a period with days before and after its whole months is summed from those days and the months; two
// refreshes at once (PostgreSQL: one whose snapshot is older than the other's commit) count nothing twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AggregateQuery, aggregates, GROUPINGS } from '../../src/store/aggregates.ts';
import { appendAudit, lockAudit } from '../../src/store/audit.ts';
import { type Db, rowsOf } from '../../src/store/database.ts';
import { readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { refreshStatement } from '../../src/store/statistics-refresh.ts';
import { cutDays, refreshRollup, rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const guard = { actor: 'guard', role: 'border-guard' };

describe('the days of a period outside its whole months', () => {
  it('are the days before the first whole month and after the last', () => {
    // 15 Oct – 10 Dec: November is the one whole month; 15–31 Oct before it, 1–10 Dec after it
    expect(cutDays('2026-10-15', '2026-12-10', ['2026-11-01', '2026-11-01'])).toEqual([
      ['2026-10-15', '2026-10-31'],
      ['2026-12-01', '2026-12-10'],
    ]);
    // a whole year: no day outside its twelve months
    expect(cutDays('2025-01-01', '2025-12-31', ['2025-01-01', '2025-12-01'])).toEqual([]);
    // from a month's first day to the 29th of February (a leap year): only the days after January
    expect(cutDays('2028-01-01', '2028-02-29', ['2028-01-01', '2028-02-01'])).toEqual([]);
    expect(cutDays('2028-01-01', '2028-02-28', ['2028-01-01', '2028-01-01'])).toEqual([
      ['2028-02-01', '2028-02-28'],
    ]);
  });
});

describe.each(BACKENDS)('the refresh of the public aggregates on $name', (backend) => {
  let h: Harness;
  const caseIds: string[] = [];
  beforeAll(async () => {
    h = await startHarness(backend);
    await upsertPlaces(h.store.db, readPlaces('data/places-lt.csv'), 'test');
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  const encounter = async (ref: string, occurredAt: string, nationality: string) => {
    h.clock.set(new Date(Date.parse(occurredAt) + 600_000).toISOString());
    const { caseIds: ids } = (
      await h.cases.recordEncounter(
        {
          ref,
          state: 'LT',
          placeId: 'LT-ST-KENA',
          occurredAt,
          kind: 'apprehended-irregular-crossing',
          groupSize: 3,
          persons: [{ nationality }, { nationality: 'SY' }],
        } as never,
        guard,
        `sr-${ref}`,
      )
    ).result;
    caseIds.push(...ids);
  };

  const same = async (from: string, to: string) => {
    for (const by of GROUPINGS) {
      const q: AggregateQuery = {
        state: 'LT',
        from,
        to,
        timeZone: 'Europe/Vilnius',
        granularity: 'month',
        by,
      };
      expect(await rolledUpAggregates(h.store.db, q), `month by ${by} ${from}–${to}`).toEqual(
        await aggregates(h.store.db, q),
      );
    }
  };

  /** Every row of the roll-up's tables, with its version (ctid, xmin): what a refresh rewrote changes these. */
  const versions = async () =>
    (
      await rowsOf<{ k: string }>(
        h.store.db,
        sql`select 'f' || ctid::text || xmin::text as k from statistics_facts
          union all select 'd' || ctid::text || xmin::text from statistics_daily
          union all select 'm' || ctid::text || xmin::text from statistics_monthly`,
      )
    )
      .map((r) => r.k)
      .sort();

  it('a period cut inside months is summed from its days and its whole months: the live figures', async () => {
    await encounter('a1', '2026-10-20T10:00:00Z', 'IQ');
    await encounter('a2', '2026-11-12T10:00:00Z', 'AF');
    await encounter('a3', '2026-12-05T10:00:00Z', 'IQ');
    // 2026-10-31 22:30 UTC is 00:30 on 1 November in Vilnius (UTC+2 after 25 October): on the first day of the
    // whole month, not in the cut days; 2026-12-10 22:30 UTC is 11 December there: after the period
    await encounter('a4', '2026-10-31T22:30:00Z', 'AF');
    await encounter('a5', '2026-12-10T22:30:00Z', 'IQ');
    await same('2026-10-15', '2026-12-10');
    await same('2026-10-20', '2026-12-05');
    const rows = await rolledUpAggregates(h.store.db, {
      state: 'LT',
      from: '2026-10-15',
      to: '2026-12-10',
      timeZone: 'Europe/Vilnius',
      granularity: 'month',
      by: 'none',
    });
    // one encounter a month in the period: 20 Oct, 12 Nov and 1 Nov (Vilnius), 5 Dec
    expect(rows.filter((r) => r.metric === 'encounters').map((r) => [r.period, r.value])).toEqual([
      ['2026-10', 1],
      ['2026-11', 2],
      ['2026-12', 1],
    ]);
  }, 120_000);

  it('a write whose facts do not change (an audit entry on a case, no figure moved) writes no fact and no count', async () => {
    await refreshRollup(h.store.db);
    const before = await versions();
    expect(before.length).toBeGreaterThan(0);
    const id = caseIds[0] as string;
    await h.store.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await lockAudit(tx);
      await appendAudit(tx, [
        {
          at: h.clock.now(),
          actor: 'officer',
          action: 'interview.recorded',
          subject: id,
          data: { seq: 9, at: h.clock.now().toISOString(), state: 'LT', payloadSha256: 'synthetic' },
        },
      ]);
    });
    // the case and its encounter computed again …
    expect(await refreshRollup(h.store.db)).toBe(2);
    // … and found the same: not one row rewritten
    expect(await versions()).toEqual(before);
    expect(await refreshRollup(h.store.db)).toBe(0);
    await same('2026-10-01', '2026-12-31');
  }, 120_000);

  it.runIf(backend.name === 'postgres')(
    'two refreshes at once: the one that read before the other committed counts nothing twice',
    async () => {
      await refreshRollup(h.store.db);
      await encounter('b1', '2026-11-20T10:00:00Z', 'ER');
      let waited = 0;
      let later: Promise<number> | undefined;
      // refresh A holds the state row (its statement done, not committed) while refresh B starts: B's snapshot
      // has the day counts without A's, and B waits on the row …
      const first = await h.store.db.transaction(async (txn) => {
        const tx = txn as unknown as Db;
        const [a] = await rowsOf<{ subjects: number; ok: boolean }>(tx, refreshStatement(h.clock.now()));
        later = refreshRollup(h.store.db);
        for (; waited < 200; waited++) {
          const [w] = await rowsOf<{ n: number }>(
            h.store.db,
            sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and query like 'with st as%'`,
          );
          if (Number(w?.n) > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        return a;
      });
      // … A commits; B sees the row changed since its snapshot, runs again and finds nothing new
      expect(waited).toBeLessThan(200);
      expect(first?.ok).toBe(true);
      expect(Number(first?.subjects)).toBe(3); // the encounter and its two cases
      expect(await later).toBe(0);
      await same('2026-10-01', '2026-12-31');
      const [n] = await rowsOf<{ n: number }>(
        h.store.db,
        sql`select count(*)::int as n from statistics_facts where metric = 'encounters'
          and subject in (select id from encounters where ref = 'b1')`,
      );
      expect(Number(n?.n)).toBe(1);
    },
    120_000,
  );
});
