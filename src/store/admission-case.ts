// The case of an admitted person, written on arrival inside the admission file's transaction (issue 22): the
// arrival (an encounter of the kind admission-arrival), the case, its first log rows, obligations and identity
// rows, and ONE audit entry for the encounter vouching for the case's first log rows — the rows the case store
// writes for an encounter (encounter-write.ts), built by the same functions (case-rows.ts), so that the audit
// chain and its verification (audit.ts verifyRecords) treat the case like any other.
import type { CaseAdmission } from '../domain/admission/arrival-case.ts';
import { startAdmittedCase } from '../domain/admission/arrival-case.ts';
import type { Person } from '../domain/commands.ts';
import type { Principal } from '../domain/roles.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { auditHead, chainRows, lockAudit } from './audit.ts';
import {
  ACTION_COLUMNS,
  AUDIT_COLUMNS,
  CASE_COLUMNS,
  ENCOUNTER_COLUMNS,
  insertMany,
  OBLIGATION_COLUMNS,
} from './bulk.ts';
import { caseRow, encounterAudit, encounterRow, logRows } from './case-rows.ts';
import type { Db } from './database.ts';
import { newIdentityParts } from './person-identities.ts';

/** The encounter reference of a file's arrival: one per file, so a second arrival could not be written. */
export const arrivalRef = (fileId: string): string => `admission-${fileId}`;

/** Writes the case of an admitted person (inside `tx`); returns its id. */
export async function writeAdmittedCase(
  tx: Db,
  deps: { readonly law: ParameterRegistry; readonly uuid: () => string },
  input: {
    readonly state: string;
    readonly arrivedAt: string;
    readonly person: Person;
    readonly admission: CaseAdmission;
  },
  p: Principal,
  now: Date,
): Promise<string> {
  const actor = { actor: p.username, role: p.role };
  const encounterId = deps.uuid();
  const caseId = deps.uuid();
  const state = input.state as Parameters<typeof startAdmittedCase>[1]['state'];
  const decision = startAdmittedCase(
    { ...actor, law: deps.law, now },
    {
      caseId,
      encounterId,
      state,
      arrivedAt: input.arrivedAt,
      person: input.person,
      admission: input.admission,
    },
  );
  const encounter = encounterRow(
    {
      ref: arrivalRef(input.admission.fileId),
      state,
      occurredAt: decision.next.occurredAt,
      kind: 'admission-arrival',
      groupSize: 1,
      persons: [decision.next.person],
    },
    encounterId,
    actor,
    now.toISOString(),
  );
  const { actions, obligations, audited } = logRows([{ decision }], now, actor);
  await lockAudit(tx);
  const head = await auditHead(tx);
  await insertMany(tx, [
    { table: 'encounters', columns: ENCOUNTER_COLUMNS, rows: [encounter] },
    { table: 'cases', columns: CASE_COLUMNS, rows: [caseRow(decision.next, now)] },
    { table: 'case_actions', columns: ACTION_COLUMNS, rows: actions },
    { table: 'obligations', columns: OBLIGATION_COLUMNS, rows: obligations },
    ...newIdentityParts([decision.next], now),
    {
      table: 'audit_log',
      columns: AUDIT_COLUMNS,
      rows: chainRows(head, [encounterAudit(encounter, now, actor, [], audited)]),
    },
  ]);
  return caseId;
}
