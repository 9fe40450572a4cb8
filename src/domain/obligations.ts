// An obligation's due time, computed with the law in force on the event's local date (shared by the user's
// commands in decide.ts and the system's steps in system-steps.ts). Pure.
import { DateTime } from 'luxon';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import { computeDeadline } from '../law/deadlines.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import type { CaseState, Obligation, ObligationKind } from './case-state.ts';
import type { DecideContext } from './decide.ts';

/**
 * Computes an obligation's due time with the law in force on the event's local date. Memoised per law
 * registry: the persons of one encounter share their screening and Eurodac deadlines (the bulk import
 * computes each once per encounter, not once per person).
 */
const memo = new WeakMap<ParameterRegistry, Map<string, Obligation>>();
export function obligation(
  ctx: DecideContext,
  c: Pick<CaseState, 'state' | 'crisis'>,
  kind: ObligationKind,
  deadline: string,
  from: string,
  crisis = true,
  madeAt?: string,
): Obligation {
  const crisisKind = crisis && appliesTo(c, madeAt) ? c.crisis?.kind : undefined;
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

/**
 * CFMR Art. 10(1): the registration derogation covers applications MADE during the crisis period. A case
 * carries the declaration that covered the person's arrival; an application made after its last day (in the
 * state's calendar) is registered within the ordinary period.
 */
function appliesTo(c: Pick<CaseState, 'state' | 'crisis'>, madeAt: string | undefined): boolean {
  if (!madeAt || !c.crisis?.startsOn || !c.crisis.endsOn) return true;
  const day = DateTime.fromISO(madeAt).setZone(STATE_TIME_ZONES[c.state]).toISODate() ?? '';
  return c.crisis.startsOn <= day && day <= c.crisis.endsOn;
}
