// Reads that can lag on a real PostgreSQL streaming replica (issue 21, src/store/read-replicas.ts): the
// statistics go to the replica while it is within the lag bound, to the primary once it lags beyond it (replay
// paused while writes continue) or is down, and a user who just wrote reads from the primary. Runs when
// PACT_TEST_PRIMARY_URL and PACT_TEST_REPLICA_URL are set (CI: scripts/replica-clusters.sh). Synthetic data.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { type Db, openStore, type Store } from '../../src/store/database.ts';
import { CHECK_EVERY_MS } from '../../src/store/read-replicas.ts';
import { dailyStatistics } from '../../src/store/statistics.ts';

const PRIMARY = process.env.PACT_TEST_PRIMARY_URL;
const REPLICA = process.env.PACT_TEST_REPLICA_URL;
const MAX_LAG_MS = 1_500;
const guard = { actor: 'guard-1', role: 'border-guard' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const at = (base: string, db: string) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};

async function sql<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

const encounter = (ref: string): RecordEncounter =>
  ({
    ref,
    state: 'LT',
    borderSection: 'LT-BY',
    occurredAt: '2026-12-07T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: 1,
    persons: [{ nationality: 'IQ', sex: 'male', birthYear: 1990 }],
  }) as RecordEncounter;

const QUERY = {
  state: 'LT',
  from: '2026-12-01',
  to: '2026-12-31',
  timeZone: 'Europe/Vilnius',
  now: new Date('2026-12-08T00:00:00Z'),
};
const persons = (s: Awaited<ReturnType<typeof dailyStatistics>>) =>
  s.series.filter((r) => r.metric === 'persons').reduce((n, r) => n + r.value, 0);
const countOn = async (url: string) =>
  Number((await sql<{ n: number }>(url, 'select count(*)::int as n from encounters'))[0]?.n);

describe.skipIf(!PRIMARY || !REPLICA)('reads that can lag on a streaming replica', () => {
  const name = `pact_replica_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const primaryUrl = at(PRIMARY ?? 'postgres://x/x', name);
  const replicaUrl = at(REPLICA ?? 'postgres://x/x', name);
  let store: Store;
  let cs: CaseStore;
  let n = 0;
  const record = async () => {
    n += 1;
    await cs.recordEncounter(encounter(`RP-${n}`), guard, `rp-${n}`);
  };
  /** the statistics read as the route makes it, and the database it went to */
  const statistics = async (who?: string) => {
    let used: Db | undefined;
    const s = await store.read(who, (db) => {
      used = db;
      return dailyStatistics(db, QUERY);
    });
    return { persons: persons(s), onPrimary: used === store.db };
  };
  const untilReplicaHas = async (count: number) => {
    for (let i = 0; i < 100; i++) {
      if ((await countOn(replicaUrl).catch(() => -1)) >= count) return;
      await sleep(100);
    }
    throw new Error('the replica did not catch up');
  };

  beforeAll(async () => {
    await sql(at(PRIMARY as string, 'postgres'), `create database ${name}`);
    store = await openStore({ databaseUrl: primaryUrl, readUrls: [replicaUrl], maxReadLagMs: MAX_LAG_MS });
    cs = new CaseStore(store, { law: LAW, clock: () => new Date('2026-12-07T06:00:00Z'), uuid: randomUUID });
  }, 60_000);

  afterAll(async () => {
    await sql(replicaUrl, 'select pg_wal_replay_resume()').catch(() => {});
    await store?.close();
    await sql(at(PRIMARY as string, 'postgres'), `drop database if exists ${name} with (force)`);
  });

  it('a write on the primary becomes visible on the replica', async () => {
    await record();
    expect(await countOn(primaryUrl)).toBe(1);
    await untilReplicaHas(1);
    expect(await countOn(replicaUrl)).toBe(1);
  });

  it('a statistics read goes to the replica while its lag is under the bound, and counts what it holds', async () => {
    await untilReplicaHas(n);
    await sleep(CHECK_EVERY_MS + 50); // the next check finds it caught up
    const s = await statistics();
    expect(s.onPrimary).toBe(false);
    expect(s.persons).toBe(n);
  });

  it('with replay paused and writes continuing, reads go to the primary once the lag passes the bound', async () => {
    await untilReplicaHas(n);
    await sleep(CHECK_EVERY_MS + 50);
    expect((await statistics()).onPrimary).toBe(false);
    await sql(replicaUrl, 'select pg_wal_replay_pause()');
    const paused = Date.now();
    try {
      const deadline = Date.now() + MAX_LAG_MS + 3 * CHECK_EVERY_MS;
      let s = await statistics();
      while (!s.onPrimary && Date.now() < deadline) {
        await record();
        await sleep(200);
        s = await statistics();
      }
      expect(s.onPrimary).toBe(true);
      // not before the bound: until then the paused replica still answered
      expect(Date.now() - paused).toBeGreaterThanOrEqual(MAX_LAG_MS - 100);
      // the primary's answer has the new encounters; the paused replica does not
      expect(s.persons).toBe(n);
      expect(await countOn(replicaUrl)).toBeLessThan(n);
    } finally {
      await sql(replicaUrl, 'select pg_wal_replay_resume()');
    }
    await untilReplicaHas(n);
    await sleep(CHECK_EVERY_MS + 50);
    expect((await statistics()).onPrimary).toBe(false);
  }, 30_000);

  it('a user who just wrote reads their own write from the primary; another user reads the replica', async () => {
    await untilReplicaHas(n);
    await sleep(CHECK_EVERY_MS + 50);
    await sql(replicaUrl, 'select pg_wal_replay_pause()');
    try {
      await record();
      store.wrote('guard-1');
      const mine = await statistics('guard-1');
      expect(mine.onPrimary).toBe(true);
      expect(mine.persons).toBe(n);
      // within the bound the others may read the replica, which does not have it yet
      const theirs = await statistics('analyst-1');
      expect(theirs.onPrimary).toBe(false);
      expect(theirs.persons).toBe(n - 1);
    } finally {
      await sql(replicaUrl, 'select pg_wal_replay_resume()');
    }
    // once the replica has the write (the next check), the writer reads the replica again
    await untilReplicaHas(n);
    await sleep(CHECK_EVERY_MS + 50);
    const later = await statistics('guard-1');
    expect(later.onPrimary).toBe(false);
    expect(later.persons).toBe(n);
  }, 30_000);

  it('a replica that is down: reads go to the primary, without an error', async () => {
    const down = new URL(replicaUrl);
    down.port = '1'; // nothing listens there
    const other = await openStore({ databaseUrl: primaryUrl, readUrls: [down.toString()] });
    try {
      let used: Db | undefined;
      const s = await other.read('analyst-1', (db) => {
        used = db;
        return dailyStatistics(db, QUERY);
      });
      expect(used).toBe(other.db);
      expect(persons(s)).toBe(n);
    } finally {
      await other.close();
    }
  }, 15_000);

  it('a replica that fails a read after its check: the read runs again on the primary', async () => {
    await untilReplicaHas(n);
    await sleep(CHECK_EVERY_MS + 50);
    const tried: boolean[] = [];
    const s = await store.read(undefined, async (db) => {
      tried.push(db === store.db);
      if (db !== store.db) throw new Error('terminating connection due to administrator command');
      return dailyStatistics(db, QUERY);
    });
    expect(tried).toEqual([false, true]);
    expect(persons(s)).toBe(n);
  });
});
