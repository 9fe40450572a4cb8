// What the decision document says about the remedy that only the law registry knows (APR Arts 67(7)–(8)):
// the state's time limit for the appeal and, once the notification's time is known, the window's end. The
// edge (src/store/documents.ts) computes these with the registry in force (the confirmed national settings
// included) and passes them to the pure fill as `extra` strings; tests call it with their registry.
import { DateTime } from 'luxon';
import { stateCalendar } from '../../../law/calendar/state-calendar.ts';
import type { ParameterRegistry } from '../../../law/parameters.ts';
import type { CaseState } from '../../case-state.ts';
import { appealWindow, appealWindowParameter, computeDeadlineForPeriod } from '../../guarantees/remedies.ts';

/**
 * `appealWindow` (fast-track | other: APR Art. 67(7)(a) or (b)), `appealAmount` and `appealUnit` where the
 * state's value is in force on the day of `from`, and `appealEndsAt` (the first moment after the window,
 * Regulation 1182/71 in the state's calendar) where the notification's time `notifiedAt` is known. Nothing for
 * a positive decision or a case without one.
 */
export function remedyExtras(
  c: CaseState,
  law: ParameterRegistry,
  from: string,
  notifiedAt?: string,
): Record<string, string> {
  if (!c.decision) return {};
  const window = appealWindow(c, c.decision.type);
  if (!window) return {};
  const name = appealWindowParameter(c.state, window);
  const at = notifiedAt ?? from;
  const day = DateTime.fromISO(at, { setZone: true }).setZone(stateCalendar(c.state).zone).toISODate() ?? '';
  const out: Record<string, string> = { appealWindow: window };
  if (law.find(name) === undefined) return out;
  try {
    const period = law.periodAt(name, day);
    out.appealAmount = String(period.amount);
    out.appealUnit = period.unit;
  } catch {
    // not in force on that day: the window is not guessed (remedies.ts does the same)
    return out;
  }
  if (notifiedAt) out.appealEndsAt = computeDeadlineForPeriod({ law }, c, name, notifiedAt).dueAt;
  return out;
}
