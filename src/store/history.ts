// Encounters from before the Pact applied (12 June 2026): events counted by the border guard — persons
// apprehended after an irregular crossing, persons turned back — with no case behind them. The Pact's
// deadlines do not exist before that date (a law value asked for before its first date is an error), so
// these records cannot go through the case store; they are written here as encounters whose persons are all
// unidentified, with the persons' nationalities counted where known (encounter_nationalities). The
// statistics count them like any other encounter (persons, apprehensions, refusals, by nationality); the
// monitoring indicators, which are about cases, do not see them.
//
// Each encounter gets its `encounter.stored` audit entry (the same content hash as the case store writes, so
// `pact audit verify` vouches for them), and the import one `history.imported` entry with its totals.
import { ACTS } from '../../law/acts.ts';
import { PactError } from '../law/errors.ts';
import { type AuditEntry, appendAudit, encounterHash } from './audit.ts';
import { ENCOUNTER_COLUMNS, insertRows } from './bulk.ts';
import type { Db } from './database.ts';

/** The day from which the Pact's procedures apply (APR, Screening Regulation: 12 June 2026, law/acts.ts). */
export const PACT_APPLIES_FROM = ACTS.APR.appliesFrom;

export const HISTORICAL_KINDS = ['apprehended-irregular-crossing', 'entry-prevented-refused'] as const;

export interface HistoricalEncounter {
  readonly id: string;
  readonly state: string;
  readonly ref: string;
  readonly placeId?: string;
  /** ISO 8601 instant, before the Pact applies in the state's zone */
  readonly occurredAt: string;
  readonly kind: (typeof HISTORICAL_KINDS)[number];
  readonly groupSize: number;
  /** Persons by nationality (ISO 3166-1 alpha-2); the rest of the group is of unknown nationality. */
  readonly nationalities: Readonly<Record<string, number>>;
}

export class HistoryInputError extends PactError {
  constructor(message: string) {
    super('invalid-history', message);
  }
}

const NATIONALITY_COLUMNS = { encounter_id: 'uuid', nationality: 'char(2)', persons: 'integer' } as const;

/** Writes pre-Pact encounters in one transaction; refuses the whole batch on the first bad record. */
export async function importHistory(
  db: Db,
  records: readonly HistoricalEncounter[],
  actor: string,
  now: Date,
  source: string,
): Promise<{ encounters: number; persons: number }> {
  // before 00:00 on 12 June 2026 anywhere in the Union (UTC+3 at the latest zone: the day starts at 21:00 UTC)
  const limit = Date.parse(`${PACT_APPLIES_FROM}T00:00:00+03:00`);
  for (const r of records) {
    const at = Date.parse(r.occurredAt);
    const counted = Object.values(r.nationalities).reduce((s, n) => s + n, 0);
    const problem = !Number.isFinite(at)
      ? 'occurredAt is not an instant'
      : at >= limit
        ? `occurredAt is not before ${PACT_APPLIES_FROM}: record it through the case store`
        : !Number.isInteger(r.groupSize) || r.groupSize < 1
          ? 'groupSize must be a whole number from 1'
          : Object.entries(r.nationalities).some(
                ([c, n]) => !/^[A-Z]{2}$/.test(c) || !Number.isInteger(n) || n < 1,
              )
            ? 'nationalities: ISO codes with whole numbers from 1'
            : counted > r.groupSize
              ? 'more persons by nationality than the group size'
              : !(HISTORICAL_KINDS as readonly string[]).includes(r.kind)
                ? `kind must be one of ${HISTORICAL_KINDS.join(', ')}`
                : undefined;
    if (problem) throw new HistoryInputError(`historical encounter ${r.ref}: ${problem}`);
  }
  const rows = records.map((r) => ({
    id: r.id,
    state: r.state,
    ref: r.ref,
    place_id: r.placeId ?? null,
    occurred_at: new Date(r.occurredAt).toISOString(),
    kind: r.kind,
    group_size: r.groupSize,
    unidentified: r.groupSize,
    force_used: false,
    force_kind: null,
    force_kind_other: null,
    force_reason: null,
    recorded_by: actor,
    created_at: now.toISOString(),
  }));
  const counts = records.flatMap((r) =>
    Object.entries(r.nationalities).map(([nationality, persons]) => ({
      encounter_id: r.id,
      nationality,
      persons,
    })),
  );
  const persons = records.reduce((s, r) => s + r.groupSize, 0);
  const audit: AuditEntry[] = rows.map((e) => ({
    at: now,
    actor,
    action: 'encounter.stored',
    subject: e.id,
    data: { state: e.state, ref: e.ref, rowSha256: encounterHash(e) },
  }));
  audit.push({
    at: now,
    actor,
    action: 'history.imported',
    subject: null,
    data: { encounters: rows.length, persons, source },
  });
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await insertRows(tx, 'encounters', ENCOUNTER_COLUMNS, rows);
    await insertRows(tx, 'encounter_nationalities', NATIONALITY_COLUMNS, counts);
    await appendAudit(tx, audit);
  });
  return { encounters: rows.length, persons };
}
