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
import { type AggregateQuery, isSmall, reportWindow, rowsOf, SUPPRESS_BELOW } from './aggregates.ts';
import type { Db } from './database.ts';

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
 * Small-cell suppression of the decisions: a row of fewer than `min` decisions (5) shows no recognition rate
 * and no positive count, and its count is hidden; in every row a count by type from 1 to min − 1 is hidden.
 * A row of `min` or more decisions shows its rate, as Eurostat publishes it, and its positive count (the
 * rate times the decisions: hiding it would hide nothing). Each row is judged alone (no complementary
 * suppression across types or nationalities).
 */
export function suppressDecisions(rows: readonly DecisionRow[], min = SUPPRESS_BELOW): PublicDecisionRow[] {
  return rows.map((r) => {
    const rated = r.decisions >= min;
    const byType = Object.fromEntries(
      DECISION_TYPES.map((t) => [t, isSmall(r.byType[t], min) ? null : r.byType[t]]),
    ) as Record<DecisionType, number | null>;
    const hidden = !rated || Object.values(byType).includes(null);
    return {
      period: r.period,
      nationality: r.nationality,
      decisions: rated ? r.decisions : null,
      byType,
      positive: rated ? r.positive : null,
      recognitionRate: rated ? r.recognitionRate : null,
      ...(hidden ? { suppressed: true as const } : {}),
    };
  });
}
