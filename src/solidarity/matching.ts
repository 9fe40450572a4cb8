// Relocation matching (AMMR Art. 67): which pledging state relocates which proposed person. Pure: no I/O,
// no clock — the Council act's date comes in as an argument, and the result depends only on the inputs,
// not on the order of the input arrays.
//
// Rules:
// 1. A family (the candidates sharing a familyId; a candidate without one is a family of one) is relocated
//    together, to one state, or not at all: it is never split.
// 2. A person with a security hit (reasonable grounds to consider them a danger to internal security,
//    Art. 67(2)) is never relocated: 'security-hit'. The rest of their family stays with them, in the
//    benefitting state: 'family-member-security-hit'.
// 3. A beneficiary of protection is relocated only with consent (consent === true) and only if protection
//    was granted less than `beneficiaryYears` (3) years before the Council act (Art. 56(2)(a)(ii)): granted
//    strictly after the act's date minus that many calendar years (a 29 February with no counterpart
//    becomes 28 February). Otherwise 'beneficiary-without-consent' or 'beneficiary-protection-too-old'
//    (consent is checked first); the rest of the family is 'family-member-not-eligible'. A person's own
//    ground comes before a family member's (a security hit before a beneficiary's ineligibility).
// 4. An offer accepts a family when, for each criterion it states: it is not the benefitting state the
//    family is relocated from; every member's nationality is listed; 'singles-only' takes families of
//    one, 'families-only' families of two or more; every vulnerability of every member is listed; every
//    member speaks a listed language, or, for a minor, at least one adult of the family does. It has room
//    when remaining − assigned so far ≥ family size and, with a monthly cap, matchedThisMonth + assigned
//    so far + family size ≤ maxPerMonth.
// 5. Order: families with a minor or a vulnerable member first, then larger families first, then by
//    their smallest candidate id. Each family goes to the accepting offer with room that has the most
//    places left (the lesser of the pledge's remaining places and the monthly cap's), ties by state code.
// 6. Not matched: 'no-capacity-left' when some offer accepts the family by its criteria but none has room;
//    'no-pledge-accepts' when none accepts it, with the first criterion failed per state.
// Every candidate appears exactly once, in `assignments` or `unmatched`, both sorted by candidate id.
import type { MemberStateCode } from '../../law/member-states.ts';
import type { Candidate, IsoDate, RelocationOffer } from './types.ts';

export interface MatchInput {
  readonly candidates: readonly Candidate[];
  readonly offers: readonly RelocationOffer[];
  /** the date of the Council act (Art. 56(2)(a)(ii): beneficiaries granted protection less than `beneficiaryYears` before it) */
  readonly councilActOn: string;
  readonly beneficiaryYears: number;
}

export const UNMATCHED_REASONS = [
  'security-hit',
  'family-member-security-hit',
  'beneficiary-protection-too-old',
  'beneficiary-without-consent',
  'family-member-not-eligible',
  'no-pledge-accepts',
  'no-capacity-left',
] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

export interface Assignment {
  readonly candidateId: string;
  readonly state: MemberStateCode;
  readonly familyId?: string;
  readonly why: string;
}

export interface Unmatched {
  readonly candidateId: string;
  readonly reason: UnmatchedReason;
  readonly why: string;
  readonly article?: string;
}

export interface MatchResult {
  readonly assignments: readonly Assignment[];
  readonly unmatched: readonly Unmatched[];
  /** Persons assigned to each state that made an offer (0 included), keys in state-code order. */
  readonly perState: Readonly<Record<string, number>>;
  readonly rule: string;
}

export const MATCHING_RULE =
  'families move together or not at all; a person with a security hit is never relocated and their family stays (AMMR Art. 67(2)); ' +
  'a beneficiary only with consent and protection granted strictly after the Council act date minus the set number of calendar years (Art. 56(2)(a)(ii)); ' +
  "an offer accepts a family when every member's nationality and vulnerabilities are listed, the family size fits singles-only/families-only, " +
  'every member (or, for a minor, an adult of the family) speaks a listed language, and the pledge and its monthly cap have room; ' +
  'families with a minor or vulnerable member first, then larger families, then smallest candidate id; ' +
  'each goes to the accepting offer with the most places left, ties by state code';

const ART_67_2 = 'AMMR Art. 67(2)';
const ART_56_2_A_II = 'AMMR Art. 56(2)(a)(ii)';
/** At most this many states are named when no offer accepts a family. */
const MAX_STATES_LISTED = 5;

// ---------------------------------------------------------------------------------------------------------
// Dates, on YYYY-MM-DD strings (no Date objects, no time zones).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

function parseDate(s: string | undefined): { y: number; m: number; d: number } | undefined {
  const match = s === undefined ? null : ISO_DATE.exec(s);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return undefined;
  return { y, m, d };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * The date `years` calendar years before `date` (YYYY-MM-DD): the same day and month, or 28 February for a
 * 29 February whose year is not a leap year. A beneficiary is eligible when protection was granted strictly
 * after it (Art. 56(2)(a)(ii): "less than 3 years before" the act).
 */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const p = parseDate(date);
  if (!p) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  if (!Number.isInteger(years) || years < 0) throw new RangeError('years must be a whole number ≥ 0');
  const y = p.y - years;
  if (y < 1) throw new RangeError(`${years} years before ${date} is before year 1`);
  const d = p.m === 2 && p.d === 29 && !isLeap(y) ? 28 : p.d;
  return `${pad(y, 4)}-${pad(p.m, 2)}-${pad(d, 2)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Preparation: families and offers, precomputed once.

interface Family {
  readonly id: string | undefined;
  /** Members sorted by id. */
  readonly members: readonly Candidate[];
  readonly firstId: string;
  readonly size: number;
  readonly priority: boolean;
  /** The benefitting states the members are proposed by (one, in practice). */
  readonly from: readonly string[];
  readonly nationalities: readonly string[];
  readonly vulnerabilities: readonly string[];
  /** Languages spoken by at least one adult of the family. */
  readonly adultLanguages: readonly string[];
}

interface PreparedOffer {
  readonly offer: RelocationOffer;
  readonly state: MemberStateCode;
  readonly nationalities: ReadonlySet<string> | undefined;
  readonly vulnerabilities: ReadonlySet<string> | undefined;
  readonly languages: ReadonlySet<string> | undefined;
  readonly families: 'any' | 'singles-only' | 'families-only';
  assigned: number;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnique = (xs: readonly string[]): readonly string[] =>
  xs.length < 2 ? xs : [...new Set(xs)].sort(byCode);
const list = (xs: readonly string[]) => xs.join(', ');

function checkCount(n: number | undefined, what: string, state: string) {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new RangeError(`${state}: ${what} must be a whole number ≥ 0`);
}

function prepareOffers(offers: readonly RelocationOffer[]): PreparedOffer[] {
  const seen = new Set<string>();
  const prepared = offers.map((offer): PreparedOffer => {
    if (seen.has(offer.state)) throw new RangeError(`more than one relocation offer for ${offer.state}`);
    seen.add(offer.state);
    checkCount(offer.remaining, 'remaining', offer.state);
    checkCount(offer.matchedThisMonth, 'matchedThisMonth', offer.state);
    checkCount(offer.criteria.maxPerMonth, 'maxPerMonth', offer.state);
    const c = offer.criteria;
    return {
      offer,
      state: offer.state,
      nationalities: c.nationalities && new Set(c.nationalities),
      vulnerabilities: c.vulnerabilities && new Set(c.vulnerabilities),
      languages: c.languages && new Set(c.languages),
      families: c.families ?? 'any',
      assigned: 0,
    };
  });
  return prepared.sort((a, b) => byCode(a.state, b.state));
}

function groupFamilies(candidates: readonly Candidate[]): Family[] {
  const ids = new Set<string>();
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (ids.has(c.id)) throw new RangeError(`candidate id ${c.id} appears more than once`);
    ids.add(c.id);
    // Prefixes keep a family id apart from a lone candidate's id.
    const key = c.familyId === undefined ? `c:${c.id}` : `f:${c.familyId}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const families: Family[] = [];
  for (const group of groups.values()) {
    const members = group.sort((a, b) => byCode(a.id, b.id));
    const first = members[0] as Candidate;
    const vulnerabilities: string[] = [];
    const adultLanguages: string[] = [];
    // Loops, not flatMap: flatMap is several times slower in V8 on small arrays.
    for (const m of members) {
      for (const v of m.vulnerabilities) vulnerabilities.push(v);
      if (!m.minor) for (const l of m.languages) adultLanguages.push(l);
    }
    families.push({
      id: first.familyId,
      members,
      firstId: first.id,
      size: members.length,
      priority: members.some((m) => m.minor || m.vulnerabilities.length > 0),
      from: sortedUnique(members.map((m) => m.from)),
      nationalities: sortedUnique(members.map((m) => m.nationality)),
      vulnerabilities: sortedUnique(vulnerabilities),
      adultLanguages: sortedUnique(adultLanguages),
    });
  }
  // Rule 5: minor or vulnerable first, then larger, then smallest candidate id (ids are unique: a total order).
  return families.sort(
    (a, b) => Number(b.priority) - Number(a.priority) || b.size - a.size || byCode(a.firstId, b.firstId),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Eligibility (rules 2–3) and acceptance (rule 4).

type Ineligibility = { reason: UnmatchedReason; why: string; article: string };

function personalIneligibility(c: Candidate, cutoff: IsoDate, input: MatchInput): Ineligibility | undefined {
  if (c.securityHit)
    return {
      reason: 'security-hit',
      why: 'reasonable grounds to consider the person a danger to internal security: excluded from relocation',
      article: ART_67_2,
    };
  if (c.kind !== 'beneficiary') return undefined;
  if (c.consent !== true)
    return {
      reason: 'beneficiary-without-consent',
      why: `beneficiary of protection: relocated only with consent, ${c.consent === false ? 'refused' : 'not recorded'}`,
      article: ART_56_2_A_II,
    };
  const granted = parseDate(c.protectionGrantedOn) && c.protectionGrantedOn;
  if (!granted)
    return {
      reason: 'beneficiary-protection-too-old',
      why: `beneficiary of protection: no valid protection date (${c.protectionGrantedOn ?? 'missing'}), so not shown to be less than ${input.beneficiaryYears} years before the Council act`,
      article: ART_56_2_A_II,
    };
  if (granted <= cutoff)
    return {
      reason: 'beneficiary-protection-too-old',
      why: `protection granted ${granted}, not after ${cutoff} (${input.beneficiaryYears} years before the Council act of ${input.councilActOn})`,
      article: ART_56_2_A_II,
    };
  return undefined;
}

type Criterion = 'benefitting-state' | 'nationality' | 'families' | 'vulnerability' | 'language';

/** The first criterion of the offer the family fails, or undefined when the offer accepts it. Allocates nothing. */
function failedCriterion(f: Family, o: PreparedOffer): Criterion | undefined {
  if (f.from.includes(o.state)) return 'benefitting-state';
  if (o.nationalities) for (const n of f.nationalities) if (!o.nationalities.has(n)) return 'nationality';
  if (o.families === 'singles-only' && f.size !== 1) return 'families';
  if (o.families === 'families-only' && f.size < 2) return 'families';
  if (o.vulnerabilities)
    for (const v of f.vulnerabilities) if (!o.vulnerabilities.has(v)) return 'vulnerability';
  if (o.languages && silentMember(f, o.languages)) return 'language';
  return undefined;
}

/** A member who speaks none of the languages, unless a minor with an adult of the family who does. */
function silentMember(f: Family, langs: ReadonlySet<string>): Candidate | undefined {
  const adultSpeaks = speaksAny(f.adultLanguages, langs);
  for (const m of f.members) if (!(m.minor && adultSpeaks) && !speaksAny(m.languages, langs)) return m;
  return undefined;
}

function speaksAny(spoken: readonly string[], langs: ReadonlySet<string>): boolean {
  for (const l of spoken) if (langs.has(l)) return true;
  return false;
}

/** The first criterion of the offer the family fails, in words, for `why`. */
function describeFailure(f: Family, o: PreparedOffer): string {
  const langs = o.languages ?? new Set<string>();
  switch (failedCriterion(f, o)) {
    case undefined:
      return 'accepts';
    case 'benefitting-state':
      return 'the benefitting state itself';
    case 'nationality':
      return `nationality ${f.nationalities.find((n) => !o.nationalities?.has(n))} not accepted`;
    case 'families':
      return o.families === 'singles-only' ? 'singles only' : 'families only';
    case 'vulnerability':
      return `vulnerability ${f.vulnerabilities.find((v) => !o.vulnerabilities?.has(v))} not accepted`;
    case 'language':
      return `${silentMember(f, langs)?.id} speaks none of ${list([...langs].sort(byCode))}`;
  }
}

/** Places the offer still has for this month's matching: the lesser of the pledge's and the monthly cap's. */
function room(o: PreparedOffer): number {
  const pledge = o.offer.remaining - o.assigned;
  const cap = o.offer.criteria.maxPerMonth;
  return cap === undefined ? pledge : Math.min(pledge, cap - o.offer.matchedThisMonth - o.assigned);
}

function acceptance(f: Family, o: PreparedOffer): string {
  const parts: string[] = [];
  if (o.nationalities) parts.push(`nationality ${list(f.nationalities)}`);
  if (o.families !== 'any') parts.push(f.size === 1 ? 'single' : `family of ${f.size}`);
  if (o.vulnerabilities && f.vulnerabilities.length > 0)
    parts.push(`vulnerability ${list(f.vulnerabilities)}`);
  if (o.languages) {
    const spoken = sortedUnique(f.members.flatMap((m) => m.languages)).filter((l) => o.languages?.has(l));
    parts.push(`language ${list(spoken)}`);
  }
  return parts.length > 0 ? `accepts ${parts.join('; ')}` : 'accepts anyone';
}

function statesList(items: readonly string[]): string {
  const shown = items.slice(0, MAX_STATES_LISTED).join('; ');
  return items.length > MAX_STATES_LISTED ? `${shown}; and ${items.length - MAX_STATES_LISTED} more` : shown;
}

// ---------------------------------------------------------------------------------------------------------

export function matchCandidates(input: MatchInput): MatchResult {
  const cutoff = yearsBefore(input.councilActOn, input.beneficiaryYears);
  const offers = prepareOffers(input.offers);
  const families = groupFamilies(input.candidates);
  const assignments: Assignment[] = [];
  const unmatched: Unmatched[] = [];

  const leaveFamily = (f: Family, reason: UnmatchedReason, why: string) => {
    for (const m of f.members) unmatched.push({ candidateId: m.id, reason, why });
  };

  for (const f of families) {
    // Rules 2–3: persons who cannot be relocated keep their whole family in the benefitting state.
    const own = f.members.map((m) => personalIneligibility(m, cutoff, input));
    if (own.some((x) => x !== undefined)) {
      const hit = f.members.filter((m) => m.securityHit).map((m) => m.id);
      const ineligible = f.members.filter((_, i) => own[i] !== undefined).map((m) => m.id);
      f.members.forEach((m, i) => {
        const mine = own[i];
        if (mine) unmatched.push({ candidateId: m.id, ...mine });
        else if (hit.length > 0)
          unmatched.push({
            candidateId: m.id,
            reason: 'family-member-security-hit',
            why: `family ${f.id}: ${list(hit)} has a security hit (${ART_67_2}); the family stays together in the benefitting state`,
          });
        else
          unmatched.push({
            candidateId: m.id,
            reason: 'family-member-not-eligible',
            why: `family ${f.id}: ${list(ineligible)} not eligible for relocation (${ART_56_2_A_II}); the family is not split`,
          });
      });
      continue;
    }

    // Rules 4–5: among the offers that accept the family, the one with the most places left.
    // The words for `why` are only built once the outcome is known.
    let best: PreparedOffer | undefined;
    let bestRoom = -1;
    let accepting = 0;
    for (const o of offers) {
      if (failedCriterion(f, o) !== undefined) continue;
      accepting++;
      const r = room(o);
      // Offers are in state-code order, so strict > keeps the smallest code on a tie.
      if (r >= f.size && r > bestRoom) {
        best = o;
        bestRoom = r;
      }
    }

    if (best) {
      best.assigned += f.size;
      const cap = best.offer.criteria.maxPerMonth;
      const monthly =
        cap === undefined
          ? ''
          : `, ${cap - best.offer.matchedThisMonth - best.assigned} of ${cap} this month`;
      const why =
        `${best.state}: ${acceptance(f, best)}; most places of ${accepting} accepting; ` +
        `${best.offer.remaining - best.assigned} of ${best.offer.remaining} places left after${monthly}`;
      for (const m of f.members)
        assignments.push(
          m.familyId === undefined
            ? { candidateId: m.id, state: best.state, why }
            : { candidateId: m.id, state: best.state, familyId: m.familyId, why },
        );
    } else if (accepting > 0) {
      const who = f.size === 1 ? 'the person' : `a family of ${f.size}`;
      const full = offers
        .filter((o) => failedCriterion(f, o) === undefined)
        .map((o) => `${o.state} (${Math.max(0, room(o))} left)`);
      leaveFamily(f, 'no-capacity-left', `accepted by ${statesList(full)}, but none has room for ${who}`);
    } else {
      const refusals = offers.map((o) => `${o.state}: ${describeFailure(f, o)}`);
      leaveFamily(
        f,
        'no-pledge-accepts',
        offers.length === 0 ? 'no relocation offers' : `no offer accepts: ${statesList(refusals)}`,
      );
    }
  }

  const byCandidate = (a: { candidateId: string }, b: { candidateId: string }) =>
    byCode(a.candidateId, b.candidateId);
  const perState: Record<string, number> = {};
  for (const o of offers) perState[o.state] = o.assigned;
  return {
    assignments: assignments.sort(byCandidate),
    unmatched: unmatched.sort(byCandidate),
    perState,
    rule: MATCHING_RULE,
  };
}
