// An obligation's due time, computed with the law in force on the event's local date (shared by the user's
// commands in decide.ts and the system's steps in system-steps.ts). Pure.
import { DateTime } from 'luxon';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import type { CrisisKind } from '../law/deadlines.ts';
import { computeDeadline } from '../law/deadlines.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import type { ApplicationCrisis, CaseCrisis, CaseState, Obligation, ObligationKind } from './case-state.ts';
import type { DecideContext } from './decide.ts';

/**
 * Computes an obligation's due time with the law in force on the event's local date. Memoised per law
 * registry: the persons of one encounter share their screening and Eurodac deadlines (the bulk import
 * computes each once per encounter, not once per person).
 */
const memo = new WeakMap<ParameterRegistry, Map<string, Obligation>>();
export function obligation(
  ctx: DecideContext,
  c: CrisisFacts,
  kind: ObligationKind,
  deadline: string,
  from: string,
  crisis = true,
  madeAt?: string,
): Obligation {
  const crisisKind = crisis ? derogationKind(c, deadline, madeAt) : undefined;
  let cache = memo.get(ctx.law);
  if (!cache) {
    cache = new Map();
    memo.set(ctx.law, cache);
  }
  const key = `${kind}|${deadline}|${c.state}|${from}|${crisisKind ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const d = computeDeadline(ctx.law, deadline, c.state, DateTime.fromISO(from), crisisKind);
  const o: Obligation = {
    kind,
    dueAt: d.end.endsAt.toISO({ suppressMilliseconds: true }) ?? '',
    article: d.parameters.map((p) => p.citation).join('; '),
  };
  if (cache.size > 50_000) cache.clear();
  cache.set(key, o);
  return o;
}

/** What obligation() reads of a case to know the crisis its application was made in. */
export type CrisisFacts = Pick<CaseState, 'state' | 'crisis'> &
  Partial<Pick<CaseState, 'applicationCrisis' | 'asylumWishAt'>>;

/** The local day of an instant in the state's calendar. */
const localDay = (c: Pick<CaseState, 'state'>, at: string) =>
  DateTime.fromISO(at).setZone(STATE_TIME_ZONES[c.state]).toISODate() ?? '';

const within = (k: CaseCrisis, day: string, last = k.endsOn) =>
  (!k.startsOn || k.startsOn <= day) && (!last || day <= last);

/**
 * CFMR Arts 10(1) and 11(1): the derogations cover applications MADE within the period the derogation is
 * applied, not persons who only arrived then. The crisis is the one the store found in force when the wish
 * was expressed (`applicationCrisis`); a case recorded before issue 17 has only its arrival's declaration,
 * which counts when the application was made (`madeAt`, else the wish) within its period.
 */
export function applicationCrisisOf(c: CrisisFacts, madeAt?: string): ApplicationCrisis | undefined {
  if (c.applicationCrisis) return c.applicationCrisis;
  const made = madeAt ?? c.asylumWishAt;
  if (!c.crisis || !made) return undefined;
  return within(c.crisis, localDay(c, made)) ? { ...c.crisis, madeAt: made } : undefined;
}

/**
 * The crisis kind whose derogation applies to this deadline of the case, if any. CFMR Art. 10(4): in a crisis
 * of mass arrivals (Art. 1(4)(a)) the registration derogation applies only during the initial Council
 * implementing decision's period, not during its extensions — for applications made in that period.
 */
function derogationKind(c: CrisisFacts, deadline: string, madeAt?: string): CrisisKind | undefined {
  const k = applicationCrisisOf(c, madeAt);
  if (!k) return undefined;
  if (deadline === 'registration' && k.kind === 'mass-arrivals' && k.initialEndsOn)
    return within(k, localDay(c, k.madeAt), k.initialEndsOn) ? k.kind : undefined;
  return k.kind;
}
