// How one logged action changes a case's state. Pure and total over the log: replaying a case's actions
// from `encounter.recorded` gives the stored current state (tested). The law is not consulted here — the
// obligations an action opened were computed when it was decided and travel in its payload.
import type { CrisisKind } from '../law/deadlines.ts';
import type { CaseAdmission } from './admission/arrival-case.ts';
import { applyAmendment } from './amend-evolve.ts';
import { refusalOf } from './border-record.ts';
import type {
  Action,
  ApplicationCrisis,
  CaseCrisis,
  CaseState,
  Obligation,
  ObligationKind,
} from './case-state.ts';
import type { EncounterKind, Person } from './commands.ts';
import { evolveModules } from './guarantees/index.ts';
import { ACTION_TYPES, AMENDMENT_ACTIONS, type Flag, type Status } from './statuses.ts';

const AMENDMENTS: ReadonlySet<string> = new Set(AMENDMENT_ACTIONS);

export interface Effects {
  readonly opens?: readonly Obligation[];
  readonly closes?: readonly ObligationKind[];
}

export interface EncounterRecordedPayload extends Effects {
  readonly caseId: string;
  readonly encounterId: string;
  readonly encounterKind: EncounterKind;
  readonly occurredAt: string;
  readonly borderSection?: string;
  readonly crisis?: CaseCrisis;
  /** issue 17 (border-crisis): the declaration in force when the application was made at the encounter */
  readonly applicationCrisis?: ApplicationCrisis;
  /** issue 18: the refusal of entry's reasons for the group (kind entry-prevented-refused: refusal.ts) */
  readonly refusal?: Readonly<Record<string, unknown>>;
  readonly person: Person;
  readonly status: Status;
}

const withFlags = (
  flags: readonly Flag[],
  add: readonly Flag[] = [],
  remove: readonly Flag[] = [],
): Flag[] => {
  const set = new Set(flags);
  for (const f of remove) set.delete(f);
  for (const f of add) set.add(f);
  return [...set].sort();
};

function applyEffects(open: readonly ObligationKind[], p: Effects): ObligationKind[] {
  const set = new Set(open);
  for (const k of p.closes ?? []) set.delete(k);
  for (const o of p.opens ?? []) set.add(o.kind);
  return [...set].sort();
}

export function initialFlags(person: Person, crisis?: { kind: CrisisKind }): Flag[] {
  const flags: Flag[] = [];
  if (person.minor) flags.push('minor');
  if (person.unaccompanied) flags.push('unaccompanied');
  if (person.vulnerabilities.length > 0) flags.push('vulnerable');
  if (crisis?.kind === 'instrumentalisation') flags.push('instrumentalised');
  return flags.sort();
}

/** CJEU C-72/22 PPU: an applicant may not be detained solely because of irregular entry or stay. */
function detentionFlags(grounds: readonly string[], asylumWishAt?: string): Flag[] {
  const onlyIrregular = grounds.length === 1 && grounds[0] === 'irregular-entry';
  return onlyIrregular && asylumWishAt ? ['detained', 'detention-irregular-entry-only'] : ['detained'];
}

/** Applies one action: the core's change (below), then the guarantees modules' (src/domain/guarantees/). */
export function evolve(state: CaseState | undefined, action: Action): CaseState {
  const next = evolveCore(state, action);
  return state ? evolveModules(next, action, state) : next;
}

/** The actions of issue 17 whose change the guarantees modules make alone. */
const MODULE_ACTIONS: ReadonlySet<string> = new Set(
  ACTION_TYPES.slice(ACTION_TYPES.indexOf('vulnerability.assessed')),
);

function evolveCore(state: CaseState | undefined, action: Action): CaseState {
  const p = action.payload as Record<string, unknown> & Effects;
  if (action.type === 'encounter.recorded') {
    const e = p as unknown as EncounterRecordedPayload;
    const flags = withFlags(initialFlags(e.person, e.crisis), (p.flags as Flag[] | undefined) ?? []);
    return {
      id: e.caseId,
      state: action.state,
      encounterId: e.encounterId,
      encounterKind: e.encounterKind,
      occurredAt: e.occurredAt,
      ...(e.borderSection ? { borderSection: e.borderSection } : {}),
      ...(e.crisis ? { crisis: e.crisis } : {}),
      ...(e.applicationCrisis ? { applicationCrisis: e.applicationCrisis } : {}),
      // issue 18: the encounter's refusal, with its form's reasons (src/domain/border-record.ts)
      ...(e.refusal ? { refusal: refusalOf(e.occurredAt, 1, e.refusal) } : {}),
      status: e.status,
      flags,
      version: 1,
      lastActionAt: action.at,
      person: e.person,
      ...(e.person.asylumWish ? { asylumWishAt: e.person.asylumWish.at } : {}),
      open: applyEffects([], e),
    };
  }
  if (!state) throw new Error(`the log of a case must start with encounter.recorded, not ${action.type}`);
  const s: CaseState = {
    ...state,
    version: state.version + 1,
    // the latest stated time of the log (system steps such as relocation carry their own times)
    // a correction is dated when it is made, but states no time of the case: later entries may still be
    // dated before it (entry-rules.ts)
    lastActionAt:
      AMENDMENTS.has(action.type) ||
      (state.lastActionAt && Date.parse(state.lastActionAt) > Date.parse(action.at))
        ? state.lastActionAt
        : action.at,
    open: applyEffects(state.open, p),
  };
  switch (action.type) {
    case 'screening.check-recorded':
      return s;
    case 'eurodac.transmitted':
      return s;
    case 'screening.completed': {
      const outcome = p.outcome as string;
      return {
        ...s,
        screeningEndedAt: action.at,
        status: outcome === 'return' ? 'in-return' : 'asylum-requested',
        flags: withFlags(s.flags, [], ['screening-overdue']),
      };
    }
    case 'asylum-wish.expressed': {
      const refused = s.status === 'refused-entry';
      const wishAt = s.asylumWishAt ?? action.at;
      const add: Flag[] = refused ? ['asylum-wish-not-registered'] : [];
      if (s.detention) add.push(...detentionFlags(s.detention.grounds, wishAt));
      return {
        ...s,
        asylumWishAt: wishAt,
        status: s.status === 'in-return' || s.status === 'encountered' ? 'asylum-requested' : s.status,
        flags: withFlags(s.flags, add),
      };
    }
    case 'entry.refused':
      return {
        ...s,
        status: 'refused-entry',
        screeningEndedAt: s.screeningEndedAt ?? action.at,
        flags: s.asylumWishAt ? withFlags(s.flags, ['asylum-wish-not-registered']) : s.flags,
      };
    case 'application.registered':
      return {
        ...s,
        status: 'registered',
        registeredAt: action.at,
        flags: withFlags(s.flags, [], ['asylum-wish-not-registered', 'registration-overdue']),
      };
    case 'application.routed': {
      const procedure = p.procedure as 'border' | 'accelerated' | 'regular';
      return {
        ...s,
        procedure,
        flags:
          procedure === 'border'
            ? withFlags(s.flags, ['border-procedure'])
            : withFlags(s.flags, [], ['border-procedure']),
      };
    }
    case 'application.lodged':
      return { ...s, status: 'lodged', lodgedAt: action.at };
    case 'interview.recorded':
      return s;
    case 'decision.issued': {
      const d = p.decision as string;
      const positive = d === 'refugee-status' || d === 'subsidiary-protection';
      return {
        ...s,
        status: positive ? 'decided-protection' : 'decided-rejection',
        decision: {
          type: d,
          at: action.at,
          seq: s.version,
          ...(typeof p.reasons === 'string' ? { reasons: p.reasons } : {}),
        },
      };
    }
    case 'appeal.lodged':
      return { ...s, status: 'appealed' };
    case 'appeal.decided':
      return {
        ...s,
        status: p.outcome === 'protection-granted' ? 'decided-protection' : 'decided-rejection',
      };
    case 'detention.ordered': {
      const grounds = [...new Set(p.grounds as string[])];
      return {
        ...s,
        detention: { grounds, since: action.at },
        flags: withFlags(s.flags, detentionFlags(grounds, s.asylumWishAt)),
      };
    }
    case 'detention.reviewed':
      return s;
    case 'detention.ended': {
      const { detention: _ended, ...rest } = s;
      return { ...rest, flags: withFlags(s.flags, [], ['detained', 'detention-irregular-entry-only']) };
    }
    case 'return.decided':
      return {
        ...s,
        status: 'in-return',
        returnDecision: {
          at: action.at,
          borderProcedure: p.borderProcedure === true,
          seq: s.version,
          ...(typeof p.reasons === 'string' ? { reasons: p.reasons } : {}),
        },
      };
    case 'return.voluntary-departure':
      return s.returnDecision
        ? {
            ...s,
            returnDecision: {
              ...s.returnDecision,
              voluntaryDeparture: { days: Number(p.days), at: action.at },
            },
          }
        : s;
    case 'return.executed':
      return { ...s, status: 'closed' };
    case 'person.absconded':
      return { ...s, status: 'absconded' };
    case 'case.closed':
      return { ...s, status: 'closed' };
    case 'obligation.missed': {
      const kind = p.kind as ObligationKind;
      const add: Flag[] =
        kind === 'screening'
          ? ['screening-overdue']
          : kind === 'registration'
            ? ['registration-overdue', 'asylum-wish-not-registered']
            : [];
      return { ...s, flags: withFlags(s.flags, add) };
    }
    case 'identity.recorded': {
      // the person with what the screening learnt (decide computed it: identity-record.ts)
      const person = p.person as Person;
      return { ...s, person, flags: person.minor ? withFlags(s.flags, ['minor']) : s.flags };
    }
    case 'relocation.confirmed':
      return s;
    case 'person.amended':
    case 'encounter.amended':
    case 'action.amended':
      return applyAmendment(s, action.type, p);
    // a link between two files of one person (issue 16) changes neither file's procedure
    case 'case.linked':
    case 'case.unlinked':
      return s;
    // issue 22: admission — the status Regulation (EU) 2024/1350 gives on arrival (admission/arrival-case.ts)
    case 'admission.arrived': {
      const admission = p.admission as CaseAdmission;
      const status = p.status as Status;
      return { ...s, status, admission, ...(status === 'lodged' ? { lodgedAt: action.at } : {}) };
    }
    case 'case.relocated':
      // the person was transferred: the state of relocation holds the case from now on (AMMR Art. 68)
      return { ...s, state: p.to as CaseState['state'] };
    default:
      if (MODULE_ACTIONS.has(action.type)) return s;
      throw new Error(`unknown action type in a case log: ${action.type}`);
  }
}
