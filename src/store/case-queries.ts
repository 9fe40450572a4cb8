// Reading cases and the deadline queue. "What is due in the next 48 hours in Lithuania, and what is
// overdue" is one query on the partial index obligations_open_due (state, due_at) WHERE status = 'open'.
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { MemberStateCode } from '../../law/member-states.ts';
import type { CaseState } from '../domain/case-state.ts';
import { caseIdRange } from '../domain/search-query.ts';
import { STATE_TIME_ZONES } from '../law/calendar/time-zones.ts';
import { daysOverdue } from '../law/days-overdue.ts';
import { CASE_STATE, caseState } from './case-data.ts';
import type { Db } from './database.ts';
import { caseActions, cases, encounters, obligations } from './schema.ts';

export interface QueueFilter {
  readonly state?: string;
  /** Obligations falling due before now + this many milliseconds (overdue ones included). */
  readonly withinMs?: number;
  /** Only those already overdue. */
  readonly overdueOnly?: boolean;
  readonly kind?: string;
  readonly nationality?: string;
  /** Only persons met at this place (the encounter's place). */
  readonly placeId?: string;
  /** A page of at most this many (default QUEUE_PAGE). */
  readonly limit?: number;
  /** Keyset paging: the items after this one (the last of the previous page), in due order. */
  readonly after?: { readonly dueAt: Date; readonly obligationId: number };
  /** Only cases assigned to this username ("my cases"), or (null) only unassigned cases. */
  readonly assignedTo?: string | null;
}

/** One page of the queue: what a person can act on; the next page continues after its last item. */
export const QUEUE_PAGE = 100;
export const QUEUE_MAX_PAGE = 1000;

export interface QueueItem {
  readonly obligationId: number;
  readonly caseId: string;
  readonly state: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly article: string;
  readonly overdue: boolean;
  /** Days overdue in the state's calendar (Reg. 1182/71 Art. 3(1), src/law/days-overdue.ts); 0 if not. */
  readonly daysOverdue: number;
  readonly status: string;
  readonly nationality: string | null;
  readonly flags: readonly string[];
  /** the username the case is assigned to, or null */
  readonly assignedTo: string | null;
}

export async function queue(db: Db, now: Date, f: QueueFilter = {}): Promise<QueueItem[]> {
  const until = f.overdueOnly ? now : new Date(now.getTime() + (f.withinMs ?? 48 * 3600_000));
  const rows = await db
    .select({
      obligationId: obligations.id,
      caseId: obligations.caseId,
      state: obligations.state,
      kind: obligations.kind,
      dueAt: obligations.dueAt,
      article: obligations.article,
      status: cases.status,
      nationality: cases.nationality,
      flags: cases.flags,
      assignedTo: cases.assignedTo,
    })
    .from(obligations)
    .innerJoin(cases, eq(cases.id, obligations.caseId))
    .where(
      and(
        eq(obligations.status, 'open'),
        f.state ? eq(obligations.state, f.state) : undefined,
        lt(obligations.dueAt, until),
        f.kind ? eq(obligations.kind, f.kind) : undefined,
        f.nationality ? eq(cases.nationality, f.nationality) : undefined,
        f.assignedTo === undefined
          ? undefined
          : f.assignedTo === null
            ? isNull(cases.assignedTo)
            : eq(cases.assignedTo, f.assignedTo),
        f.placeId
          ? sql`exists (select 1 from ${encounters} where ${encounters.id} = ${cases.encounterId} and ${encounters.placeId} = ${f.placeId})`
          : undefined,
        f.after
          ? or(
              gt(obligations.dueAt, f.after.dueAt),
              and(eq(obligations.dueAt, f.after.dueAt), gt(obligations.id, f.after.obligationId)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(obligations.dueAt), asc(obligations.id))
    .limit(Math.min(f.limit ?? QUEUE_PAGE, QUEUE_MAX_PAGE));
  return rows.map((r) => ({
    ...r,
    overdue: r.dueAt <= now,
    daysOverdue: daysOverdue(r.dueAt, now, zoneOfState(r.state)),
  }));
}

const zoneOfState = (state: string): string => STATE_TIME_ZONES[state as MemberStateCode] ?? 'UTC';

export interface CaseView {
  readonly case: CaseState;
  readonly actions: readonly (typeof caseActions.$inferSelect)[];
  readonly obligations: readonly (typeof obligations.$inferSelect)[];
}

/** Which of `ids` (whole case ids) are cases of `state`: one query, whatever their number. */
export async function caseIdsOfState(db: Db, ids: readonly string[], state: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...new Set(ids)]), eq(cases.state, state)));
  return new Set(rows.map((r) => r.id));
}

/**
 * One case with its timeline and deadlines, by id or unique id prefix (8+ characters). `state` limits the
 * search to one member state's cases (a user never sees another state's cases).
 */
export async function findCase(db: Db, idOrPrefix: string, state?: string): Promise<CaseView | undefined> {
  const id = idOrPrefix.toLowerCase();
  if (!/^[0-9a-f-]{8,36}$/.test(id)) return undefined;
  const matches = await db
    .select(CASE_STATE)
    .from(cases)
    .where(
      and(
        id.length === 36
          ? eq(cases.id, id)
          : // a prefix: the range of ids it covers, read from the primary key (not every id as text)
            (() => {
              const range = caseIdRange(id);
              return range
                ? sql`${cases.id} >= ${range.from}::uuid and ${cases.id} <= ${range.to}::uuid`
                : sql`false`;
            })(),
        state ? eq(cases.state, state) : undefined,
      ),
    )
    .limit(2);
  if (matches.length !== 1 || !matches[0]) return undefined;
  const c = caseState(matches[0]);
  const [actions, obs] = await Promise.all([
    db.select().from(caseActions).where(eq(caseActions.caseId, c.id)).orderBy(asc(caseActions.seq)),
    db.select().from(obligations).where(eq(obligations.caseId, c.id)).orderBy(asc(obligations.dueAt)),
  ]);
  return { case: c, actions, obligations: obs };
}

/** "48h", "3d", "90m" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)\s*(m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
