// The statistics roll-ups kept warm by the server (issue 21): each read refreshes what was written since the last
// refresh (statistics-rollup.ts, monitoring-rollup.ts), so a read after a quiet hour, or the first read after an
// upgrade of a large database (every fact of both counted once: minutes at 10 M case actions), would pay for
// it. `pact serve` calls this at start and after each deadline sweep, in the background: a read then finds little
// left to do (it waits on the refresh's advisory lock while one runs).
import { sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { refreshFacts } from './monitoring-rollup.ts';
import { refreshRollup } from './statistics-rollup.ts';

export interface Warmed {
  /** Subjects whose public-aggregate facts were computed again (statistics_facts; −1: all). */
  readonly statistics: number;
  /** Subjects whose monitoring facts were computed again (−1: all). */
  readonly subjects: number;
  readonly ms: number;
}

export async function warmRollups(db: Db, now: Date): Promise<Warmed> {
  const started = performance.now();
  const statistics = await refreshRollup(db, now);
  const subjects = await refreshFacts(db, now);
  // issue 21: after a first build, the facts' visibility map set at once (autovacuum would, later), so that the
  // part counted live (open facts due after now) reads its covering index alone
  if (subjects === -1) await db.execute(sql`vacuum (analyze) rollup_facts, rollup_daily, rollup_monthly`);
  return { statistics, subjects, ms: Math.round(performance.now() - started) };
}
