// issue 21: the monitoring roll-up's monthly level (src/store/monitoring-rollup.ts): rollup_daily summed per
// state, local month, key and group, kept with it in the same statement, so that a year-long range reads its
// whole months here (12 rows a group) and only the days of the partial months at its edges from rollup_daily.
// Part of the one schema with src/store/schema.ts (drizzle.config.ts reads every src/store/schema*.ts).
import { char, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** rollup_daily summed per month (the month's first day; the day is already local to the state's zone). */
export const rollupMonthly = pgTable(
  'rollup_monthly',
  {
    state: char('state', { length: 2 }).notNull(),
    /** the first day of the local month */
    month: date('month', { mode: 'string' }).notNull(),
    key: text('key').notNull(),
    grp: text('grp').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.state, t.month, t.key, t.grp] })],
);
