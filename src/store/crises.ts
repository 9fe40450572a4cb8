// Crisis declarations (Regulation (EU) 2024/1359): recorded with their audit entry in one transaction. The
// CLI (`pact crisis declare`) and the API (POST /api/crises) both call `declareCrisis`.
import { desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
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
