// The solidarity cycle's records: pledges, deduction requests and decisions, relocation candidates,
// and payments (the transfers: solidarity-transfers.ts), each write entered in the audit log in the same transaction. The computations
// (values, offsets, matching, balances) are in src/solidarity; this file only reads and writes.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MemberStateCode } from '../../law/member-states.ts';
import { computeFairShares } from '../law/fair-shares.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { annualPool } from '../law/pool.ts';
import { type SolidarityCycle, solidarityCycle } from '../solidarity/cycle.ts';
import type {
  Candidate,
  Deduction,
  DeductionStatus,
  Pledge,
  RelocationCriteria,
} from '../solidarity/types.ts';
import { type AuditEntry, appendAudit } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { loadReferenceData } from './reference-data.ts';
import {
  relocationCandidates,
  solidarityDeductions,
  solidarityPayments,
  solidarityPledges,
} from './schema-solidarity.ts';

let shipped: ReturnType<typeof loadReferenceData> | undefined;
/** The reference data shipped in data/, read once per process (the files do not change while it runs). */
export const shippedReferenceData = () => {
  shipped ??= loadReferenceData();
  return shipped;
};

const cycles = new Map<string, SolidarityCycle>();
/** The cycle of `year` with its fair shares, as the law stands on `today` (kept per year and day). */
export function loadCycle(law: ParameterRegistry, year: number, today: string): SolidarityCycle {
  const key = `${year} ${today}`;
  const known = cycles.get(key);
  if (known) return known;
  const pool = annualPool(law, year, today);
  const cycle = solidarityCycle(
    law,
    year,
    today,
    computeFairShares(law, pool.dataDate, shippedReferenceData(), pool),
  );
  if (cycles.size > 100) cycles.clear();
  cycles.set(key, cycle);
  return cycle;
}

/** Writes and their audit entries, in one transaction (retried if another writer took the chain's place). */
export function write(
  db: Db,
  entries: readonly AuditEntry[],
  body: (tx: Db) => Promise<void>,
): Promise<void> {
  return retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await body(tx);
      await appendAudit(tx, entries);
    }),
  );
}

// ---- pledges

export interface StoredPledge extends Pledge {
  readonly criteria: RelocationCriteria;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export async function savePledge(
  db: Db,
  p: Pledge & { criteria?: RelocationCriteria },
  actor: string,
  now: Date,
): Promise<void> {
  const row = {
    year: p.year,
    state: p.state,
    relocations: p.relocations,
    eurCents: p.eurCents,
    alternatives: p.alternatives,
    relocatePercent: p.split ? String(p.split.relocatePercent) : null,
    criteria: p.criteria ?? {},
    recordedBy: actor,
    recordedAt: now,
  };
  await write(
    db,
    [
      {
        at: now,
        actor,
        action: 'solidarity.pledge-recorded',
        subject: `${p.year}/${p.state}`,
        data: { ...row, recordedAt: undefined },
      },
    ],
    async (tx) => {
      await tx
        .insert(solidarityPledges)
        .values(row)
        .onConflictDoUpdate({ target: [solidarityPledges.year, solidarityPledges.state], set: row });
    },
  );
}

export async function listPledges(db: Db, year: number, state?: string): Promise<StoredPledge[]> {
  const rows = await db
    .select()
    .from(solidarityPledges)
    .where(and(eq(solidarityPledges.year, year), state ? eq(solidarityPledges.state, state) : undefined))
    .orderBy(asc(solidarityPledges.state));
  return rows.map((r) => ({
    state: r.state as MemberStateCode,
    year: r.year,
    relocations: r.relocations,
    eurCents: r.eurCents,
    alternatives: r.alternatives as Pledge['alternatives'],
    ...(r.relocatePercent !== null ? { split: { relocatePercent: Number(r.relocatePercent) } } : {}),
    criteria: r.criteria as RelocationCriteria,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
  }));
}

// ---- deductions (AMMR Arts 61–62)

export interface StoredDeduction extends Deduction {
  readonly id: string;
}

export async function requestDeduction(
  db: Db,
  d: Omit<Deduction, 'status'>,
  actor: string,
  now: Date,
): Promise<string> {
  const id = crypto.randomUUID();
  await write(
    db,
    [{ at: now, actor, action: 'solidarity.deduction-requested', subject: id, data: { ...d } }],
    async (tx) => {
      await tx.insert(solidarityDeductions).values({
        id,
        year: d.year,
        state: d.state,
        article: d.article,
        requestedOn: d.requestedOn,
        requestedPercent: String(d.requestedPercent),
        status: 'requested',
        recordedBy: actor,
        recordedAt: now,
      });
    },
  );
  return id;
}

export async function decideDeduction(
  db: Db,
  id: string,
  decision: {
    status: Exclude<DeductionStatus, 'requested'>;
    grantedPercent: number;
    decidedOn: string;
    act: string;
  },
  actor: string,
  now: Date,
): Promise<boolean> {
  let found = false;
  await write(
    db,
    [{ at: now, actor, action: 'solidarity.deduction-decided', subject: id, data: { ...decision } }],
    async (tx) => {
      const r = await tx
        .update(solidarityDeductions)
        .set({
          status: decision.status,
          grantedPercent: String(decision.grantedPercent),
          decidedOn: decision.decidedOn,
          act: decision.act,
        })
        .where(and(eq(solidarityDeductions.id, id), eq(solidarityDeductions.status, 'requested')))
        .returning({ id: solidarityDeductions.id });
      found = r.length > 0;
      if (!found) throw new NothingToDecide();
    },
  ).catch((e) => {
    if (!(e instanceof NothingToDecide)) throw e;
  });
  return found;
}
class NothingToDecide extends Error {}

export async function listDeductions(db: Db, year: number, state?: string): Promise<StoredDeduction[]> {
  const rows = await db
    .select()
    .from(solidarityDeductions)
    .where(
      and(eq(solidarityDeductions.year, year), state ? eq(solidarityDeductions.state, state) : undefined),
    )
    .orderBy(asc(solidarityDeductions.requestedOn), asc(solidarityDeductions.id));
  return rows.map((r) => ({
    id: r.id,
    state: r.state as MemberStateCode,
    year: r.year,
    article: r.article as Deduction['article'],
    requestedOn: r.requestedOn,
    requestedPercent: Number(r.requestedPercent),
    status: r.status as DeductionStatus,
    ...(r.grantedPercent !== null ? { grantedPercent: Number(r.grantedPercent) } : {}),
    ...(r.decidedOn ? { decidedOn: r.decidedOn } : {}),
    ...(r.act ? { act: r.act } : {}),
  }));
}

/** Candidate ids already recorded (or given twice): nothing was added. */
export class DuplicateCandidates extends Error {
  constructor(readonly ids: readonly string[]) {
    super(
      `already recorded: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`,
    );
  }
}

// ---- relocation candidates (AMMR Art. 67(3)); synthetic persons in tests and demonstrations

/** Those of `ids` already recorded as candidates (of any year: a candidate id is recorded once). */
export async function recordedCandidateIds(db: Db, ids: readonly string[]): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: relocationCandidates.id })
      .from(relocationCandidates)
      .where(inArray(relocationCandidates.id, ids.slice(i, i + 1000)));
    taken.push(...rows.map((r) => r.id));
  }
  return taken;
}

export async function addCandidates(
  db: Db,
  year: number,
  candidates: readonly (Candidate & { caseId?: string })[],
  actor: string,
  now: Date,
): Promise<number> {
  if (candidates.length === 0) return 0;
  const ids = candidates.map((c) => c.id);
  const taken = await recordedCandidateIds(db, ids);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (taken.length > 0 || repeated.length > 0)
    throw new DuplicateCandidates([...new Set([...taken, ...repeated])]);
  const rows = candidates.map((c) => ({
    id: c.id,
    year,
    fromState: c.from,
    caseId: c.caseId ?? null,
    familyId: c.familyId ?? null,
    kind: c.kind,
    protectionGrantedOn: c.protectionGrantedOn ?? null,
    consent: c.consent ?? null,
    nationality: c.nationality,
    minor: c.minor,
    vulnerabilities: [...c.vulnerabilities],
    languages: [...c.languages],
    securityHit: c.securityHit,
    recordedAt: now,
  }));
  await write(
    db,
    [
      {
        at: now,
        actor,
        action: 'solidarity.candidates-added',
        subject: String(year),
        // ids only: no personal data in the log beyond what identifies the record
        data: { from: [...new Set(candidates.map((c) => c.from))], ids: candidates.map((c) => c.id) },
      },
    ],
    async (tx) => {
      for (let i = 0; i < rows.length; i += 500)
        await tx.insert(relocationCandidates).values(rows.slice(i, i + 500));
    },
  );
  return rows.length;
}

/** The case of a candidate, when the benefitting state linked one (its own case of the person). */
export async function caseOfCandidate(db: Db, candidateId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ caseId: relocationCandidates.caseId })
    .from(relocationCandidates)
    .where(eq(relocationCandidates.id, candidateId));
  return row?.caseId ?? undefined;
}

export async function listCandidates(db: Db, year: number, from?: string): Promise<Candidate[]> {
  const rows = await db
    .select()
    .from(relocationCandidates)
    .where(
      and(eq(relocationCandidates.year, year), from ? eq(relocationCandidates.fromState, from) : undefined),
    )
    .orderBy(asc(relocationCandidates.id));
  return rows.map((r) => ({
    id: r.id,
    ...(r.familyId ? { familyId: r.familyId } : {}),
    from: r.fromState as MemberStateCode,
    kind: r.kind as Candidate['kind'],
    ...(r.protectionGrantedOn ? { protectionGrantedOn: r.protectionGrantedOn } : {}),
    ...(r.consent !== null ? { consent: r.consent } : {}),
    nationality: r.nationality,
    minor: r.minor,
    vulnerabilities: r.vulnerabilities,
    languages: r.languages,
    securityHit: r.securityHit,
  }));
}

// ---- payments and delivered alternative measures

export interface Payment {
  readonly year: number;
  readonly state: MemberStateCode;
  readonly kind: 'financial' | 'alternative';
  readonly eurCents: number;
  readonly paidOn: string;
  readonly description?: string;
}

export async function recordPayment(db: Db, p: Payment, actor: string, now: Date): Promise<string> {
  const id = crypto.randomUUID();
  await write(
    db,
    [{ at: now, actor, action: 'solidarity.payment-recorded', subject: id, data: { ...p } }],
    async (tx) => {
      await tx
        .insert(solidarityPayments)
        .values({ id, ...p, description: p.description ?? null, recordedBy: actor, recordedAt: now });
    },
  );
  return id;
}

export interface StoredPayment extends Payment {
  readonly id: string;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** The payments of a year (of one state), the earliest first. */
export async function listPayments(db: Db, year: number, state?: string): Promise<StoredPayment[]> {
  const rows = await db
    .select()
    .from(solidarityPayments)
    .where(and(eq(solidarityPayments.year, year), state ? eq(solidarityPayments.state, state) : undefined))
    .orderBy(asc(solidarityPayments.paidOn), asc(solidarityPayments.recordedAt));
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    state: r.state as MemberStateCode,
    kind: r.kind as Payment['kind'],
    eurCents: r.eurCents,
    paidOn: r.paidOn,
    ...(r.description ? { description: r.description } : {}),
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
  }));
}

// the relocation transfers are in solidarity-transfers.ts
export * from './solidarity-transfers.ts';
