// issue 22: returns counted before the Pact applied (12 June 2026), with no case behind them — the published
// figures of 2021–2022 that `pact demo` loads as counted history (data/returns-lt-2021-2022.csv), as
// encounter_nationalities counts the persons of historical encounters. The returns statistics
// (src/store/returns-statistics.ts) add them to the returns counted from the cases; the monitoring view, which
// is about cases, does not see them.
import { char, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const returnHistory = pgTable(
  'return_history',
  {
    state: char('state', { length: 2 }).notNull(),
    /** the first day of the month the returns fell in */
    month: date('month', { mode: 'string' }).notNull(),
    /** Eurostat's citizenship code (UNK: not published) */
    citizen: text('citizen').notNull(),
    /** VOL | ENF, as the returns export (src/store/returns-statistics.ts) */
    rtnType: text('rtn_type').notNull(),
    /** ASS | NASS */
    rtnAss: text('rtn_ass').notNull(),
    persons: integer('persons').notNull(),
    /** where the figure was published */
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.state, t.month, t.citizen, t.rtnType, t.rtnAss] })],
);
