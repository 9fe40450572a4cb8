// issue 21: the per-event facts of the public aggregates (src/store/statistics-facts.ts), kept per subject (an
// encounter, a case or a relocation transfer) so that a write recomputes only the facts of what it touched and
// the day counts of statistics_daily are recounted from these rows, not from the case log. Part of the one
// schema with src/store/schema.ts (drizzle.config.ts reads every src/store/schema*.ts).
import { char, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/**
 * One counted event of the public aggregates, with every grouping's value of it: summed by a grouping's column
 * (none: no column) it gives the day counts of src/store/aggregates.ts. `scope` says which groupings count it:
 * null every grouping, 'nationality' only by nationality, 'other' every grouping but nationality (the persons
 * of an encounter are its group size, but by nationality its identified and counted persons).
 */
export const statisticsFacts = pgTable(
  'statistics_facts',
  {
    subject: uuid('subject').notNull(),
    state: char('state', { length: 2 }).notNull(),
    /** the local day of the event in the state's zone */
    day: date('day', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    scope: text('scope'),
    section: text('section'),
    place: text('place'),
    kind: text('kind'),
    nationality: text('nationality'),
    outcome: text('outcome'),
    value: integer('value').notNull(),
  },
  (t) => [index('statistics_facts_subject').on(t.subject)],
);
