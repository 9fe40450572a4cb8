// Guarantees module: border-crisis (see types.ts for what a module may hold) — the border procedure's grounds
// (APR Art. 44(1)), the crisis derogations for applications MADE in a crisis (CFMR Arts 10(1), 10(4), 11(1)),
// the return border procedure's crisis extension (RBPR Art. 6) and the Eurodac period of an applicant whose
// biometric data are taken when the application is made at a border crossing point (Eurodac Art. 15(1)(b)).
// The routing rules themselves are in decide.ts (checkRouting), the crisis a deadline uses in obligations.ts.
import type { ApplicationCrisis, CaseState } from '../case-state.ts';
import { youngestAge } from '../identity-rules.ts';
import { applicationCrisisOf, obligation } from '../obligations.ts';
import type { Guarantee, GuaranteeModule, Handler } from './types.ts';

/**
 * Eurodac Regulation (EU) 2024/1358, Art. 15(1): an applicant's biometric data are taken (a) upon registration
 * and transmitted no later than 72 hours from that registration, or (b) upon the making of an application at
 * an external border crossing point or in a transit zone by a person who does not fulfil the entry
 * conditions, and transmitted no later than 72 hours after the biometric data have been taken. Point (b) is
 * the case of a case begun as an application at a crossing point and not yet registered: the period opens
 * (or is recomputed) from the taking. In case (a) the period stays counted from registration (decide.ts), as
 * the text says; the time of taking is recorded.
 */
const biometricsTaken: Handler = (c, command, ctx) => {
  if (command.type !== 'biometrics.taken') return undefined;
  const day = command.at.slice(0, 10);
  const minimum = ctx.law.numberAt('eurodac.minimum-age', day, 'years-of-age');
  const age = youngestAge(c.person, day);
  if (age !== undefined && age < minimum) return undefined;
  const atCrossingPoint =
    c.encounterKind === 'application-at-crossing-point' && c.asylumWishAt !== undefined && !c.registeredAt;
  if (!atCrossingPoint || c.biometricsTakenAt) return undefined;
  return {
    closes: ['eurodac'],
    opens: [obligation(ctx, c, 'eurodac', 'eurodac-applicant', command.at, false)],
  };
};

/** APR Art. 44(1); CFMR Art. 11(6): the ground on which a case is in the border procedure. */
function borderGround(c: CaseState): Guarantee | undefined {
  if (c.procedure !== 'border' || !c.borderRouting) return undefined;
  const grounds = c.borderRouting.grounds.filter((g) => g !== 'none');
  const derogations = c.borderRouting.crisisDerogations;
  return {
    key: 'border-procedure-ground',
    article: derogations.includes('cfmr-11-6') && grounds.length === 0 ? 'CFMR Art. 11(6)' : 'APR Art. 44(1)',
    status: 'done',
    params: {
      grounds: grounds.join(', ') || 'cfmr-11-6',
      derogations: derogations.join(', '),
    },
  };
}

/** CFMR Arts 10(1), 11(1): whether the application was made during a crisis (not only the arrival). */
function madeDuringCrisis(c: CaseState): Guarantee | undefined {
  if (!c.asylumWishAt || (!c.crisis && !c.applicationCrisis)) return undefined;
  const k: ApplicationCrisis | undefined = applicationCrisisOf(c);
  // two keys, so that each language words "yes" and "no" itself
  return {
    key: k ? 'crisis-application-made' : 'crisis-application-not-made',
    article: 'CFMR Arts 10(1), 11(1)',
    status: 'done',
    at: c.asylumWishAt,
    params: {
      crisisKind: (k ?? c.crisis)?.kind ?? '',
      initialPeriodEnds: k?.initialEndsOn ?? k?.endsOn ?? '',
    },
  };
}

const module: GuaranteeModule = {
  name: 'border-crisis',
  handlers: { 'biometrics.taken': biometricsTaken },
  evolvers: {
    // CFMR Art. 10(1): the declaration in force when the application was made, looked up by the store
    'asylum-wish.expressed': (s, action) => {
      const k = action.payload.applicationCrisis as ApplicationCrisis | undefined;
      return k && !s.applicationCrisis ? { ...s, applicationCrisis: k } : s;
    },
    'biometrics.taken': (s, action) => (s.biometricsTakenAt ? s : { ...s, biometricsTakenAt: action.at }),
    'application.routed': (s, action) => {
      const p = action.payload as {
        procedure?: string;
        grounds?: string[];
        crisisDerogations?: string[];
        rateException?: string;
      };
      if (p.procedure !== 'border') {
        const { borderRouting: _dropped, ...rest } = s;
        return rest;
      }
      return {
        ...s,
        borderRouting: {
          grounds: p.grounds ?? [],
          crisisDerogations: p.crisisDerogations ?? [],
          ...(p.rateException ? { rateException: p.rateException } : {}),
        },
      };
    },
  },
  guarantees: [(c) => borderGround(c), (c) => madeDuringCrisis(c)],
};

export default module;
