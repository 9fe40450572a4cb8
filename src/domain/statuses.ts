// What may happen next to a case: one table, status → allowed actions, narrowed by flags. It is documented
// in docs/ACTIONS.md (generated from this file) and tested exhaustively.

export const STATUSES = [
  'in-screening',
  'refused-entry',
  'encountered',
  'asylum-requested',
  'registered',
  'lodged',
  'decided-protection',
  'decided-rejection',
  'appealed',
  'in-return',
  'absconded',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];

export const ACTION_TYPES = [
  'encounter.recorded',
  'screening.check-recorded',
  'eurodac.transmitted',
  'screening.completed',
  'asylum-wish.expressed',
  'entry.refused',
  'application.registered',
  'application.routed',
  'application.lodged',
  'interview.recorded',
  'decision.issued',
  'appeal.lodged',
  'appeal.decided',
  'detention.ordered',
  'detention.reviewed',
  'detention.ended',
  'return.decided',
  'return.voluntary-departure',
  'return.executed',
  'person.absconded',
  'case.closed',
  'obligation.missed',
  'relocation.confirmed',
  'case.relocated',
  'person.amended',
  'encounter.amended',
  'action.amended',
  // issue 16: identity
  'identity.recorded',
  // issue 16: duplicates — two files of one person linked (one is the main file), and the link undone
  'case.linked',
  'case.unlinked',
  // issue 17: the person's guarantees (src/domain/guarantees/)
  'vulnerability.assessed',
  'family.recorded',
  'representative.appointed',
  'age.assessed',
  'detention.judicial-review',
  'interview.omitted',
  'counselling.requested',
  'counselling.given',
  'decision.notified',
  'remain.requested',
  'remain.decided',
  'application.withdrawn',
  'person.reappeared',
  'application.subsequent',
  'subsequent.examined',
  'biometrics.taken',
  // issue 18: papers — a document issued to the person, and how it reached them (src/domain/documents/)
  'document.issued',
  'document.notified',
  // issue 20: the member state responsible (src/domain/responsibility/; AMMR Part III) — a user's commands
  'responsibility.criterion-recorded',
  'take-charge.requested',
  'take-back.notified',
  'transfer.decided',
  'transfer.appealed',
  'transfer.appeal-decided',
  'transfer.extended',
  'transfer.carried-out',
  // … and what the system records: the other state's receipt and answer, silence, a time limit lapsed
  'responsibility.request-received',
  'take-charge.answered',
  'take-charge.accepted-by-silence',
  'take-back.confirmed',
  'responsibility.assumed',
  // issue 22: assisted voluntary return and readmission (src/domain/returns/)
  'return.counselling',
  'return.support-granted',
  'return.voluntary-departure-extended',
  'return.departure-confirmed',
  'return.voluntary-departure-lapsed',
  'readmission.requested',
  'readmission.answered',
  // issue 22: admission — the status Regulation (EU) 2024/1350 gives a person admitted, on arrival
  'admission.arrived',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Actions the system records (an encounter's start, a deadline passed, a relocation's steps), never a user. */
export const SYSTEM_ACTIONS = [
  'encounter.recorded',
  'obligation.missed',
  'relocation.confirmed',
  'case.relocated',
  'case.linked',
  'case.unlinked',
  // issue 20: the member state responsible (src/domain/responsibility/steps.ts)
  'responsibility.request-received',
  'take-charge.answered',
  'take-charge.accepted-by-silence',
  'take-back.confirmed',
  'responsibility.assumed',
  // issue 22: the period for voluntary departure ended without a confirmed departure (the sweep)
  'return.voluntary-departure-lapsed',
  // issue 22: admission (src/domain/admission/arrival-case.ts)
  'admission.arrived',
] as const satisfies readonly ActionType[];

/**
 * Corrections of a recorded fact (src/domain/amend.ts): a user's, with a reason, in any status — outside the
 * status → allowed-actions table, as they change no status.
 */
export const AMENDMENT_ACTIONS = [
  'person.amended',
  'encounter.amended',
  'action.amended',
] as const satisfies readonly ActionType[];

/**
 * Papers (issue 18): recorded by the documents service when a user issues a document (its PDF made, its hash
 * taken) or records how it reached the person — outside the table: which document a case can have is
 * src/domain/documents/ (each kind's `unavailable`), and they change no status.
 */
export const DOCUMENT_ACTIONS = [
  'document.issued',
  'document.notified',
] as const satisfies readonly ActionType[];

/** Actions a user may command through the table (the others are recorded by the system, or corrections). */
export type CommandType = Exclude<
  ActionType,
  (typeof SYSTEM_ACTIONS)[number] | (typeof AMENDMENT_ACTIONS)[number] | (typeof DOCUMENT_ACTIONS)[number]
>;

export const FLAGS = [
  'asylum-wish-not-registered',
  'screening-overdue',
  'registration-overdue',
  'border-procedure',
  'vulnerable',
  'minor',
  'unaccompanied',
  'instrumentalised',
  'detained',
  'detention-irregular-entry-only',
  // issue 17: remedies — the state's appeal window (APR Art. 67(7)) is not confirmed: no deadline is guessed
  'appeal-window-unknown',
] as const;
export type Flag = (typeof FLAGS)[number];

const DETENTION: CommandType[] = [
  'detention.ordered',
  'detention.reviewed',
  'detention.judicial-review',
  'detention.ended',
];
/**
 * The guarantees that attach to the person while the case is open (issue 17): the vulnerability and special
 * needs assessment (Screening Regulation Art. 12; APR Arts 20–21), the family (APR; AMMR), an unaccompanied
 * minor's representative (APR Art. 23) and the age assessment (APR Art. 25).
 */
const GUARANTEES: CommandType[] = [
  'vulnerability.assessed',
  'family.recorded',
  'representative.appointed',
  'age.assessed',
];
/** Legal counselling may be asked for and given at every stage of the procedure (APR Arts 15–19). */
const COUNSELLING: CommandType[] = ['counselling.requested', 'counselling.given'];
/** Who the person is may be learnt at any step while the case is open (Screening Regulation Art. 14). */
const IDENTITY: CommandType = 'identity.recorded';
const OPEN: CommandType[] = [...DETENTION, ...GUARANTEES, 'person.absconded'];
/**
 * issue 20: the member state responsible, determined on a registered application (AMMR Art. 38–39): its
 * criteria, the take-charge request or take-back notification, and the transfer (Arts 42–46). Which step the
 * case allows is narrowed by the module's conditions (src/domain/responsibility/module.ts).
 */
const RESPONSIBILITY: CommandType[] = [
  'responsibility.criterion-recorded',
  'take-charge.requested',
  'take-back.notified',
  'transfer.decided',
  'transfer.appealed',
  'transfer.appeal-decided',
  'transfer.extended',
  'transfer.carried-out',
];

/**
 * issue 22: assisted voluntary return (RD Arts 7–8) and readmission to a third country: counselling and
 * support, the period extended (Art. 7(2)), the departure confirmed at a border crossing point, the
 * readmission request and its answer. Which step the case allows is narrowed by src/domain/returns/module.ts.
 */
const RETURNS: CommandType[] = [
  'return.counselling',
  'return.support-granted',
  'return.voluntary-departure-extended',
  'return.departure-confirmed',
  'readmission.requested',
  'readmission.answered',
  // a person referred to return by the screening (Screening Regulation Art. 18) is issued the return
  // decision in return (RD Art. 6(1)); src/domain/returns/module.ts refuses a second one there
  'return.decided',
];

/** status → actions allowed in it (before flags narrow them). */
export const ALLOWED: Readonly<Record<Status, readonly CommandType[]>> = {
  'in-screening': [
    'screening.check-recorded',
    'eurodac.transmitted',
    'biometrics.taken',
    'asylum-wish.expressed',
    'screening.completed',
    'entry.refused',
    IDENTITY,
    ...OPEN,
  ],
  'refused-entry': ['asylum-wish.expressed', 'application.registered', IDENTITY, ...GUARANTEES],
  encountered: [
    'asylum-wish.expressed',
    'case.closed',
    IDENTITY,
    ...GUARANTEES,
    // issue 20: a person staying irregularly whom another state must take back (AMMR Arts 36(1)(b)–(c), 41)
    'take-back.notified',
  ],
  'asylum-requested': [
    'application.registered',
    'eurodac.transmitted',
    'biometrics.taken',
    'application.withdrawn',
    IDENTITY,
    ...COUNSELLING,
    ...OPEN,
    // issue 20: a take-back notification on a Eurodac hit (AMMR Art. 41(1))
    'take-back.notified',
  ],
  registered: [
    'application.routed',
    'application.lodged',
    'eurodac.transmitted',
    'biometrics.taken',
    'application.withdrawn',
    IDENTITY,
    ...COUNSELLING,
    ...OPEN,
    ...RESPONSIBILITY,
  ],
  lodged: [
    'application.routed',
    'interview.recorded',
    'interview.omitted',
    'decision.issued',
    'application.withdrawn',
    IDENTITY,
    ...COUNSELLING,
    ...OPEN,
    ...RESPONSIBILITY,
  ],
  'decided-protection': ['decision.notified', 'case.closed', 'detention.ended', IDENTITY],
  'decided-rejection': [
    'decision.notified',
    'appeal.lodged',
    'remain.requested',
    'remain.decided',
    'return.decided',
    'application.subsequent',
    'subsequent.examined',
    IDENTITY,
    ...COUNSELLING,
    ...OPEN,
  ],
  appealed: [
    'appeal.decided',
    'remain.requested',
    'remain.decided',
    'application.withdrawn',
    IDENTITY,
    ...COUNSELLING,
    ...OPEN,
  ],
  // APR Art. 37: the return decision may come with the rejection — its notification and the appeal lodged in
  // time are still recorded (APR Arts 67(8), 68)
  'in-return': [
    'decision.notified',
    'appeal.lodged',
    'asylum-wish.expressed',
    'application.subsequent',
    'subsequent.examined',
    'remain.requested',
    'remain.decided',
    'return.voluntary-departure',
    'return.executed',
    IDENTITY,
    ...OPEN,
    // issue 22: assisted voluntary return and readmission (src/domain/returns/module.ts narrows them)
    ...RETURNS,
  ],
  // absconding is not a final state: the person may be found again (the case goes on where it stood)
  absconded: ['person.reappeared'],
  closed: [],
};

/** Flags that narrow the table: an action is removed when the case has (or lacks) a flag. */
export const NARROWING: readonly {
  readonly action: CommandType;
  readonly unless?: Flag;
  readonly onlyIf?: Flag;
  readonly why: string;
}[] = [
  { action: 'detention.ordered', unless: 'detained', why: 'the person is already detained' },
  { action: 'detention.reviewed', onlyIf: 'detained', why: 'the person is not detained' },
  { action: 'detention.ended', onlyIf: 'detained', why: 'the person is not detained' },
  { action: 'detention.judicial-review', onlyIf: 'detained', why: 'the person is not detained' },
];

/** The actions allowed for a case with this status and these flags, in table order. */
export function allowedActions(status: Status, flags: ReadonlySet<Flag> | readonly Flag[]): CommandType[] {
  const has = new Set(flags);
  return ALLOWED[status].filter((a) =>
    NARROWING.every(
      (n) =>
        n.action !== a ||
        ((n.unless === undefined || !has.has(n.unless)) && (n.onlyIf === undefined || has.has(n.onlyIf))),
    ),
  );
}
