// Deductions of pledged contributions (AMMR Art. 61: a member state under migratory pressure; Art. 62: a
// member state facing a significant migratory situation): when the Commission must have assessed a request,
// whether a recorded deduction is coherent, and what remains of a pledge once deductions are granted.
// Pure: no I/O, the law and the dates are arguments.
//
// Interpretations (not settled by the text read, see pact-rules.md 1.3):
//
// 1. Several deductions of one pledge ADD UP, capped at 100 %. Arts 61–62 speak of a "partial or full
//    deduction of [the state's] pledged contributions": every request is read as a share of the same base,
//    the pledge set out in the Council implementing act (Art. 57), not of what an earlier deduction left.
//    Granted 30 % and then 20 % is a deduction of 50 %; 60 % + 60 % is a full deduction (100 %), and the
//    excess is reported. (Multiplying — 30 % then 20 % of the remaining 70 % = 44 % — would read the second
//    request as a share of the remainder, which the articles do not say.) This is an INTERPRETATION.
//
// 2. Rounding favours the benefitting member states: the deduction relieves the contributing state, so
//    the obligation that REMAINS is rounded UP — to whole persons for relocations, to whole cents for money
//    and alternative measures. 10 persons less 25 % = 7.5 → 8 persons remain; 12 345 cents less 50 % =
//    6 172.5 → 6 173 cents remain. An exact remainder is not rounded. Arithmetic is exact (BigInt).

import type { ParameterRegistry } from '../law/parameters.ts';
import { formatPeriod } from '../law/period.ts';
import type { Deduction, IsoDate, Pledge } from './types.ts';

const ART_1182_71 = 'Regulation 1182/71';

/** Percentages are read to a millionth of a percent, exactly: 100 % = 100 000 000 units. */
const PERCENT_SCALE = 1_000_000n;
const HUNDRED_PERCENT = 100n * PERCENT_SCALE;

function percentUnits(percent: number): bigint {
  if (!Number.isFinite(percent)) throw new RangeError(`not a percentage: ${percent}`);
  return BigInt(Math.round(percent * Number(PERCENT_SCALE)));
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

// --- Calendar dates (UTC, no time zone inside a date) -------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: IsoDate): Date {
  const m = ISO_DATE.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

const isValidDate = (date: string): boolean => {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
};

const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);
const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const weekdayOf = (d: Date): string => WEEKDAYS[d.getUTCDay()] ?? '';

// --- Art. 61: the Commission's assessment -------------------------------------------------------------

export interface AssessmentDeadline {
  readonly requestedOn: IsoDate;
  /** The last day of the period: the Commission must have assessed the request by the end of it. */
  readonly dueOn: IsoDate;
  /** The period, as the law states it ("4 weeks"). */
  readonly period: string;
  /** The article the period rests on, from the parameter. */
  readonly article: string;
  /** Each counting rule applied, with its article. */
  readonly steps: readonly string[];
  readonly notes: readonly string[];
}

/**
 * When the Commission's assessment of a deduction request is due (AMMR Art. 61; Art. 62 applies the same
 * logic): `ammr.deduction.assessment-deadline` counted from the request by Regulation 1182/71.
 *
 * The period binds the Commission, a Union institution, not a member state: no member state's public
 * holidays apply (Reg. 1182/71 Art. 2(1) designates the holidays of the member state *or institution* in
 * which the action is to be taken). A period in weeks ends on the same weekday as the day of the request
 * (Art. 3(1): the day of the request is not counted; Art. 3(2)(c)): requested on Wednesday 15 July 2026,
 * due on Wednesday 12 August 2026. Only when that day is a Saturday or a Sunday (a request made at a
 * weekend) does Art. 3(4) move it to the following Monday. The Commission's own holidays (published in the
 * Official Journal) are not modelled: the result says so in `notes`.
 */
export function assessmentDeadline(requestedOn: IsoDate, law: ParameterRegistry): AssessmentDeadline {
  const day = parseDate(requestedOn);
  const used = law.usedAt('ammr.deduction.assessment-deadline', requestedOn);
  const period = law.periodAt('ammr.deduction.assessment-deadline', requestedOn);
  const steps = [
    `${used.citation}: the Commission assesses the request within ${formatPeriod(period)}`,
    `${ART_1182_71} Art. 3(1): the day of the request (${weekdayOf(day)} ${requestedOn}) is not counted`,
  ];
  let last: Date;
  switch (period.unit) {
    case 'weeks':
      last = addDays(day, 7 * period.amount);
      steps.push(
        `${ART_1182_71} Art. 3(2)(c): a period in weeks ends on the same weekday as the request, ${weekdayOf(last)} ${isoOf(last)}`,
      );
      break;
    case 'days':
      last = addDays(day, period.amount);
      steps.push(`${ART_1182_71} Art. 3(2)(b), 3(3): calendar days; the last is ${isoOf(last)}`);
      break;
    default:
      throw new RangeError(
        `ammr.deduction.assessment-deadline is in ${period.unit}; only weeks or days are counted here`,
      );
  }
  const nominal = isoOf(last);
  while (last.getUTCDay() === 6 || last.getUTCDay() === 0) last = addDays(last, 1);
  steps.push(
    isoOf(last) === nominal
      ? `${ART_1182_71} Art. 3(4): not moved, ${nominal} is a weekday`
      : `${ART_1182_71} Art. 3(4): ${nominal} is a ${weekdayOf(parseDate(nominal))}; the period ends on the following working day, ${weekdayOf(last)} ${isoOf(last)}`,
  );
  return {
    requestedOn,
    dueOn: isoOf(last),
    period: formatPeriod(period),
    article: used.citation,
    steps,
    notes: [
      `a Union-level period: no member state's public holidays apply (${ART_1182_71} Art. 2(1)); the Commission's own holidays are not modelled`,
      ...(used.status === 'confirmed' ? [] : [`${used.name} is ${used.status}: ${used.note ?? ''}`.trim()]),
    ],
  };
}

/** The last day by which the Commission must have assessed a deduction request (see assessmentDeadline). */
export function assessmentDueOn(requestedOn: IsoDate, law: ParameterRegistry): IsoDate {
  return assessmentDeadline(requestedOn, law).dueOn;
}

// --- Validation ----------------------------------------------------------------------------------------

export type DeductionProblemCode =
  | 'not-eligible'
  | 'percent-out-of-range'
  | 'granted-above-requested'
  | 'granted-percent-missing'
  | 'status-inconsistent'
  | 'decision-without-act'
  | 'decision-without-date'
  | 'invalid-date'
  | 'decided-before-requested'
  | 'self-assessment-reasoning-missing';

export interface DeductionProblem {
  readonly code: DeductionProblemCode;
  readonly message: string;
  /** The article the rule rests on. */
  readonly article: string;
}

const DECIDED = new Set(['granted', 'partially-granted', 'refused']);
const GRANTED = new Set(['granted', 'partially-granted']);

/**
 * What is wrong with a recorded deduction; empty when nothing is. `eligible` lists the member states the
 * Commission identified as facing a significant migratory situation in the deduction's year (for 2026:
 * `pool-2026.deduction-eligible-states`); any other state may request an Art. 62 deduction with its reasoning
 * (Art. 62(1): "or considers itself"). The list is not applied to Art. 61 requests, whose eligibility (identified or considering itself under
 * pressure, Pool not used, Arts 58–59) is not recorded in a Deduction.
 *
 * A refusal needs its date but not an act: Art. 61 has the Council adopt an implementing act *authorising*
 * a deduction; whether a refusal takes the form of an act was not read. A grant needs both.
 */
export function validateDeduction(d: Deduction, eligible: readonly string[]): DeductionProblem[] {
  const art = `AMMR Art. ${d.article}`;
  const problems: DeductionProblem[] = [];
  const add = (code: DeductionProblemCode, message: string, article = art) =>
    problems.push({ code, message, article });

  // AMMR Art. 62(1): "A Member State that is identified in a decision as referred to in Article 11 as facing a
  // significant migratory situation or considers itself to be facing a significant migratory situation, may
  // at any time request a partial or full deduction": the Commission's list is not a limit. A state not on
  // it states why it considers itself in that situation (what such a request must contain beyond Art. 62(2)
  // was not read: UNCONFIRMED — Pact asks for the reasoning, as Art. 62(2)(d) does of identified states).
  if (d.article === '62' && !eligible.includes(d.state) && !d.reasoning?.trim()) {
    add(
      'self-assessment-reasoning-missing',
      `${d.state} is not identified as facing a significant migratory situation in ${d.year} (${eligible.join(', ') || 'none'}): a state that considers itself in one may request an Art. 62 deduction, stating its reasoning`,
    );
  }
  const inRange = (p: number) => Number.isFinite(p) && p >= 0 && p <= 100;
  if (!inRange(d.requestedPercent)) {
    add(
      'percent-out-of-range',
      `requested ${d.requestedPercent} % of the pledged contributions: a partial or full deduction lies between 0 and 100 %`,
    );
  }
  if (d.grantedPercent !== undefined && !inRange(d.grantedPercent)) {
    add(
      'percent-out-of-range',
      `granted ${d.grantedPercent} % of the pledged contributions: a partial or full deduction lies between 0 and 100 %`,
    );
  }
  if (
    d.grantedPercent !== undefined &&
    Number.isFinite(d.grantedPercent) &&
    d.grantedPercent > d.requestedPercent
  ) {
    add(
      'granted-above-requested',
      `granted ${d.grantedPercent} % is more than the ${d.requestedPercent} % requested: the implementing act authorises the deduction requested, not more`,
    );
  }
  if (d.status === 'partially-granted') {
    if (d.grantedPercent === undefined) {
      add('granted-percent-missing', 'partially granted without the percentage granted');
    } else if (d.grantedPercent >= d.requestedPercent || d.grantedPercent <= 0) {
      add(
        'status-inconsistent',
        `partially granted, but ${d.grantedPercent} % granted of ${d.requestedPercent} % requested is not a part of the request`,
      );
    }
  }
  if (d.status === 'granted' && d.grantedPercent !== undefined && d.grantedPercent < d.requestedPercent) {
    add(
      'status-inconsistent',
      `granted, but only ${d.grantedPercent} % of the ${d.requestedPercent} % requested: record it as partially granted`,
    );
  }
  if (
    (d.status === 'requested' || d.status === 'refused') &&
    d.grantedPercent !== undefined &&
    d.grantedPercent > 0
  ) {
    add('status-inconsistent', `${d.status}, yet ${d.grantedPercent} % is recorded as granted`);
  }
  if (d.status === 'requested' && (d.decidedOn !== undefined || d.act !== undefined)) {
    add('status-inconsistent', 'still requested, yet a decision date or act is recorded');
  }
  if (GRANTED.has(d.status) && !d.act) {
    add(
      'decision-without-act',
      `${d.status} without the Council implementing act that authorises the deduction`,
    );
  }
  if (DECIDED.has(d.status) && !d.decidedOn) {
    add('decision-without-date', `${d.status} without the date of the decision`);
  }
  const requestedValid = isValidDate(d.requestedOn);
  if (!requestedValid) add('invalid-date', `the request date ${d.requestedOn} is not a calendar date`);
  const decidedValid = d.decidedOn === undefined || isValidDate(d.decidedOn);
  if (!decidedValid) add('invalid-date', `the decision date ${d.decidedOn} is not a calendar date`);
  if (requestedValid && d.decidedOn !== undefined && decidedValid && d.decidedOn < d.requestedOn) {
    add(
      'decided-before-requested',
      `decided on ${d.decidedOn}, before the request of ${d.requestedOn}: the Council decides on a request after the Commission's assessment`,
    );
  }
  return problems;
}

// --- What remains of a pledge ----------------------------------------------------------------------------

export const DEDUCTION_RULE =
  'granted and partially granted deductions of the pledge add up (capped at 100 %) and reduce every measure by that share; the remaining obligation is rounded up in favour of the benefitting states, to whole persons and whole cents (interpretation)';

export interface PledgeAfterDeductions {
  readonly relocations: number;
  readonly eurCents: number;
  /** The alternative measures' total value after deduction (AMMR Art. 56(2)(c)). */
  readonly alternativesCents: number;
  /** The combined share deducted (0–100 %). */
  readonly deductedPercent: number;
  readonly rule: string;
  /** The articles of the deductions applied, e.g. ["AMMR Art. 62"]; empty when none applied. */
  readonly articles: readonly string[];
  /** The deductions taken into account, as "AMMR Art. 62, act X of DATE: 30 %". */
  readonly applied: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * What `pledge` still obliges its state to contribute after the granted and partially granted deductions
 * among `deductions` (those of other states or years, and those requested or refused, are ignored). A
 * granted deduction without grantedPercent deducts the percentage requested.
 */
export function pledgeAfterDeductions(
  pledge: Pledge,
  deductions: readonly Deduction[],
): PledgeAfterDeductions {
  const warnings: string[] = [];
  const applied: string[] = [];
  const articles = new Set<string>();
  let units = 0n;
  for (const d of deductions) {
    if (d.state !== pledge.state || d.year !== pledge.year || !GRANTED.has(d.status)) continue;
    const percent = d.grantedPercent ?? (d.status === 'granted' ? d.requestedPercent : undefined);
    if (percent === undefined)
      throw new RangeError(`a partially granted deduction of ${d.state} has no granted percentage`);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100)
      throw new RangeError(`a deduction of ${percent} % is not between 0 and 100 %`);
    units += percentUnits(percent);
    articles.add(`AMMR Art. ${d.article}`);
    applied.push(
      `AMMR Art. ${d.article}, ${d.act ?? 'act not recorded'} of ${d.decidedOn ?? '?'}: ${percent} %`,
    );
  }
  if (units > HUNDRED_PERCENT) {
    warnings.push(
      `the deductions granted add up to ${Number(units) / Number(PERCENT_SCALE)} % of the pledge; a deduction cannot exceed the full pledge, 100 % is applied`,
    );
    units = HUNDRED_PERCENT;
  }
  const remaining = HUNDRED_PERCENT - units;
  const keep = (amount: number, what: string): number => {
    if (!Number.isSafeInteger(amount) || amount < 0)
      throw new RangeError(`${what} must be a whole non-negative number, not ${amount}`);
    return Number(ceilDiv(BigInt(amount) * remaining, HUNDRED_PERCENT));
  };
  const alternatives = pledge.alternatives.reduce((s, a) => s + a.valueCents, 0);
  return {
    relocations: keep(pledge.relocations, 'relocations'),
    eurCents: keep(pledge.eurCents, 'eurCents'),
    alternativesCents: keep(alternatives, 'the alternative measures'),
    deductedPercent: Number(units) / Number(PERCENT_SCALE),
    rule: DEDUCTION_RULE,
    articles: [...articles].sort(),
    applied,
    warnings,
  };
}
