// Guarantees module: national emergency measures beside the Crisis Regulation (issue 17) — Lithuania's Law on
// the State Border as amended on 25 April 2023 and Poland's Act of 21 February 2025 (Dz.U. 2025 poz. 389),
// law/national/emergency-measures.ts. They are national measures, not CFMR declarations. A refusal of entry
// under one (`entry.refused` with `measure`) must fall inside an activation of that measure in the case's
// state, and is refused for a person of a group the measure never applies to. Pure: the activations come in
// with the context (src/store/national-measures.ts loads them).
import { DateTime } from 'luxon';
import {
  type ExceptedGroup,
  findNationalMeasure,
  NATIONAL_MEASURES,
  type NationalMeasure,
  type NationalMeasureId,
} from '../../../law/national/emergency-measures.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/time-zones.ts';
import type { CaseState } from '../case-state.ts';
import type { CaseCommand } from '../commands.ts';
import { CommandRejectedError } from '../errors.ts';
import type { Guarantee, GuaranteeModule, Guard } from './types.ts';

/** One period in which a measure is switched on (an activation, or an extension of one). */
export interface MeasureActivation {
  readonly id: string;
  readonly measure: NationalMeasureId;
  readonly state: string;
  /** the border section or area it covers, as the act names it */
  readonly area: string;
  /** first and last day it applies (local dates of the state, both included) */
  readonly startsOn: string;
  readonly endsOn: string;
  /** the act that switched it on or extended it, e.g. "Dz.U. 2025 poz. 390" */
  readonly act: string;
  /** the activation this one extends */
  readonly extendsId?: string;
  /** the consent an extension rests on (Poland: the Sejm's resolution) */
  readonly consent?: string;
}

/** The state's local day of an instant. */
function localDay(state: string, at: string): string {
  const zone = STATE_TIME_ZONES[state as keyof typeof STATE_TIME_ZONES] ?? 'UTC';
  return DateTime.fromISO(at, { setZone: true }).setZone(zone).toISODate() ?? at.slice(0, 10);
}

/** The activation of `measure` in `state` covering `day`, if any. */
export function activeOn(
  activations: readonly MeasureActivation[],
  measure: string,
  state: string,
  day: string,
): MeasureActivation | undefined {
  return activations.find(
    (a) => a.measure === measure && a.state === state && a.startsOn <= day && day <= a.endsOn,
  );
}

/**
 * The groups of `measure` a person belongs to, from the case's facts and the refusal's fields. A minor who is
 * not unaccompanied is counted as needing special treatment for age (Poland: "in particular because of their
 * age"): the safe reading, since the act's text was not read.
 */
export function exceptedGroupsOf(
  measure: NationalMeasure,
  c: CaseState,
  fields: { seriousHarmClaimed?: boolean; humanitarianPurpose?: boolean } = {},
): ExceptedGroup[] {
  const v = new Set<string>(c.person.vulnerabilities ?? []);
  const facts: Record<ExceptedGroup, boolean> = {
    'unaccompanied-minor': c.person.unaccompanied === true,
    pregnant: v.has('pregnant'),
    'age-or-health':
      c.person.minor === true || v.has('elderly') || v.has('disability') || v.has('serious-illness'),
    'serious-harm': fields.seriousHarmClaimed === true,
    'fleeing-conflict-or-persecution': fields.seriousHarmClaimed === true,
    'humanitarian-purpose': fields.humanitarianPurpose === true,
  };
  return measure.exceptedGroups.filter((g) => facts[g]);
}

type Refusal = Extract<CaseCommand, { type: 'entry.refused' }>;

/** Poland, Act of 13 June 2003 Arts 33a–33b; Lithuania, Law on the State Border (2023): a refusal under a measure. */
const refusalUnderMeasure: Guard = (c, command, ctx) => {
  if (command.type !== 'entry.refused' || !command.measure) return;
  const r = command as Refusal;
  const measure = findNationalMeasure(r.measure as string);
  if (!measure) return; // the schema allows only known measures
  if (measure.state !== c.state)
    throw new CommandRejectedError(
      'measure',
      { code: 'national-measure-other-state', params: { measure: measure.id, measureState: measure.state } },
      `${measure.id} is a measure of ${measure.state}, not of ${c.state}`,
    );
  const day = localDay(c.state, r.at);
  if (!activeOn(ctx.nationalMeasureActivations ?? [], measure.id, c.state, day))
    throw new CommandRejectedError(
      'measure',
      { code: 'national-measure-not-active', params: { measure: measure.id, day } },
      `${measure.id} is not active in ${c.state} on ${day}`,
    );
  const [group] = exceptedGroupsOf(measure, c, r);
  if (group)
    throw new CommandRejectedError(
      'measure',
      { code: 'national-measure-excepted-person', params: { measure: measure.id, act: measure.act, group } },
      `${measure.article} never applies to this person (${group})`,
    );
};

/**
 * The case page: a refusal under a measure is shown with the act whose exceptions Pact checked; a person of a
 * group a measure of the case's state excepts is shown as outside it.
 */
function nationalMeasureGuarantee(c: CaseState): Guarantee | undefined {
  if (c.nationalMeasure) {
    const m = findNationalMeasure(c.nationalMeasure.measure);
    return {
      key: 'national-measure-exceptions-checked',
      article: m?.article ?? c.nationalMeasure.measure,
      status: 'done',
      at: c.nationalMeasure.at,
      params: { measure: c.nationalMeasure.measure },
    };
  }
  for (const m of NATIONAL_MEASURES) {
    if (m.state !== c.state) continue;
    const [group] = exceptedGroupsOf(m, c);
    if (group)
      return {
        key: 'national-measure-excepted',
        article: m.article,
        status: 'done',
        params: { measure: m.id, group },
      };
  }
  return undefined;
}

const module: GuaranteeModule = {
  name: 'national-measures',
  guards: [refusalUnderMeasure],
  handlers: {
    // the activation the refusal fell in goes into the log with it (the monitoring mechanism reads it)
    'entry.refused': (c, command, ctx) => {
      if (command.type !== 'entry.refused' || !command.measure) return undefined;
      const a = activeOn(
        ctx.nationalMeasureActivations ?? [],
        command.measure,
        c.state,
        localDay(c.state, command.at),
      );
      return a ? { extra: { activationId: a.id } } : undefined;
    },
  },
  evolvers: {
    'entry.refused': (s, action) => {
      const measure = action.payload.measure;
      if (typeof measure !== 'string') return s;
      const activationId = action.payload.activationId;
      return {
        ...s,
        nationalMeasure: {
          measure,
          at: action.at,
          ...(typeof activationId === 'string' ? { activationId } : {}),
        },
      };
    },
  },
  guarantees: [nationalMeasureGuarantee],
};

export default module;

/** An activation to record, before it has an id. */
export type NewActivation = Omit<MeasureActivation, 'id'>;

/**
 * Checks an activation or extension against its measure (Poland, Act of 13 June 2003 Art. 33a: at most 60
 * days each time; an extension only with the Sejm's consent): throws CommandRejectedError.
 * `previous` is the activation an extension extends, as recorded.
 */
export function checkActivation(a: NewActivation, previous?: MeasureActivation): void {
  const m = findNationalMeasure(a.measure);
  if (!m) return;
  if (m.state !== a.state)
    throw new CommandRejectedError(
      'state',
      { code: 'national-measure-activation-other-state', params: { measure: m.id, measureState: m.state } },
      `${m.id} is a measure of ${m.state}`,
    );
  if (a.endsOn < a.startsOn || a.startsOn < m.appliesFrom)
    throw new CommandRejectedError(
      'endsOn',
      { code: 'national-measure-period-invalid', params: { measure: m.id } },
      `must end on or after its first day, which is not before ${m.appliesFrom}`,
    );
  // both days included: 27 March to 25 May is 60 days
  const days =
    DateTime.fromISO(a.endsOn, { zone: 'UTC' }).diff(DateTime.fromISO(a.startsOn, { zone: 'UTC' }), 'days')
      .days + 1;
  if (m.maximumDays !== undefined && days > m.maximumDays)
    throw new CommandRejectedError(
      'endsOn',
      {
        code: 'national-measure-period-too-long',
        params: { measure: m.id, maximumDays: m.maximumDays, days },
      },
      `${days} days is longer than the ${m.maximumDays} days ${m.article} allows at once`,
    );
  if (a.extendsId !== undefined || (m.extensionNeedsConsent && a.consent !== undefined)) {
    const ok =
      previous !== undefined &&
      previous.measure === a.measure &&
      previous.state === a.state &&
      (!m.extensionNeedsConsent || (a.consent ?? '').trim() !== '');
    if (!ok)
      throw new CommandRejectedError(
        'extendsId',
        { code: 'national-measure-extension-invalid', params: { measure: m.id } },
        m.extensionNeedsConsent
          ? 'an extension names the recorded activation it extends and the consent it rests on'
          : 'an extension names the recorded activation it extends',
      );
  }
}
