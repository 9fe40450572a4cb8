// issue 21: the per-event facts of the public aggregates (src/store/statistics-facts.ts), kept per subject (an
// encounter, a case or a relocation transfer) so that a write recomputes only the facts of what it touched and
// the day counts of statistics_daily are recounted from these rows, not from the case log. Part of the one
// schema with src/store/schema.ts (drizzle.config.ts reads every src/store/schema*.ts).
import { sql } from 'drizzle-orm';
import { bigint, char, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';

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

// The public aggregates' day and month counts and how far they are counted, and the monitoring roll-up's facts
// and day counts (moved from schema.ts).

/**
 * Daily counts of the public aggregates (src/store/statistics-rollup.ts): one row per state, local day,
 * grouping, group and metric, recounted from the records for the days that the audit log shows were written
 * since the last refresh (statistics_rollup_state.audit_seq). Sums of these days answer a month or a year
 * without counting a year of actions again.
 */
export const statisticsDaily = pgTable(
  'statistics_daily',
  {
    state: char('state', { length: 2 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    grouping: text('grouping').notNull(),
    grp: text('grp'),
    metric: text('metric').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [
    index('statistics_daily_state_grouping_day').on(t.state, t.grouping, t.day),
    // issue 22: statistics (by nationality): a write's difference finds the rows of its keys (statistics-rollup.ts)
    index('statistics_daily_key').on(t.state, t.day, t.grouping, t.metric),
  ],
);

/** How far statistics_daily is counted: the last audit entry whose days are recounted (one row). */
export const statisticsRollupState = pgTable('statistics_rollup_state', {
  id: integer('id').primaryKey(),
  auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
  refreshedAt: at('refreshed_at').notNull(),
});

/** One counted event of a case or an encounter (subject), in the state that counts it, on its local day. */
export const rollupFacts = pgTable(
  'rollup_facts',
  {
    subject: uuid('subject').notNull(),
    state: char('state', { length: 2 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    key: text('key').notNull(),
    grp: text('grp').notNull(),
    /** open items only: what "overdue" is counted from (the part counted live) */
    dueAt: at('due_at'),
    value: integer('value').notNull(),
  },
  (t) => [
    index('rollup_facts_subject').on(t.subject),
    // issue 21: covering, so that the part counted live (open facts due after now) reads the index alone
    index('rollup_facts_state_due_cover')
      .on(t.state, t.dueAt, t.day, t.key, t.grp)
      .where(sql`${t.dueAt} is not null`),
  ],
);

/** The facts summed per state, day (Eurostat: the month's first day), key and group. */
export const rollupDaily = pgTable(
  'rollup_daily',
  {
    state: char('state', { length: 2 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    key: text('key').notNull(),
    grp: text('grp').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.state, t.day, t.key, t.grp] })],
);

/** The public aggregates' daily counts summed per month (src/store/statistics-rollup.ts): a year is 12 rows a group. */
export const statisticsMonthly = pgTable(
  'statistics_monthly',
  {
    state: char('state', { length: 2 }).notNull(),
    /** the month's first day */
    month: date('month', { mode: 'string' }).notNull(),
    grouping: text('grouping').notNull(),
    grp: text('grp'),
    metric: text('metric').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [
    index('statistics_monthly_state_grouping_month').on(t.state, t.grouping, t.month),
    // issue 22: statistics (by nationality): a write's difference finds the rows of its keys (statistics-rollup.ts)
    index('statistics_monthly_key').on(t.state, t.month, t.grouping, t.metric),
  ],
);
