// issue 20: what an installation does with a ping (federation.ping): counts it per sender, so that a test can
// see a message applied exactly once, and remembers the last number.
import { sql } from 'drizzle-orm';
import type { KindHandlers } from '../federation/contract.ts';
import { PING } from '../federation/kinds/ping.ts';
import { resultRows } from './bulk.ts';
import type { Db } from './database.ts';

export const PING_HANDLERS: Readonly<Record<string, KindHandlers>> = {
  [PING]: {
    onReceive: async (message, _receivedAt, ctx) => {
      const n = Number((message.body as { n: number }).n);
      await ctx.tx.execute(sql`insert into federation_pings (party, count, last_n) values (${message.from}, 1, ${n})
        on conflict (party) do update set count = federation_pings.count + 1, last_n = excluded.last_n`);
    },
  },
};

/** The pings applied from `party`: how many, and the last number (tests, the benchmark). */
export async function pingsFrom(db: Db, party: string): Promise<{ count: number; lastN: number | null }> {
  const [row] = resultRows(
    await db.execute(sql`select count, last_n from federation_pings where party = ${party}`),
  );
  return { count: Number(row?.count ?? 0), lastN: row ? Number(row.last_n) : null };
}
