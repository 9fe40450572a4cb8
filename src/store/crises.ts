// Crisis declarations (Regulation (EU) 2024/1359): recorded with their audit entry in one transaction (the
// CLI `pact crisis declare|extend` and the API POST /api/crises call `declareCrisis`, `extendCrisis`), and
// read by the case store to find the declaration covering an arrival or an application made (`covering`).
import { desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../law/member-states.ts';
import type { CaseCrisis } from '../domain/case-state.ts';
import { localDay } from '../law/calendar/local-day.ts';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import type { CrisisKind } from '../law/deadlines.ts';
import { PactError } from '../law/errors.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { appendAudit } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { listPlaces } from './places.ts';
import { crisisDeclarations } from './schema.ts';

export interface CrisisInput {
  readonly state: string;
  readonly kind: string;
  /** First and last day (ISO dates, both included, in the state's calendar). */
  readonly from: string;
  /** The last day of the initial Council implementing decision's period (CFMR Art. 4(3)). */
  readonly to: string;
  /**
   * issue 17: the last day after its extensions (CFMR Art. 5(1)–(2)), when the declaration was extended. The
   * registration derogation of a mass-arrivals crisis covers only applications made up to `to` (Art. 10(4)).
   */
  readonly extendedTo?: string;
  readonly act: string;
  readonly borderSections?: readonly string[];
}

export class CrisisInputError extends PactError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-crisis', message);
  }
}

/** Checks a declaration against CFMR Art. 5 and the known border sections, then records it. Returns its id. */
export async function declareCrisis(
  db: Db,
  law: ParameterRegistry,
  c: CrisisInput,
  now: Date,
  actor: string,
): Promise<string> {
  if (c.to < c.from) throw new CrisisInputError('to', 'the last day is before the first day');
  if (c.extendedTo !== undefined && c.extendedTo <= c.to)
    throw new CrisisInputError('extendedTo', 'an extension ends after the initial period (CFMR Art. 5(1))');
  checkTotal(law, c.from, c.extendedTo ?? c.to, c.extendedTo !== undefined ? 'extendedTo' : 'to');
  const sections = (await listPlaces(db, c.state))
    .filter((p) => p.kind === 'border-section')
    .map((p) => p.id);
  const unknown = (c.borderSections ?? []).filter((b) => !sections.includes(b));
  if (unknown.length > 0)
    throw new CrisisInputError(
      'borderSections',
      `unknown border section ${unknown.join(', ')} in ${c.state} (known: ${sections.join(', ') || 'none; pact places import first'})`,
    );
  const id = crypto.randomUUID();
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await tx.insert(crisisDeclarations).values({
        id,
        state: c.state,
        kind: c.kind,
        startsOn: c.from,
        endsOn: c.extendedTo ?? c.to,
        initialEndsOn: c.to,
        legalAct: c.act,
        borderSections: [...(c.borderSections ?? [])],
        createdAt: now,
      });
      const data = {
        state: c.state,
        kind: c.kind,
        from: c.from,
        to: c.to,
        ...(c.extendedTo ? { extendedTo: c.extendedTo } : {}),
        act: c.act,
        sections: [...(c.borderSections ?? [])],
      };
      await appendAudit(tx, [{ at: now, actor, action: 'crisis.declared', subject: id, data }]);
    }),
  );
  return id;
}

// CFMR Art. 5: the law must be in force on the first day, and all periods together last at most 12 months
function checkTotal(law: ParameterRegistry, from: string, last: string, field: string): void {
  const max = law.periodAt('crisis.maximum-total', from);
  const limit =
    DateTime.fromISO(from, { zone: 'UTC' })
      .plus({ [max.unit]: max.amount })
      .toISODate() ?? '';
  if (last >= limit)
    throw new CrisisInputError(
      field,
      `a crisis lasts at most ${max.amount} ${max.unit} (Crisis Regulation Art. 5(3)): the last day must be before ${limit}`,
    );
}

/**
 * issue 17: records an extension of a declaration (CFMR Art. 5(1)–(2)) to the new last day `to`. The initial
 * period stays as declared: the mass-arrivals registration derogation does not reach into the extension
 * (Art. 10(4)); the other derogations do, for applications made in it (Arts 10(1), 11(1)).
 */
export async function extendCrisis(
  db: Db,
  law: ParameterRegistry,
  e: { readonly id: string; readonly state: string; readonly to: string; readonly act: string },
  now: Date,
  actor: string,
): Promise<void> {
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const [row] = await tx.select().from(crisisDeclarations).where(eq(crisisDeclarations.id, e.id));
      if (!row || row.state !== e.state) throw new CrisisInputError('id', `no crisis ${e.id} in ${e.state}`);
      if (e.to <= row.endsOn)
        throw new CrisisInputError('to', `an extension ends after the current last day ${row.endsOn}`);
      checkTotal(law, row.startsOn, e.to, 'to');
      await tx
        .update(crisisDeclarations)
        .set({ endsOn: e.to, initialEndsOn: row.initialEndsOn ?? row.endsOn })
        .where(eq(crisisDeclarations.id, e.id));
      const data = { state: e.state, from: row.endsOn, to: e.to, act: e.act };
      await appendAudit(tx, [{ at: now, actor, action: 'crisis.extended', subject: e.id, data }]);
    }),
  );
}

/** The declarations of a state (every state's without one), newest first. */
export function listCrises(db: Db, state?: string) {
  return db
    .select()
    .from(crisisDeclarations)
    .where(state ? eq(crisisDeclarations.state, state) : undefined)
    .orderBy(desc(crisisDeclarations.startsOn));
}

// The declarations as the case store reads them: which covers an arrival or an application made (CFMR Art.
// 10(1)), and a digest that makes a write abort if they changed meanwhile.

export interface CrisisRow {
  readonly id: string;
  readonly state: string;
  readonly kind: string;
  readonly startsOn: string;
  readonly endsOn: string;
  /** issue 17: the initial Council decision's last day (CFMR Art. 10(4)); null when never extended */
  readonly initialEndsOn?: string | null;
  readonly sections: readonly string[];
}

/** issue 17: every crisis declaration, as the encounters' basis reads them (CFMR Art. 10(1): at the wish). */
export async function readCrises(db: Db): Promise<CrisisRow[]> {
  const rows = await db
    .select({
      id: crisisDeclarations.id,
      state: crisisDeclarations.state,
      kind: crisisDeclarations.kind,
      startsOn: crisisDeclarations.startsOn,
      endsOn: crisisDeclarations.endsOn,
      initialEndsOn: crisisDeclarations.initialEndsOn,
      sections: crisisDeclarations.borderSections,
    })
    .from(crisisDeclarations);
  return rows;
}

/** A digest of every crisis declaration, computed alike when read and when written against. */
export const CRISES_DIGEST = `(select md5(coalesce(string_agg(id::text || '|' || kind || '|' || starts_on || '|' || ends_on || '|' || coalesce(initial_ends_on::text, '') || '|' || array_to_string(border_sections, ','), ';' order by id), '')) from crisis_declarations)`;

/**
 * The crisis declaration in force at an instant (an arrival, or an application made — CFMR Art. 10(1)): its
 * state, its period (with the initial period, Art. 10(4)), and its border sections (none = all).
 */
export function covering(
  rows: readonly CrisisRow[],
  state: string,
  occurredAt: string,
  section?: string,
): CaseCrisis | undefined {
  // issue 21: no declaration of the state, no time-zone work (the common case)
  if (!rows.some((r) => r.state === state)) return undefined;
  // the day in the state's own time zone
  const day = localDay(occurredAt, STATE_TIME_ZONES[state as MemberStateCode] ?? 'UTC');
  const hit = rows.find(
    (r) =>
      r.state === state &&
      r.startsOn <= day &&
      r.endsOn >= day &&
      (r.sections.length === 0 || (section !== undefined && r.sections.includes(section))),
  );
  return hit
    ? {
        id: hit.id,
        kind: hit.kind as CrisisKind,
        startsOn: hit.startsOn,
        endsOn: hit.endsOn,
        ...(hit.initialEndsOn && hit.initialEndsOn < hit.endsOn ? { initialEndsOn: hit.initialEndsOn } : {}),
      }
    : undefined;
}
