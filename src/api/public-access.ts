// What the public statistics routes (/api/public/aggregates, /decisions, /detentions) share: the state and
// the days a request may ask for (the public: whole, ended periods), and who sees small cells. The routes need no login; a request that carries
// a valid session or API token of an account that may read the state's aggregates (the permission and the
// state check of GET /api/stats/daily: `aggregates.read` and `stateToRead`) gets the figures unsuppressed,
// as the staff's dashboard shows them; anyone else gets small cells hidden.
import type { FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { MemberStateCode } from '../../law/member-states.ts';
import { MemberState } from '../domain/commands.ts';
import { can } from '../domain/roles.ts';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import { GRANULARITIES, type Granularity } from '../store/aggregates.ts';
import { principalOf } from './auth.ts';
import { HttpProblem } from './problem.ts';
import { invalidInput, ReportDay, stateToRead } from './report-period.ts';
import type { ApiDeps } from './server.ts';

/** The longest period one request may ask for: `to` before the same day five years after `from`. */
export const MAX_YEARS = 5;

/** The query fields every public statistics route takes. */
export const PublicPeriodQuery = {
  state: MemberState.describe('the member state (ISO code, e.g. LT)'),
  from: ReportDay.describe(
    'first day (YYYY-MM-DD, in the time zone of the state), counted; for the public the first day of a period of the granularity',
  ),
  to: ReportDay.describe(
    `last day (YYYY-MM-DD), counted; less than ${MAX_YEARS} years after from; for the public the last day of a period of the granularity that has ended`,
  ),
  granularity: z.enum(GRANULARITIES).default('month').describe('period of each row (week: ISO, from Monday)'),
};

/** Midnight (UTC) of the same calendar day `years` later (29 February → 1 March), in milliseconds. */
function yearsAfter(day: string, years: number): number {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/**
 * The state's time zone, after checking the state and from–to (400 naming the field otherwise). With
 * `wholePeriods` (the public: small cells hidden), also `checkWholePeriods`.
 */
export function publicPeriod(
  q: { state: string; from: string; to: string; granularity?: Granularity },
  wholePeriods?: { now: Date },
): string {
  const timeZone = STATE_TIME_ZONES[q.state as MemberStateCode] as string | undefined;
  if (!timeZone)
    throw invalidInput('querystring/state', `${q.state} is not a member state`, 'not-a-member-state', {
      state: q.state,
    });
  if (q.to < q.from) throw invalidInput('querystring/to', 'is before from', 'before-from');
  if (Date.parse(`${q.to}T00:00:00Z`) >= yearsAfter(q.from, MAX_YEARS))
    throw invalidInput('querystring/to', `less than ${MAX_YEARS} years after from`, 'period-too-long-years', {
      maxYears: MAX_YEARS,
    });
  if (wholePeriods)
    checkWholePeriods(
      { from: q.from, to: q.to, granularity: q.granularity ?? 'month' },
      localToday(wholePeriods.now, timeZone),
    );
  return timeZone;
}

/** The calendar day of `now` in `timeZone` (YYYY-MM-DD). */
export const localToday = (now: Date, timeZone: string): string =>
  DateTime.fromJSDate(now).setZone(timeZone).toISODate() as string;

const DAY = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The first and the last day of the period of `granularity` that holds `day`. */
export function periodAround(day: string, granularity: Granularity): { first: string; last: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case 'day':
      return { first: day, last: day };
    case 'week': {
      const first = shift(day, -((d.getUTCDay() + 6) % 7)); // back to the Monday (ISO week)
      return { first, last: shift(first, 6) };
    }
    case 'month':
      return {
        first: new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10),
        last: new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10),
      };
    case 'year':
      return { first: `${String(y).padStart(4, '0')}-01-01`, last: `${String(y).padStart(4, '0')}-12-31` };
  }
}

/**
 * The public asks for whole, ended calendar periods only (issue #14, finding 3): `from` is the first day of a
 * period of the granularity, `to` the last day of one, and that period ended before `today` (the state's
 * calendar day). Two windows that differ by one day — or a period still running, which changes every day —
 * would otherwise give a hidden count as the difference of two published ones. 400 naming the field and the
 * nearest valid values otherwise. Staff are not restricted (they see every count anyway).
 */
export function checkWholePeriods(
  q: { from: string; to: string; granularity: Granularity },
  today: string,
): void {
  const g = q.granularity;
  const f = periodAround(q.from, g);
  if (f.first !== q.from) {
    const next = periodAround(shift(f.last, 1), g).first;
    throw invalidInput('querystring/from', `the first day of a ${g} for the public: ${f.first} or ${next}`);
  }
  const t = periodAround(q.to, g);
  if (t.last !== q.to) {
    const before = periodAround(shift(t.first, -1), g).last;
    throw invalidInput('querystring/to', `the last day of a ${g} for the public: ${before} or ${t.last}`);
  }
  if (q.to >= today) {
    const lastEnded = periodAround(shift(periodAround(today, g).first, -1), g).last;
    throw invalidInput(
      'querystring/to',
      `a ${g} that has ended for the public (today is ${today} in the state): at the latest ${lastEnded}`,
    );
  }
}

/**
 * Are small cells hidden for this request? Not when it carries a valid credential (session cookie or API
 * token) of an account that may read `state`'s aggregates: `aggregates.read`, no pending password change,
 * and `stateToRead` accepts the state (its own state; a Union account any); a token also needs the read scope. An invalid or missing credential,
 * or another state's account, is answered as the public is (suppressed), never with 401 or 403.
 */
export async function hidesSmallCells(
  deps: ApiDeps,
  request: FastifyRequest,
  state: string,
): Promise<boolean> {
  const p = await principalOf(deps, request);
  // a token without the read scope (write or export only) reads as the public does
  if (!p || p.mustChangePassword || !can(p.role, 'aggregates.read') || !p.scopes.includes('read'))
    return true;
  try {
    stateToRead(p, state);
    return false;
  } catch (e) {
    if (e instanceof HttpProblem) return true;
    throw e;
  }
}
