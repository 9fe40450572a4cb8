// What the statistics and monitoring routes share: the calendar day of a report period, the longest period
// one request may ask for, which state an account reads (its own; a Union account names it), and the 400
// problems for a period or state that does not work.
import { z } from 'zod';
import type { MemberStateCode } from '../../law/member-states.ts';
import { STATE_TIME_ZONES } from '../law/calendar/time-zones.ts';
import type { ErrorParams } from '../law/errors.ts';
import { HttpProblem } from './problem.ts';

/** The longest period one request may ask for, in days (both ends counted). */
export const MAX_DAYS = 366;

/** A calendar date PostgreSQL can hold too (z.iso.date accepts year 0000). */
export const ReportDay = z.iso.date().refine((d) => d >= '1900-01-01', 'a date from 1900-01-01');

/** A 400 naming one field and the reason, with its stable code and parameters (docs/errors.md). */
export const invalidInput = (
  field: string,
  reason: string,
  code = 'invalid-input',
  params: ErrorParams = {},
) =>
  new HttpProblem(400, 'invalid-input', 'Invalid input', `${field}: ${reason}`, [
    { field, reason, code, params: { ...params } },
  ]);

/** The state an account reads and its time zone: its own; a Union account (EU) must name one. */
export function stateToRead(
  p: { jurisdiction: string },
  asked: string | undefined,
): { state: string; timeZone: string } {
  let state: string;
  if (p.jurisdiction === 'EU') {
    if (!asked)
      throw invalidInput(
        'querystring/state',
        'required for a Union account: the member state to read',
        'state-required',
      );
    state = asked;
  } else {
    // a state's account reads its own state only (as it records encounters in its own state only)
    if (asked && asked !== p.jurisdiction)
      throw new HttpProblem(
        403,
        'forbidden',
        'Forbidden',
        `you read the figures of ${p.jurisdiction} only`,
        [
          {
            field: 'querystring/state',
            reason: `must be ${p.jurisdiction}, your jurisdiction`,
            code: 'own-state-only',
          },
        ],
        { params: { reason: 'own-state-only' } },
      );
    state = p.jurisdiction;
  }
  const timeZone = STATE_TIME_ZONES[state as MemberStateCode] as string | undefined;
  if (!timeZone)
    throw invalidInput('querystring/state', `${state} is not a member state`, 'not-a-member-state', {
      state,
    });
  return { state, timeZone };
}

/** `to` not before `from`, and at most MAX_DAYS days from `from` to `to`, both counted. */
export function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1) throw invalidInput('querystring/to', 'is before from', 'before-from');
  if (days > MAX_DAYS)
    throw invalidInput(
      'querystring/to',
      `at most ${MAX_DAYS} days from from (both counted)`,
      'period-too-long',
      {
        maxDays: MAX_DAYS,
      },
    );
}
