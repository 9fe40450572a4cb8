// The subjects written between two points of the audit log (issue 21), shared by the two roll-ups
// (monitoring-rollup.ts, statistics-rollup.ts): every write of Pact has its audit entry, and its `subject` is
// the id of what it is about — a case (a case's log entry, person.amended, …), an encounter (encounter.stored,
// encounter.corrected, …), a relocation transfer (solidarity.transfer-*). A format-2 entry may list the rows of
// several cases (audit-actions.ts): its listed cases are subjects too; a bulk import batch's encounters
// (import_encounters) are its subjects. Every case whose id or encounter is such a subject, and the encounter of
// every such case, is returned with them, so that what a case counts by its encounter (and the reverse) is
// recomputed with it.
import { type SQL, sql } from 'drizzle-orm';
import { auditedActions } from './audit-actions.ts';
import { type Db, rowsOf } from './database.ts';

/**
 * The ids written by the audit entries after `from` up to `upTo` (both audit seqs: SQL expressions, so that a
 * statement can take them from its own rows), with their cases and encounters: one SELECT of `id` (uuid).
 */
export const writtenSubjectIds = (
  from: SQL,
  upTo: SQL,
): SQL => sql`with s as (select distinct w.subject::uuid as id from (
          select subject from audit_log where seq > ${from} and seq <= ${upTo}
          union all select a.subject from ${auditedActions(sql`a.seq > ${from} and a.seq <= ${upTo} and a.data @> '{"v": 2}'`)} a) w
        where w.subject ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
        union select i.encounter_id from import_encounters i join audit_log a on a.subject = i.batch::text
          where a.action = 'import.batch' and a.seq > ${from} and a.seq <= ${upTo})
      select id from s
      union select c.id from cases c where c.encounter_id in (select id from s)
      union select c.encounter_id from cases c where c.id in (select id from s) and c.encounter_id is not null`;

/** The ids written by the audit entries after `from` up to `upTo` (both audit seqs), with their cases and encounters. */
export async function writtenSubjects(tx: Db, from: number, upTo: number): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`select id::text as id from (${writtenSubjectIds(sql`${from}`, sql`${upTo}`)}) w`,
  );
  return rows.map((r) => r.id);
}

/** The ids as one PostgreSQL array literal ('{…}': one parameter, whatever their number). */
export const idArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;
