// Part 2 of bench/federation.ts: Pact's own exchange between two installations (LT → PL) as processes, on two
// scratch PostgreSQL databases. Written against fed-core's names (shared-names.md): outboxService(self, uuid)
// in src/store/federation-outbox.ts, kind `federation.ping` ({n}), PACT_FEDERATION and
// PACT_FEDERATION_RETRY_SECONDS; the tables and columns are passed in by bench/federation.ts. Anything
// missing is returned as `{ cannot }`, never thrown as a failure of the benchmark.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { OutgoingMessage } from '../src/domain/outgoing.ts';
import { type Db, openStore } from '../src/store/database.ts';
import { startInstallations } from '../test/federation/processes.ts';

const ROOT = new URL('..', import.meta.url);

interface Tables {
  readonly outbox: { table: string; id: string; createdAt: string };
  readonly inbox: { table: string; id: string; receivedAt: string; appliedAt: string };
}

export type ExchangeResult =
  | { readonly cannot: string }
  | {
      readonly perSecond: number;
      readonly p50: number;
      readonly p95: number;
      readonly applied: boolean;
      /** one message at a time (each written once the previous one is in PL's inbox): the delay without a queue */
      readonly idle: { readonly count: number; readonly p50: number; readonly p95: number };
    };

type OutboxWriter = (tx: Db, messages: readonly OutgoingMessage[], now: Date) => Promise<void>;

async function admin(base: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function columns(url: string, table: string): Promise<Set<string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ column_name: string }>(
      'select column_name from information_schema.columns where table_name = $1',
      [table],
    );
    return new Set(r.rows.map((x) => x.column_name));
  } finally {
    await c.end();
  }
}

async function rows<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

export async function pactExchange(
  n: number,
  outbox: Tables['outbox'],
  inbox: Tables['inbox'],
  percentile: (sorted: readonly number[], p: number) => number,
): Promise<ExchangeResult> {
  const base = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const run = randomUUID().replace(/-/g, '').slice(0, 12);
  const names = { LT: `pact_fedbench_lt_${run}`, PL: `pact_fedbench_pl_${run}` };
  const urlOf = (db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
  try {
    for (const db of Object.values(names)) await admin(base, `create database ${db}`);
  } catch (e) {
    return {
      cannot: `no PostgreSQL to create scratch databases at ${new URL(base).host} (${(e as Error).message})`,
    };
  }
  const lt = urlOf(names.LT);
  const pl = urlOf(names.PL);
  const net = await startInstallations(
    [
      { party: 'LT', databaseUrl: lt, env: { PACT_FEDERATION_RETRY_SECONDS: '1' } },
      { party: 'PL', databaseUrl: pl, env: { PACT_FEDERATION_RETRY_SECONDS: '1' } },
    ],
    { federation: true },
  );
  try {
    const outCols = await columns(lt, outbox.table);
    const inCols = await columns(pl, inbox.table);
    if (!outCols.has(outbox.id) || !outCols.has(outbox.createdAt))
      return { cannot: `no ${outbox.table}(${outbox.id}, ${outbox.createdAt}) in LT's database` };
    if (!inCols.has(inbox.id) || !inCols.has(inbox.receivedAt))
      return { cannot: `no ${inbox.table}(${inbox.id}, ${inbox.receivedAt}) in PL's database` };
    const applied = inCols.has(inbox.appliedAt);

    const mod = (await import(
      pathToFileURL(new URL('src/store/federation-outbox.ts', ROOT).pathname).href
    )) as {
      outboxService?: (self: string, uuid: () => string) => OutboxWriter;
    };
    if (!mod.outboxService) return { cannot: 'src/store/federation-outbox.ts has no outboxService' };
    const write = mod.outboxService('LT', randomUUID);
    const store = await openStore({ databaseUrl: lt, poolSize: 2 });
    const t0 = performance.now();
    try {
      // each message committed on its own, as a case action would; 16 streams (each applied in order)
      for (let i = 0; i < n; i++)
        await store.db.transaction((tx) =>
          write(
            tx as unknown as Db,
            [{ to: 'PL', kind: 'federation.ping', stream: `bench:${i % 16}`, body: { n: i } }],
            new Date(),
          ),
        );
    } finally {
      await store.close();
    }
    const done = `select count(*)::int as n from ${inbox.table}${applied ? ` where ${inbox.appliedAt} is not null` : ''}`;
    const deadline = Date.now() + 120_000 + n * 100;
    for (;;) {
      const [row] = await rows<{ n: number }>(pl, done);
      if ((row?.n ?? 0) >= n) break;
      if (Date.now() > deadline)
        return {
          cannot: `only ${row?.n ?? 0} of ${n} messages arrived within the time allowed; PL's log:\n${net.get('PL').log()}`,
        };
      await new Promise((r) => setTimeout(r, 25));
    }
    const seconds = (performance.now() - t0) / 1000;
    const sent = await rows<{ id: string; at: Date }>(
      lt,
      `select ${outbox.id}::text as id, ${outbox.createdAt} as at from ${outbox.table}`,
    );
    const received = new Map(
      (
        await rows<{ id: string; at: Date }>(
          pl,
          `select ${inbox.id}::text as id, ${inbox.receivedAt} as at from ${inbox.table}`,
        )
      ).map((r) => [r.id, r.at.getTime()]),
    );
    const delays = sent
      .map((s) => (received.get(s.id) ?? Number.NaN) - s.at.getTime())
      .filter((d) => Number.isFinite(d))
      .sort((a, b) => a - b);
    if (delays.length < n)
      return { cannot: `only ${delays.length} of ${n} outbox ids found in PL's inbox (${inbox.id})` };

    // the same, one message at a time: the delay from commit to receipt when nothing waits before it
    const idleCount = Math.min(50, n);
    const idleDelays: number[] = [];
    const one = await openStore({ databaseUrl: lt, poolSize: 2 });
    try {
      for (let i = 0; i < idleCount; i++) {
        const id = randomUUID();
        let k = 0;
        const writeOne = mod.outboxService('LT', () => (k++ === 0 ? id : randomUUID()));
        await one.db.transaction((tx) =>
          writeOne(
            tx as unknown as Db,
            [{ to: 'PL', kind: 'federation.ping', stream: 'bench:idle', body: { n: i } }],
            new Date(),
          ),
        );
        const limit = Date.now() + 30_000;
        for (;;) {
          const [row] = await rows<{ at: Date }>(
            pl,
            `select ${inbox.receivedAt} as at from ${inbox.table} where ${inbox.id} = '${id}'`,
          );
          if (row) {
            const [sentRow] = await rows<{ at: Date }>(
              lt,
              `select ${outbox.createdAt} as at from ${outbox.table} where ${outbox.id} = '${id}'`,
            );
            idleDelays.push(row.at.getTime() - (sentRow?.at.getTime() ?? Number.NaN));
            break;
          }
          if (Date.now() > limit)
            return { cannot: `message ${i} of the one-at-a-time run did not arrive in 30 s` };
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    } finally {
      await one.close();
    }
    idleDelays.sort((a, b) => a - b);
    return {
      perSecond: n / seconds,
      p50: percentile(delays, 50),
      p95: percentile(delays, 95),
      applied,
      idle: { count: idleCount, p50: percentile(idleDelays, 50), p95: percentile(idleDelays, 95) },
    };
  } finally {
    await net.close();
    for (const db of Object.values(names))
      await admin(base, `drop database if exists ${db} with (force)`).catch(() => {});
  }
}
