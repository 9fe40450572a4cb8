// issue 20: a member state's monthly figures for the Union (kind union.figures, src/federation/kinds/union.ts):
// the month's aggregates by the same query and the same disclosure control as the public outputs
// (GET /api/public/aggregates: rolledUpAggregates, then `suppress` with complementary suppression of grouped
// cells and the keyed random rounding of src/store/disclosure.ts — never counted differently), and the state's
// solidarity balance of the year (src/store/solidarity-report.ts). Sent once per closed month (the sweep of
// `pact serve`), idempotent by month; an administrator may send a month again (the Union keeps the later).
import { eq, sql } from 'drizzle-orm';
import type { MemberStateCode } from '../../law/member-states.ts';
import { type OutgoingMessage, UNION } from '../federation/contract.ts';
import { UNION_FIGURES, UnionFiguresBody } from '../federation/kinds/union.ts';
import { assertNoPersonalFields } from '../federation/personal-fields.ts';
import { STATE_TIME_ZONES } from '../law/calendar/time-zones.ts';
import { LAW } from '../law/law.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { type AggregateQuery, type Grouping, SUPPRESS_BELOW, suppress } from './aggregates.ts';
import { type Db, rowsOf } from './database.ts';
import { aggregateRounder, roundingKey } from './disclosure.ts';
import { lastEndedMonth } from './eurostat.ts';
import { unionFiguresSent } from './schema-federation.ts';
import { solidarityReport } from './solidarity-report.ts';
import { rolledUpAggregates } from './statistics-rollup.ts';

const lastDay = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The body of `state`'s union.figures for `month` (YYYY-MM), validated by the kind's schema. */
export async function buildUnionFigures(
  store: { db: Db },
  state: MemberStateCode,
  month: string,
  law: ParameterRegistry = LAW,
): Promise<UnionFiguresBody> {
  const timeZone = STATE_TIME_ZONES[state] ?? 'UTC';
  const key = await roundingKey(store.db);
  const published = async (by: Grouping) => {
    const q: AggregateQuery = {
      state,
      from: `${month}-01`,
      to: lastDay(month),
      timeZone,
      granularity: 'month',
      by,
    };
    const rows = await rolledUpAggregates(store.db, q);
    return suppress(rows, SUPPRESS_BELOW, { complementary: by !== 'none', round: aggregateRounder(key, q) });
  };
  const [totals, byNationality, byKind] = await Promise.all([
    published('none'),
    published('nationality'),
    published('kind'),
  ]);
  const year = Number(month.slice(0, 4));
  let solidarity: UnionFiguresBody['solidarity'] = null;
  if (law.find(`pool-${year}.adopted-on`)) {
    const report = await solidarityReport(store.db, law, year, `${lastDay(month)}`);
    const b = report.balances.states.find((s) => s.state === state);
    if (b)
      solidarity = {
        year,
        pledged: b.pledged ?? null,
        afterDeductions: b.afterDeductions,
        implemented: b.implemented,
        outstanding: b.outstanding,
      };
  }
  const body = UnionFiguresBody.parse({
    state,
    month,
    suppressedBelow: SUPPRESS_BELOW,
    totals: totals.map((r) => ({ metric: r.metric, value: r.value })),
    // a metric the grouping does not apply to has group null: its total is already in `totals`
    byNationality: byNationality.flatMap((r) =>
      r.group === null ? [] : [{ metric: r.metric, group: r.group, value: r.value }],
    ),
    byKind: byKind.flatMap((r) =>
      r.group === null ? [] : [{ metric: r.metric, group: r.group, value: r.value }],
    ),
    solidarity,
  });
  assertNoPersonalFields(body);
  return body;
}

/** The message to the Union for `month` (stream union:<month>, one message per month and resend). */
export function unionFiguresMessage(body: UnionFiguresBody): OutgoingMessage {
  assertNoPersonalFields(body);
  return { to: UNION, kind: UNION_FIGURES, stream: `union:${body.month}`, body };
}

export type Enqueue = (tx: Db, messages: readonly OutgoingMessage[], now: Date) => Promise<void>;

/**
 * Sends `month`'s figures unless they were sent already (`force`: an administrator sends again). The record
 * of the send and the message in the outbox commit together. Returns whether a message was written.
 */
export async function sendUnionFigures(
  db: Db,
  enqueue: Enqueue,
  opts: {
    state: MemberStateCode;
    month: string;
    now: Date;
    by: string;
    force?: boolean;
    law?: ParameterRegistry;
  },
): Promise<boolean> {
  const body = await buildUnionFigures({ db }, opts.state, opts.month, opts.law);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(unionFiguresSent)
      .values({ month: opts.month, sentAt: opts.now, by: opts.by })
      .onConflictDoNothing()
      .returning({ month: unionFiguresSent.month });
    if (!inserted.length) {
      if (!opts.force) return false;
      await tx
        .update(unionFiguresSent)
        .set({ sentAt: opts.now, by: opts.by })
        .where(eq(unionFiguresSent.month, opts.month));
    }
    await enqueue(tx as unknown as Db, [unionFiguresMessage(body)], opts.now);
    return true;
  });
}

/** The sweep's step: the last closed month in the state's zone, once. */
export async function sweepUnionFigures(
  db: Db,
  enqueue: Enqueue | undefined,
  state: MemberStateCode | 'EU' | undefined,
  now: Date,
): Promise<boolean> {
  if (!enqueue || !state || state === UNION) return false;
  const month = lastEndedMonth(now, STATE_TIME_ZONES[state] ?? 'UTC');
  const [done] = await rowsOf(db, sql`select 1 from union_figures_sent where month = ${month}`);
  if (done) return false;
  return sendUnionFigures(db, enqueue, { state, month, now, by: 'system' });
}
