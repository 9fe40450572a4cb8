// The monitoring indicators and the Eurostat export from daily sums (issue 21): a year of indicators counted
// live reads every case of the year with its log and obligations (seconds at 10 million actions); here they
// are sums of rollup_daily, kept from the facts of src/store/monitoring-facts.ts, and only what depends on
// "now" (wishes not registered and obligations open, due after now) is counted live from the facts.
//
// What is recomputed, and when: before each read, the facts of the subjects of the audit entries written since
// the last refresh (statistics_rollup_state row 2). The refresh depends on one field of an entry: its
// `subject`, the id of the case (a case's log entry, person.amended, …) or of the encounter (encounter.stored,
// encounter.corrected, …) it is about. Every case whose id or encounter is such a subject, and every such
// encounter and the encounter of every such case, has its facts deleted and computed again, and rollup_daily
// takes the difference (old facts subtracted, new added), so a write costs the next read the facts of the
// cases it touched, not a recount of days. The first refresh computes every fact. A refresh holds an advisory
// lock; a write that commits during it has a later audit entry and is counted at the next one. Records written
// outside Pact (SQL without an audit entry) are not seen until `delete from statistics_rollup_state where
// id = 2` makes the next read compute everything again; so does an entry whose action names an import that
// names no case (history.imported); a bulk import batch's encounters are its subjects (import_encounters).
//
// Replicas (DATABASE_READ_URL): a refresh writes, so these reads run on the primary (Store.db), refresh and
// sums in one go; they are cheap (the sums of a year are a few thousand rows), so they need no replica.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';
import { factsOf, oneOf } from './monitoring-facts.ts';
import { idArray, writtenSubjects } from './rollup-subjects.ts';

/** The advisory-lock key of a refresh (the audit chain's is 74_110_001, the public aggregates' 74_110_002). */
const FACTS_LOCK = 74_110_003;
/** The row of statistics_rollup_state that says how far the facts are computed. */
const STATE_ROW = 2;

/** Adds (sign 1) or subtracts (sign −1) the facts of the subjects `ids` (an array literal) to the daily sums. */
const applyFacts = (sign: 1 | -1, ids: string) => sql`insert into rollup_daily (state, day, key, grp, value)
  select state, day, key, grp, ${sql.raw(String(sign))} * sum(value)::int from rollup_facts
    where ${oneOf('subject', ids)} group by 1, 2, 3, 4
  on conflict (state, day, key, grp) do update set value = rollup_daily.value + excluded.value`;

/** Recomputes the facts written since the last refresh; returns how many subjects were recomputed (−1: all). */
export async function refreshFacts(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(${FACTS_LOCK})`);
    const [done] = await rowsOf<{ audit_seq: number }>(
      tx,
      sql`select audit_seq from statistics_rollup_state where id = ${STATE_ROW}`,
    );
    const [head] = await rowsOf<{ seq: number | null }>(tx, sql`select max(seq) as seq from audit_log`);
    const upTo = Number(head?.seq ?? 0);
    const from = done ? Number(done.audit_seq) : -1;
    if (done && from >= upTo) return 0;
    let recomputed = -1;
    // an import that names no case (history.imported) makes everything computed again; a bulk import batch
    // (import.batch, bulk-import.ts) names its batch, whose encounters import_encounters lists: those are subjects
    const [imported] = await rowsOf<{ yes: boolean }>(
      tx,
      sql`select exists (select 1 from audit_log where seq > ${from} and seq <= ${upTo} and action like '%import%'
        and action <> 'import.batch') as yes`,
    );
    if (!done || imported?.yes) {
      await tx.execute(sql`delete from rollup_daily`);
      await tx.execute(sql`delete from rollup_facts`);
      await tx.execute(sql`insert into rollup_facts (subject, state, day, key, grp, due_at, value)
        ${factsOf(null)}`);
      await tx.execute(sql`insert into rollup_daily (state, day, key, grp, value)
        select state, day, key, grp, sum(value)::int from rollup_facts group by 1, 2, 3, 4`);
      // the planner's statistics of the tables just filled (the reads choose their indexes by them)
      await tx.execute(sql`analyze rollup_facts`);
      await tx.execute(sql`analyze rollup_daily`);
    } else {
      // the subjects written, the cases they are or whose encounter they are, and those cases' encounters
      const dirty = await writtenSubjects(tx, from, upTo);
      recomputed = dirty.length;
      if (recomputed > 0) {
        const ids = idArray(dirty);
        await tx.execute(applyFacts(-1, ids));
        await tx.execute(sql`delete from rollup_facts where ${oneOf('subject', ids)}`);
        await tx.execute(sql`insert into rollup_facts (subject, state, day, key, grp, due_at, value)
          ${factsOf(ids)}`);
        await tx.execute(applyFacts(1, ids));
      }
    }
    await tx.execute(sql`insert into statistics_rollup_state (id, audit_seq, refreshed_at)
        values (${STATE_ROW}, ${upTo}, ${now.toISOString()})
      on conflict (id) do update set audit_seq = excluded.audit_seq, refreshed_at = excluded.refreshed_at`);
    return recomputed;
  });
}

/** Sums of the daily facts of a state in a period (local days, both counted): key, group, month (meas only). */
export async function dailySums(
  db: Db,
  q: { state: string; from: string; to: string; keys: 'monitoring' | 'eurostat' },
): Promise<{ key: string; grp: string; month: string; value: number }[]> {
  const rows = await rowsOf<{ key: string; grp: string; month: string; value: number }>(
    db,
    q.keys === 'eurostat'
      ? sql`select key, grp, to_char(day, 'YYYY-MM') as month, sum(value)::int as value from rollup_daily
          where state = ${q.state} and key = 'eu' and day >= ${q.from}::date and day <= ${q.to}::date
          group by 1, 2, 3 having sum(value) > 0`
      : sql`select key, grp, case when key like 'meas:%' then to_char(day, 'YYYY-MM') else '' end as month,
            sum(value)::int as value from rollup_daily
          where state = ${q.state} and day >= ${q.from}::date and day <= ${q.to}::date and key <> 'eu'
          group by 1, 2, 3 having sum(value) > 0`,
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** The open facts of a period due after `now` (not yet due), by key and group: the part counted live. */
export async function notYetDue(
  db: Db,
  q: { state: string; from: string; to: string; now: Date },
): Promise<{ key: string; grp: string; value: number }[]> {
  const rows = await rowsOf<{ key: string; grp: string; value: number }>(
    db,
    sql`select key, grp, count(*)::int as value from rollup_facts
      where state = ${q.state} and due_at > ${q.now.toISOString()}::timestamptz
        and day >= ${q.from}::date and day <= ${q.to}::date
      group by 1, 2`,
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
