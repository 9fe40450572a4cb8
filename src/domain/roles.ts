// Roles, their jurisdictions and the permission matrix (docs/permissions.md is generated from this file by npm run docs).
// A user holds one role bound to one jurisdiction: a member state, or the Union (EU) for Union-level roles.
// Personal data (cases, encounters, the queue) is only ever read or written inside the user's own state.
import type { CommandType } from './statuses.ts';

export const ROLES = [
  'border-guard',
  'screening-officer',
  'case-officer',
  'return-officer',
  'supervisor',
  'solidarity-coordinator',
  'eu-solidarity-coordinator',
  'monitor',
  'analyst',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose jurisdiction is the Union: they see aggregates, never personal data. */
export const UNION_ROLES: readonly Role[] = ['eu-solidarity-coordinator', 'analyst'];

export const ROLE_TITLES: Readonly<Record<Role, string>> = {
  'border-guard': 'border guard',
  'screening-officer': 'screening officer',
  'case-officer': 'case officer',
  'return-officer': 'return officer',
  supervisor: "supervisor (a state's casework: assigns cases to officers, decides on duplicates)",
  'solidarity-coordinator': 'solidarity coordinator (national)',
  'eu-solidarity-coordinator': 'EU solidarity coordinator',
  monitor: 'monitor (independent monitoring mechanism, Screening Regulation Art. 10)',
  analyst: 'analyst (aggregates only)',
  administrator: 'administrator (accounts of its jurisdiction; an EU administrator: of every state)',
};

export const PERMISSIONS = [
  'encounter.record',
  'case.read',
  'case.screening',
  'case.asylum',
  'case.return',
  'case.detention',
  'queue.read',
  'crisis.declare',
  'findings.write',
  'findings.read',
  'aggregates.read',
  'solidarity.pledge',
  'solidarity.decide',
  'relocation.manage',
  'users.manage',
  'account-events.read',
  'setup.manage',
  // issue #16: the casefile
  'person.search',
  'case.amend',
  'case.assign',
  'duplicates.decide',
  'attachments.write',
  'case.assign-others',
  // issue 17: the person's guarantees (vulnerability, family, representative, age assessment)
  'case.guarantees',
  // issue 17: remedies — the national values the Pact leaves to the state (APR Art. 67(7) appeal windows)
  'settings.manage',
  // issue 17: national emergency measures (their activations)
  'national-measures.record',
  // issue 20: the requests of other member states (AMMR Part III) received by one's state
  'responsibility.answer',
  // issue 20: the exchange between installations (messages, dead letters, peers)
  'federation.manage',
  // issue 21: a backup of the embedded database, taken while the server runs (the whole database)
  'backup.take',
  // issue 22: admission — programmes and admission files (Regulation (EU) 2024/1350); the Union's view
  'admission.manage',
  'admission.union',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who may do what; the jurisdiction narrows it further (see `inJurisdiction`). */
export const MATRIX: Readonly<Record<Permission, readonly Role[]>> = {
  'encounter.record': ['border-guard', 'screening-officer'],
  'case.read': [
    'border-guard',
    'screening-officer',
    'case-officer',
    'return-officer',
    'supervisor',
    'monitor',
  ],
  'case.screening': ['screening-officer', 'border-guard'],
  'case.asylum': ['case-officer', 'screening-officer'],
  'case.return': ['return-officer', 'case-officer'],
  'case.detention': ['case-officer', 'return-officer', 'border-guard'],
  'queue.read': [
    'border-guard',
    'screening-officer',
    'case-officer',
    'return-officer',
    'supervisor',
    'monitor',
  ],
  'crisis.declare': ['administrator'],
  'findings.write': ['monitor'],
  'findings.read': ['monitor', 'case-officer', 'administrator'],
  'aggregates.read': [...ROLES],
  'solidarity.pledge': ['solidarity-coordinator', 'eu-solidarity-coordinator'],
  'solidarity.decide': ['eu-solidarity-coordinator'],
  'relocation.manage': ['solidarity-coordinator', 'eu-solidarity-coordinator'],
  'users.manage': ['administrator'],
  'account-events.read': ['monitor', 'administrator'],
  'setup.manage': ['administrator'],
  'person.search': ['border-guard', 'screening-officer', 'case-officer', 'return-officer', 'monitor'],
  'case.amend': ['border-guard', 'screening-officer', 'case-officer', 'return-officer'],
  'case.assign': ['screening-officer', 'case-officer', 'return-officer', 'supervisor'],
  'duplicates.decide': ['screening-officer', 'case-officer', 'supervisor'],
  'attachments.write': ['border-guard', 'screening-officer', 'case-officer', 'return-officer'],
  'case.assign-others': ['supervisor'],
  'case.guarantees': ['screening-officer', 'case-officer', 'return-officer'],
  'settings.manage': ['administrator'],
  'national-measures.record': ['administrator', 'supervisor'],
  'responsibility.answer': ['case-officer'],
  'federation.manage': ['administrator'],
  'backup.take': ['administrator'],
  // issue 22: admission
  'admission.manage': ['solidarity-coordinator'],
  'admission.union': ['eu-solidarity-coordinator', 'analyst'],
};

export const PERMISSION_TITLES: Readonly<Record<Permission, string>> = {
  'encounter.record': 'record encounters (single and batch)',
  'case.read': "read a person's case: timeline, deadlines, flags (each read is logged)",
  'case.screening': 'screening steps: checks, Eurodac, asylum wish, screening outcome, refusal of entry',
  'case.asylum': 'application steps: registration, lodging, routing, interview, decision, appeal',
  'case.return': 'return decisions, return border procedure, voluntary departure, execution',
  'case.detention': 'detention: order, review, end',
  'queue.read': 'the deadline queue of the state',
  'crisis.declare': 'record a crisis declaration for the state',
  'findings.write': 'record a finding of the monitoring mechanism (Screening Regulation Art. 10)',
  'findings.read': "read the monitoring mechanism's findings of the state",
  'aggregates.read':
    'aggregates, fair shares and parameters (also public without login); the solidarity cycle, its balances and scenarios',
  'solidarity.pledge':
    "the solidarity cycle for one's state (the EU coordinator: any state): pledges, deduction requests, payments",
  'solidarity.decide': 'record the decision on a deduction request (the Council act, AMMR Arts 61–62)',
  'relocation.manage':
    "relocation (AMMR Art. 67): a benefitting state's candidates and matching; confirming or reporting transfers to or from one's state",
  'users.manage':
    "accounts: add, disable, reset; API tokens of others; approve or refuse another administrator's request (creating, resetting or re-enabling an administrator)",
  'account-events.read':
    "account events of one's jurisdiction (added, changed, reset, enabled or disabled, tokens issued or revoked, approvals): who did what to which staff account",
  'setup.manage':
    "the set-up of one's state (an administrator of a member state, not of the Union): what is missing; loading its places",
  'person.search':
    "find persons of one's state by name, document number, Eurodac reference, date of birth or case id (each search is logged)",
  'case.amend':
    "correct a recorded fact (person, encounter, an action) with a reason; the old value is kept (the encounter also needs encounter.record, an action's field that action's permission)",
  'case.assign':
    'assign a case to oneself (or release it); an officer of the state with this permission can be assigned cases',
  'duplicates.decide': 'decide whether two files are the same person (link them) or different, and undo it',
  'attachments.write': 'add photos and scanned documents to a case',
  'case.assign-others':
    "assign a case to another officer of one's state, release or take over a case assigned to someone else",
  'case.guarantees':
    "the person's guarantees: vulnerability and special procedural needs, the family, an unaccompanied minor's representative, the age assessment",
  'settings.manage':
    "confirm the national values the Pact leaves to one's state (an EU administrator: any state): the appeal windows of APR Art. 67(7)",
  'national-measures.record':
    "record an activation or extension of a national emergency measure of one's state (Lithuania's 2023 State Border law, Poland's 2025 restriction): its area, dates and act",
  'responsibility.answer':
    "the take-charge requests and take-back notifications other member states sent to one's state (with the person as sent, AMMR Art. 52; each read is logged): accept or refuse with reasons (AMMR Art. 40), confirm (Art. 41(3))",
  'federation.manage':
    'the exchange with other installations: the messages sent and received (never their bodies), the peers and their keys, sending a dead message again',
  'backup.take':
    'a backup of the embedded database while the server runs (`pact backup`): the whole database, personal data included (each backup is audited)',
  // issue 22: admission
  'admission.manage':
    "admission programmes (Regulation (EU) 2024/1350): set one up with its pledging states, read its split, progress and deadlines; one's own state's admission files: referral, registration, eligibility, the decision with reasons, pre-departure steps, departure and arrival",
  'admission.union':
    "the Union's view of admission: each state's pledges against its admissions and arrivals (counts only, small ones hidden)",
};

export const can = (role: Role, permission: Permission): boolean => MATRIX[permission].includes(role);

/** A jurisdiction: a member state's ISO code, or EU. */
export type Jurisdiction = string;

export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly jurisdiction: Jurisdiction;
}

/**
 * May this principal touch personal data of `state`? Only inside its own member state; Union-level roles
 * never (they see aggregates only).
 */
export const inJurisdiction = (p: Principal, state: string): boolean =>
  !UNION_ROLES.includes(p.role) && p.jurisdiction !== 'EU' && p.jurisdiction === state;

/** A role's valid jurisdictions: Union roles the EU only, an administrator either, the others a state. */
export function jurisdictionFits(role: Role, jurisdiction: Jurisdiction): boolean {
  if (UNION_ROLES.includes(role)) return jurisdiction === 'EU';
  if (role === 'administrator') return true;
  return jurisdiction !== 'EU';
}

/** The permission a case command needs (exhaustive over the commands a user may give). */
export const COMMAND_PERMISSION: Readonly<Record<CommandType, Permission>> = {
  'screening.check-recorded': 'case.screening',
  'eurodac.transmitted': 'case.screening',
  'screening.completed': 'case.screening',
  'asylum-wish.expressed': 'case.screening',
  'entry.refused': 'case.screening',
  'application.registered': 'case.asylum',
  'application.routed': 'case.asylum',
  'application.lodged': 'case.asylum',
  'interview.recorded': 'case.asylum',
  'decision.issued': 'case.asylum',
  'appeal.lodged': 'case.asylum',
  'appeal.decided': 'case.asylum',
  'detention.ordered': 'case.detention',
  'detention.reviewed': 'case.detention',
  'detention.ended': 'case.detention',
  'return.decided': 'case.return',
  'return.voluntary-departure': 'case.return',
  'return.executed': 'case.return',
  'person.absconded': 'case.return',
  'case.closed': 'case.asylum',
  'identity.recorded': 'case.screening',
  // issue 17: the person's guarantees
  'vulnerability.assessed': 'case.guarantees',
  'family.recorded': 'case.guarantees',
  'representative.appointed': 'case.guarantees',
  'age.assessed': 'case.guarantees',
  'detention.judicial-review': 'case.detention',
  'interview.omitted': 'case.asylum',
  'counselling.requested': 'case.asylum',
  'counselling.given': 'case.asylum',
  'decision.notified': 'case.asylum',
  'remain.requested': 'case.asylum',
  'remain.decided': 'case.asylum',
  'application.withdrawn': 'case.asylum',
  'person.reappeared': 'case.return',
  'application.subsequent': 'case.asylum',
  'subsequent.examined': 'case.asylum',
  'biometrics.taken': 'case.screening',
  // issue 20: the member state responsible (AMMR Part III)
  'responsibility.criterion-recorded': 'case.asylum',
  'take-charge.requested': 'case.asylum',
  'take-back.notified': 'case.asylum',
  'transfer.decided': 'case.asylum',
  'transfer.appealed': 'case.asylum',
  'transfer.appeal-decided': 'case.asylum',
  'transfer.extended': 'case.asylum',
  'transfer.carried-out': 'case.return',
  // issue 22: assisted voluntary return and readmission (src/domain/returns/)
  'return.counselling': 'case.return',
  'return.support-granted': 'case.return',
  'return.voluntary-departure-extended': 'case.return',
  'return.departure-confirmed': 'case.return',
  'readmission.requested': 'case.return',
  'readmission.answered': 'case.return',
};
