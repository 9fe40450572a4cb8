// First-instance decisions of one member state per period (day, ISO week, month, year in its time zone) and
// nationality: the decisions by type, the positive ones and the recognition rate. A decision is a case action
// decision.issued (the determining authority's decision, APR Art. 35; an appeal's outcome is appeal.decided
// and not counted here) whose payload->>'decision' is one of DECISION_TYPES, counted at the action's time.
//
// Recognition rate, as Eurostat defines it for its asylum statistics (first-instance decisions,
// migr_asydcfsta): positive first-instance decisions (refugee status and subsidiary protection under
// Regulation (EU) 2024/1347; Pact records no national humanitarian status) divided by all first-instance
// decisions — of every type, inadmissible and implicitly withdrawn included, not only those on the merits.
//
// One SQL aggregate (grouping sets): a row per period and nationality (cases.nationality, 'unknown' when not
// recorded) and a row per period for all nationalities (nationality null). Rows without a decision are not
// returned.
import { sql } from 'drizzle-orm';
import { DECISION_TYPES } from '../domain/vocabulary.ts';
import { type AggregateQuery, reportWindow } from './aggregates.ts';
import type { Db } from './database.ts';
import { rowsOf } from './database.ts';
import { periodDays, type Rounder } from './disclosure.ts';

export type DecisionType = (typeof DECISION_TYPES)[number];

export const POSITIVE_DECISIONS: readonly DecisionType[] = ['refugee-status', 'subsidiary-protection'];

export type DecisionQuery = Omit<AggregateQuery, 'by'>;

export interface DecisionRow {
  readonly period: string;
  /** ISO code, 'unknown', or null: all nationalities */
  readonly nationality: string | null;
  readonly decisions: number;
  readonly byType: Readonly<Record<DecisionType, number>>;
  readonly positive: number;
  /** positive / decisions */
  readonly recognitionRate: number;
}

export async function decisionOutcomes(db: Db, q: DecisionQuery): Promise<DecisionRow[]> {
  const { period, inRange } = reportWindow(q);
  const perType = sql.join(
    DECISION_TYPES.map((t) => sql`count(*) filter (where d.decision = ${t})::int as ${sql.identifier(t)}`),
    sql`, `,
  );
  const types = sql.join(
    DECISION_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await rowsOf<Record<string, unknown> & { period: string; nationality: string | null }>(
    db,
    sql`select d.period, d.nationality, count(*)::int as total, ${perType}
        from (select ${period(sql`a.at`)} as period, coalesce(c.nationality::text, 'unknown') as nationality,
                a.payload->>'decision' as decision
              from case_actions a join cases c on c.id = a.case_id
              where a.type = 'decision.issued' and a.state = ${q.state} and ${inRange(sql`a.at`)}
                and a.payload->>'decision' in (${types})) d
        group by grouping sets ((d.period, d.nationality), (d.period))
        order by d.period, d.nationality collate "C" nulls first`,
  );
  return rows.map((r) => {
    const byType = Object.fromEntries(DECISION_TYPES.map((t) => [t, Number(r[t])])) as Record<
      DecisionType,
      number
    >;
    const decisions = Number(r.total);
    const positive = POSITIVE_DECISIONS.reduce((n, t) => n + byType[t], 0);
    return {
      period: r.period,
      nationality: r.nationality,
      decisions,
      byType,
      positive,
      recognitionRate: positive / decisions,
    };
  });
}

export interface PublicDecisionRow {
  readonly period: string;
  readonly nationality: string | null;
  readonly decisions: number | null;
  readonly byType: Readonly<Record<DecisionType, number | null>>;
  readonly positive: number | null;
  readonly recognitionRate: number | null;
  /** some value of the row is hidden */
  readonly suppressed?: true;
}

/**
 * The decisions as the public reads them (issue #14, finding 3), with `round` (src/store/disclosure.ts:
 * counts 1–4 hidden, the others randomly rounded to base 5, consistently):
 * - every count is published rounded, on its own: the total of a row, each type, the positive ones; the
 *   identities are those of the aggregates (the total of a nationality is `decisions` by nationality, a type
 *   of all nationalities is `decisions` by outcome), so the same count reads the same on both routes;
 * - a row whose total or any count is hidden is hidden whole: every count (the zeros too) and the rate, since
 *   zeros beside one hidden type tell the outcome of the person behind it (the reported attack);
 * - the recognition rate is the published positive count over the published total (at most 1), so it tells
 *   no more than the counts do.
 */
export function suppressDecisions(
  rows: readonly DecisionRow[],
  q: Pick<DecisionQuery, 'state' | 'from' | 'to' | 'granularity'>,
  round: Rounder,
): PublicDecisionRow[] {
  return rows.map((r) => {
    const days = periodDays(r.period, q.granularity, q.from, q.to);
    const cell = (metric: string, grouping: string, group: string | null, v: number) =>
      round({ state: q.state, metric, ...days, grouping, group }, v);
    const nat = r.nationality;
    const total =
      nat === null
        ? cell('decisions', 'none', null, r.decisions)
        : cell('decisions', 'nationality', nat, r.decisions);
    const decisions = total;
    // a count equal to the row's total is the total (every decision of the row is of that type): it reads as
    // the total does, so that the rate of a row of one outcome is exactly 0 or 1
    const same = (v: number, own: () => number | null) => (v === r.decisions ? total : own());
    const byType = Object.fromEntries(
      DECISION_TYPES.map((t) => [
        t,
        same(r.byType[t], () =>
          nat === null
            ? cell('decisions', 'outcome', t, r.byType[t])
            : cell('decisions', 'nationality+outcome', `${nat}+${t}`, r.byType[t]),
        ),
      ]),
    ) as Record<DecisionType, number | null>;
    const positive = same(r.positive, () =>
      cell('decisions-positive', nat === null ? 'none' : 'nationality', nat, r.positive),
    );
    const hidden = decisions === null || positive === null || Object.values(byType).includes(null);
    if (hidden)
      return {
        period: r.period,
        nationality: nat,
        decisions: null,
        byType: Object.fromEntries(DECISION_TYPES.map((t) => [t, null])) as Record<DecisionType, null>,
        positive: null,
        recognitionRate: null,
        suppressed: true as const,
      };
    return {
      period: r.period,
      nationality: nat,
      decisions,
      byType,
      positive,
      recognitionRate: decisions && positive !== null ? Math.min(1, positive / decisions) : null,
    };
  });
}
