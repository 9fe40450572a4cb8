// What the vulnerability and minors guarantees need from other cases (src/domain/guarantees/minors.ts,
// vulnerability.ts): how many unaccompanied minors a representative holds at the same time (APR Art. 23),
// a family's members (cases of the same state) and the procedures they were routed to (families kept
// together). The rules are the domain's; this file only reads the other cases and asks. Called by
// CaseStore.apply inside the command's transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CaseState, Decision } from '../domain/case-state.ts';
import type { CaseCommand } from '../domain/commands.ts';
import { type DecideContext, decide } from '../domain/decide.ts';
import { CommandRejectedError } from '../domain/errors.ts';
import { childDetainedWithoutParent, familyRoutingSplit } from '../domain/guarantees/vulnerability.ts';
import { resultRows } from './bulk.ts';
import { CASE_STATE, caseState } from './case-data.ts';
import type { Db } from './database.ts';
import { cases } from './schema.ts';

/** Advisory-lock namespace of a representative's count (serialises two appointments of one representative). */
const REPRESENTATIVE_LOCK = 74_117_023;

/**
 * APR Art. 23 (law/apr/minors.ts `apr.unaccompanied-minor.representative-max-minors`): a representative or
 * interim person is in charge of no more than the maximum of unaccompanied minors at the same time — the
 * open cases of the state that name them, as representative, or as interim person before a representative.
 */
export async function checkRepresentativeLimit(
  tx: Db,
  current: CaseState,
  command: CaseCommand,
  ctx: DecideContext,
): Promise<void> {
  if (command.type !== 'representative.appointed') return;
  const ref = command.representativeRef;
  const maximum = ctx.law.numberAt(
    'apr.unaccompanied-minor.representative-max-minors',
    command.at.slice(0, 10),
    'persons',
  );
  await tx.execute(
    sql`select pg_advisory_xact_lock(${REPRESENTATIVE_LOCK}, hashtext(${`${current.state}:${ref}`}))`,
  );
  const [row] = resultRows(
    await tx.execute(sql`select count(*)::int as n from cases
      where state = ${current.state} and id <> ${current.id} and status not in ('closed')
        and (data -> 'person' ->> 'unaccompanied') = 'true'
        and data ? 'representation'
        and coalesce(data -> 'representation' -> 'representative' ->> 'ref',
                     data -> 'representation' -> 'interim' ->> 'ref') = ${ref}`),
  );
  const held = Number(row?.n ?? 0);
  if (held >= maximum)
    throw new CommandRejectedError(
      'representativeRef',
      { code: 'representative-limit-reached', params: { maximum } },
      `this representative is already in charge of ${held} unaccompanied minors; at most ${maximum} at the same time (APR Art. 23)`,
    );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cases of a family's other members, each checked to exist and to be a case of the same state. */
async function memberCases(tx: Db, current: CaseState, ids: readonly string[]): Promise<CaseState[]> {
  const others = ids.filter((id) => id !== current.id);
  if (others.length === 0) return [];
  const uuids = others.filter((id) => UUID.test(id));
  const rows =
    uuids.length === 0 ? [] : await tx.select(CASE_STATE).from(cases).where(inArray(cases.id, uuids));
  for (const id of others) {
    const r = rows.find((x) => x.id === id);
    if (!r)
      throw new CommandRejectedError(
        'members',
        { code: 'family-member-not-found', params: { caseId: id } },
        `${id} is not a case here`,
      );
    if (r.state !== current.state)
      throw new CommandRejectedError(
        'members',
        { code: 'family-member-other-state', params: { caseId: id } },
        `${id} is a case of another member state`,
      );
  }
  return rows.map(caseState);
}

/**
 * family.recorded: the same command decided on every other member's case (each gets the family on its own
 * log), after the members were checked. Returns the members' decisions to persist with the main case's.
 */
export async function familyDecisions(
  tx: Db,
  current: CaseState,
  command: CaseCommand,
  ctx: DecideContext,
): Promise<{ decision: Decision; expectedVersion: number }[]> {
  if (command.type !== 'family.recorded') return [];
  const members = await memberCases(
    tx,
    current,
    command.members.map((m) => m.caseId),
  );
  return members.map((m) => ({ decision: decide(m, command, ctx), expectedVersion: m.version }));
}

/** application.routed: a child and a parent of one family are not split across procedures. */
export async function checkFamilyRouting(tx: Db, current: CaseState, command: CaseCommand): Promise<void> {
  if (command.type !== 'application.routed' || !current.family) return;
  const ids = current.family.members.map((m) => m.caseId).filter((id) => id !== current.id && UUID.test(id));
  if (ids.length === 0) return;
  const rows = await tx
    .select(CASE_STATE)
    .from(cases)
    .where(and(inArray(cases.id, ids), eq(cases.state, current.state)));
  const split = familyRoutingSplit(current, command.procedure, rows.map(caseState));
  if (split)
    throw new CommandRejectedError(
      'procedure',
      { code: 'family-procedure-split', params: split },
      `a child and a parent of one family stay together: ${split.caseId} is in the ${split.procedure} procedure (APR Art. 45(2)–(3))`,
    );
}

/** detention.ordered: an accompanied minor child only with a parent of the family detained (RCD Art. 13(2)(a)). */
export async function checkFamilyDetention(tx: Db, current: CaseState, command: CaseCommand): Promise<void> {
  if (command.type !== 'detention.ordered' || !current.family) return;
  const ids = current.family.members.map((m) => m.caseId).filter((id) => id !== current.id && UUID.test(id));
  const rows =
    ids.length === 0
      ? []
      : await tx
          .select(CASE_STATE)
          .from(cases)
          .where(and(inArray(cases.id, ids), eq(cases.state, current.state)));
  if (childDetainedWithoutParent(current, rows.map(caseState)))
    throw new CommandRejectedError(
      'type',
      { code: 'family-child-detained-without-parent', params: {} },
      "an accompanied minor may be detained only where the minor's parent is detained (Directive (EU) 2024/1346 Art. 13(2)(a)); families with minors are, as a rule, given alternatives to detention",
    );
}
