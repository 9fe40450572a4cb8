// What the public statistics routes (/api/public/aggregates, /decisions, /detentions) share: the state and
// the days a request may ask for, and who sees small cells. The routes need no login; a request that carries
// a valid session or API token of an account that may read the state's aggregates (the permission and the
// state check of GET /api/stats/daily: `aggregates.read` and `stateToRead`) gets the figures unsuppressed,
// as the staff's dashboard shows them; anyone else gets small cells hidden.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MemberStateCode } from '../../law/member-states.ts';
import { MemberState } from '../domain/commands.ts';
import { can } from '../domain/roles.ts';
import { STATE_TIME_ZONES } from '../law/calendar/state-calendar.ts';
import { GRANULARITIES } from '../store/aggregates.ts';
import { principalOf } from './auth.ts';
import { HttpProblem } from './problem.ts';
import { invalidInput, ReportDay, stateToRead } from './report-period.ts';
import type { ApiDeps } from './server.ts';

/** The longest period one request may ask for: `to` before the same day five years after `from`. */
export const MAX_YEARS = 5;

/** The query fields every public statistics route takes. */
export const PublicPeriodQuery = {
  state: MemberState.describe('the member state (ISO code, e.g. LT)'),
  from: ReportDay.describe('first day (YYYY-MM-DD, in the time zone of the state), counted'),
  to: ReportDay.describe(`last day (YYYY-MM-DD), counted; less than ${MAX_YEARS} years after from`),
  granularity: z.enum(GRANULARITIES).default('month').describe('period of each row (week: ISO, from Monday)'),
};

/** Midnight (UTC) of the same calendar day `years` later (29 February → 1 March), in milliseconds. */
function yearsAfter(day: string, years: number): number {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** The state's time zone, after checking the state and from–to (400 naming the field otherwise). */
export function publicPeriod(q: { state: string; from: string; to: string }): string {
  const timeZone = STATE_TIME_ZONES[q.state as MemberStateCode] as string | undefined;
  if (!timeZone) throw invalidInput('querystring/state', `${q.state} is not a member state`);
  if (q.to < q.from) throw invalidInput('querystring/to', 'is before from');
  if (Date.parse(`${q.to}T00:00:00Z`) >= yearsAfter(q.from, MAX_YEARS))
    throw invalidInput('querystring/to', `less than ${MAX_YEARS} years after from`);
  return timeZone;
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
