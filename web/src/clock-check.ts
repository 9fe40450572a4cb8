// Issue 19: the tablet's clock against the server's. The time of an encounter is taken from the tablet's
// clock when Record is pressed, and the deadlines count from it; a tablet whose clock is wrong records wrong
// times, and the server can refuse only those in its future. Every answer of the API carries the server's
// clock (`x-pact-server-time`, src/api/server.ts); the page keeps the last difference it measured and the
// desk warns its guard when it is more than the tolerance the server allows (ENTRY_RULES.futureToleranceMinutes).
import { ENTRY_RULES } from '../../src/domain/entry-rules.ts';

/** The difference the desk warns about: more than the server's own tolerance for a time in its future. */
export const CLOCK_TOLERANCE_MS = ENTRY_RULES.futureToleranceMinutes * 60_000;

/** server clock − device clock in milliseconds, as last measured (undefined: not measured yet). */
let offset: number | undefined;
/** Told after every measure ('change'): use-clock-off.ts follows it. */
export const clockChanges = new EventTarget();

/**
 * Takes the server's time from an answer's headers, compared with the device's clock when the answer came
 * (the answer's travel makes it a little late: seconds, well under the tolerance).
 */
export function noteServerTime(headers: Headers, deviceNow: number = Date.now()): void {
  const at = Date.parse(headers.get('x-pact-server-time') ?? '');
  if (Number.isNaN(at)) return;
  offset = at - deviceNow;
  clockChanges.dispatchEvent(new Event('change'));
}

/** The last difference measured (server − device, ms). */
export const measuredOffset = (): number | undefined => offset;

/** Whole minutes by which the device's clock is behind (> 0) or ahead (< 0) of the server's, when over the tolerance. */
export function clockOffMinutes(measured: number | undefined): number | undefined {
  if (measured === undefined || Math.abs(measured) <= CLOCK_TOLERANCE_MS) return undefined;
  return Math.round(measured / 60_000);
}
