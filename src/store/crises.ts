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
  readonly to: string;
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
  // CFMR Art. 5: the law must be in force on the first day, and all periods together last at most 12 months
  const max = law.periodAt('crisis.maximum-total', c.from);
  const limit =
    DateTime.fromISO(c.from, { zone: 'UTC' })
      .plus({ [max.unit]: max.amount })
      .toISODate() ?? '';
  if (c.to >= limit)
    throw new CrisisInputError(
      'to',
      `a crisis lasts at most ${max.amount} ${max.unit} (Crisis Regulation Art. 5(3)): the last day must be before ${limit}`,
    );
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
        endsOn: c.to,
        legalAct: c.act,
        borderSections: [...(c.borderSections ?? [])],
        createdAt: now,
      });
      const data = {
        state: c.state,
        kind: c.kind,
        from: c.from,
        to: c.to,
        act: c.act,
        sections: [...(c.borderSections ?? [])],
      };
      await appendAudit(tx, [{ at: now, actor, action: 'crisis.declared', subject: id, data }]);
    }),
  );
  return id;
}

/** The declarations of a state (every state's without one), newest first. */
export function listCrises(db: Db, state?: string) {
  return db
    .select()
    .from(crisisDeclarations)
    .where(state ? eq(crisisDeclarations.state, state) : undefined)
    .orderBy(desc(crisisDeclarations.startsOn));
}
