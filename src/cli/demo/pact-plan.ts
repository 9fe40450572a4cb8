// The demonstration's months under the Pact (12 June 2026 to the scenario's end): synthetic encounters and,
// for each identified person, the steps a case takes — screening (Screening Regulation Arts 8–17),
// registration, routing, lodging, decision (APR Arts 27–51), detention (Directive (EU) 2024/1346), return
// (Regulation (EU) 2024/1349). Pure: it draws from the seeded generator and returns a timed plan; the case
// store decides each step with the law, so the deadlines are the law's own. Most steps keep within the
// deadlines; a drawn share does not (late screening, late or no registration, detention on irregular entry
// alone, refusal after an asylum wish), so that the monitoring view has something to show.
import { DateTime } from 'luxon';
import type { CaseCommand, RecordEncounter } from '../../domain/commands.ts';
import type { Calibration } from './calibration.ts';
import { ZONE } from './history-plan.ts';
import type { Random } from './random.ts';

export const PACT_FROM = '2026-06-12';

/** Assumptions of the months under the Pact (printed by `pact demo`). */
export const PACT_ASSUMPTIONS = [
  'under the Pact: about 1.8 persons a day (2025: 1,600 turned back in the year, 4.4 a day; January – mid-February 2026: 16), in groups of 1–5',
  'kinds: 45 % turned back at the border (30 % of those identified), 40 % apprehended after crossing, 15 % asking for asylum at Medininkai crossing point',
  'nationalities: the 12 August 2021 breakdown (no breakdown of later years was published)',
  'asylum wishes: all at the crossing point, 55 % of the apprehended, 25 % of the identified turned back; registration within the 5 days of APR Art. 27(1) for 85 %, late for 10 %, never for 5 %',
  'decisions: protection for 60 % of Syrians and Afghans, 10 % of the others; detention for 25 % of the apprehended, on irregular entry alone for 1 in 8 of those (contrary to C-72/22)',
];

export interface PlannedStep {
  readonly at: Date;
  /** index of the person (case) in the plan */
  readonly person: number;
  readonly command: CaseCommand;
  readonly actor: 'screening' | 'case' | 'return';
}

export interface PlannedEncounter {
  readonly at: Date;
  readonly command: RecordEncounter;
  /** indices of the plan's persons recorded with it, in order */
  readonly persons: readonly number[];
}

export interface PactPlan {
  readonly encounters: readonly PlannedEncounter[];
  readonly steps: readonly PlannedStep[];
  readonly persons: number;
}

export interface PactPlanOptions {
  readonly state: string;
  readonly until: string;
  readonly stations: readonly string[];
  readonly crossingPoint: string;
  /** whether a nationality must go to the border procedure on its recognition rate (APR Art. 42(1)(j)) */
  readonly lowRecognitionRate: (nationality: string, at: Date) => boolean;
}

const PROTECTING = new Set(['SY', 'AF', 'SO', 'IR']);
/** The language of the demonstration's interviews by nationality (ISO 639-1), English otherwise. */
const INTERVIEW_LANGUAGE: Readonly<Record<string, string>> = {
  IQ: 'ar',
  SY: 'ar',
  AF: 'fa',
  IR: 'fa',
  SO: 'so',
  CM: 'fr',
  CD: 'fr',
  GN: 'fr',
  CI: 'fr',
  LK: 'ta',
  IN: 'hi',
  TR: 'tr',
  RU: 'ru',
  BY: 'ru',
  TJ: 'tg',
};

export function pactPlan(c: Calibration, rng: Random, o: PactPlanOptions): PactPlan {
  const mix = c.nationalities2021
    .filter((n) => n.code !== '')
    .map((n) => ({ item: n.code, weight: n.persons }));
  const encounters: PlannedEncounter[] = [];
  const steps: PlannedStep[] = [];
  let persons = 0;
  const end = DateTime.fromISO(o.until, { zone: ZONE }).endOf('day');
  const hours = (from: DateTime, lo: number, hi: number) => from.plus({ minutes: rng.int(lo * 60, hi * 60) });
  for (let day = DateTime.fromISO(PACT_FROM, { zone: ZONE }); day <= end; day = day.plus({ days: 1 })) {
    const groups = rng.weighted([
      { item: 0, weight: 5 },
      { item: 1, weight: 4 },
      { item: 2, weight: 1 },
    ]);
    for (let g = 0; g < groups; g++) {
      const at = day.plus({ minutes: rng.int(0, 24 * 60 - 1) });
      if (at > end) continue;
      const kind = rng.weighted([
        { item: 'entry-prevented-refused' as const, weight: 45 },
        { item: 'apprehended-irregular-crossing' as const, weight: 40 },
        { item: 'application-at-crossing-point' as const, weight: 15 },
      ]);
      const size = rng.int(1, 5);
      const identified = kind === 'entry-prevented-refused' ? (rng.chance(0.3) ? size : 0) : size;
      const nationality = rng.weighted(mix);
      const planned: RecordEncounter['persons'] = [];
      const indices: number[] = [];
      for (let k = 0; k < identified; k++) {
        const index = persons++;
        const minor = rng.chance(0.2);
        const birthYear = minor ? rng.int(2009, 2024) : rng.int(1960, 2007);
        const wish =
          kind === 'application-at-crossing-point' ||
          (kind === 'apprehended-irregular-crossing' && rng.chance(0.55)) ||
          (kind === 'entry-prevented-refused' && rng.chance(0.25));
        const wishAtEncounter = wish && (kind !== 'apprehended-irregular-crossing' || rng.chance(0.6));
        planned.push({
          nationality: rng.chance(0.85) ? nationality : rng.weighted(mix),
          sex: rng.chance(0.7) ? 'male' : 'female',
          birthYear,
          minor,
          unaccompanied: minor && birthYear < 2012 && rng.chance(0.15),
          vulnerabilities: rng.chance(0.08)
            ? [rng.pick(['pregnant', 'serious-illness', 'torture-survivor'] as const)]
            : [],
          ...(wishAtEncounter
            ? {
                asylumWish: {
                  at: at.toUTC().toISO() ?? '',
                  where: 'at the border',
                  to: 'State Border Guard Service',
                },
              }
            : {}),
        });
        indices.push(index);
        const p = planned[planned.length - 1];
        if (!p) continue;
        planCase(rng, steps, {
          index,
          at,
          kind,
          wish,
          wishAtEncounter,
          minor: p.minor === true,
          unaccompanied: p.unaccompanied === true,
          nationality: p.nationality ?? 'XX',
          end,
          hours,
          o,
        });
      }
      const ref = `${o.state}-${at.toFormat('yyyyMMdd')}-${String(encounters.length + 1).padStart(4, '0')}`;
      encounters.push({
        at: at.toJSDate(),
        persons: indices,
        command: {
          ref,
          state: o.state as RecordEncounter['state'],
          placeId: kind === 'application-at-crossing-point' ? o.crossingPoint : rng.pick(o.stations),
          occurredAt: at.toUTC().toISO() ?? '',
          kind,
          groupSize: size,
          persons: planned,
          ...(kind === 'entry-prevented-refused' && rng.chance(0.06)
            ? {
                force: {
                  used: true,
                  kind: 'physical',
                  reason: 'the group resisted being turned back',
                },
              }
            : {}),
        },
      });
    }
  }
  encounters.sort((a, b) => a.at.getTime() - b.at.getTime());
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.person - b.person);
  return { encounters, steps, persons };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface CaseSeed {
  readonly index: number;
  readonly at: DateTime;
  readonly kind: RecordEncounter['kind'];
  readonly wish: boolean;
  readonly wishAtEncounter: boolean;
  readonly minor: boolean;
  readonly unaccompanied: boolean;
  readonly nationality: string;
  readonly end: DateTime;
  readonly hours: (from: DateTime, lo: number, hi: number) => DateTime;
  readonly o: PactPlanOptions;
}

/** The steps of one person's case, each dated; steps after the scenario's end are left out. */
function planCase(rng: Random, steps: PlannedStep[], s: CaseSeed): void {
  const { hours, index } = s;
  const add = (at: DateTime, actor: PlannedStep['actor'], command: DistributiveOmit<CaseCommand, 'at'>) => {
    if (at <= s.end)
      steps.push({
        at: at.toJSDate(),
        person: index,
        actor,
        command: { ...command, at: at.toUTC().toISO() ?? '' } as CaseCommand,
      });
    return at <= s.end;
  };
  let t = s.at;
  if (s.kind === 'entry-prevented-refused') {
    // refused at the border; a wish made there should still lead to registration (APR Art. 27)
    if (s.wish && rng.chance(0.5))
      add(hours(t, 24, 96), 'case', { type: 'application.registered', disproportionateNumbers: false });
    return;
  }
  let detained = false;
  if (s.kind === 'apprehended-irregular-crossing' && rng.chance(0.25)) {
    const onlyEntry = rng.chance(1 / 8);
    const from = hours(t, 1, 6);
    // never an applicant or an unaccompanied minor on irregular entry alone (C-72/22 PPU; RCD Art. 13(2)); the
    // draws stay those of earlier versions, so the demonstration's other steps do not change
    const grounds: ('irregular-entry' | 'identity' | 'risk-of-absconding')[] = onlyEntry
      ? [s.wishAtEncounter || s.unaccompanied ? 'identity' : 'irregular-entry']
      : [rng.pick(['identity', 'risk-of-absconding'] as const)];
    detained = add(from, 'screening', {
      type: 'detention.ordered',
      grounds,
      reasons: 'synthetic: the grounds in fact and in law, and why a less coercive measure cannot apply',
      // the first review within the 15 days of the ex officio judicial review (RCD Art. 11(3))
      nextReviewBy: from.plus({ days: 14 }).toUTC().toISO() ?? '',
      ...(s.minor
        ? {
            minorBestInterests: 'synthetic: the assessment of the minor’s best interests (RCD Art. 13(2))',
            minorNoAlternative: 'synthetic: why less coercive measures cannot be applied effectively',
          }
        : {}),
    });
  }
  for (const check of ['identity', 'health', 'vulnerability', 'security'] as const)
    add(hours(t, 2, 40), 'screening', {
      type: 'screening.check-recorded',
      check,
      result: 'recorded (synthetic)',
    });
  add(hours(t, 6, 60), 'screening', { type: 'eurodac.transmitted' });
  if (s.wish && !s.wishAtEncounter)
    add(hours(t, 41, 60), 'screening', {
      type: 'asylum-wish.expressed',
      where: 'during screening',
      to: 'screening officer',
    });
  // screening ends within the 7 days of Screening Regulation Art. 8(3), late for 1 in 10
  t = rng.chance(0.9) ? hours(t, 62, 150) : hours(t, 180, 260);
  if (!add(t, 'screening', { type: 'screening.completed', outcome: s.wish ? 'asylum' : 'return' })) return;
  if (detained && s.wish)
    add(hours(t, 24, 24 * 20), 'screening', { type: 'detention.ended', reason: 'alternative-measure' });
  if (!s.wish) {
    // screening ended towards return (status in-return); 6 in 10 leave within two months
    if (detained)
      add(hours(t, 24 * 7, 24 * 30), 'return', { type: 'detention.ended', reason: 'grounds-ceased' });
    if (rng.chance(0.6))
      add(hours(t, 24 * 31, 24 * 60), 'return', { type: 'return.executed', to: s.nationality });
    return;
  }
  // registration: within 5 days of the end of screening (APR Art. 27(1) and (7)) for most
  const r = rng.float();
  if (r >= 0.95) return;
  t = r < 0.85 ? hours(t, 2, 96) : hours(t, 24 * 6, 24 * 9);
  if (!add(t, 'case', { type: 'application.registered', disproportionateNumbers: false })) return;
  const border =
    s.o.lowRecognitionRate(s.nationality, t.toJSDate()) && s.kind !== 'application-at-crossing-point';
  add(
    hours(t, 1, 20),
    'case',
    border
      ? { type: 'application.routed', procedure: 'border', grounds: ['low-recognition-rate'] }
      : { type: 'application.routed', procedure: 'regular', grounds: ['none'] },
  );
  t = hours(t, 24, 24 * 10);
  if (!add(t, 'case', { type: 'application.lodged' })) return;
  t = hours(t, 24 * 5, 24 * (border ? 20 : 45));
  // APR Arts 12–14: the interview in the language of the person's country, with an interpreter (no draw of
  // the random sequence: the demonstration stays as it was)
  if (
    !add(t, 'case', {
      type: 'interview.recorded',
      language: INTERVIEW_LANGUAGE[s.nationality] ?? 'en',
      interpreter: true,
      languageUnderstood: true,
      recordRef: `INT-${t.toFormat('yyyyLLdd-HHmm')}`,
      reportCommentOffered: true,
      interviewer: 'case-officer (synthetic)',
    })
  )
    return;
  t = hours(t, 24 * 3, 24 * (border ? 30 : 90));
  const protect = rng.chance(PROTECTING.has(s.nationality) ? 0.6 : 0.1);
  const decision = protect
    ? rng.pick(['refugee-status', 'subsidiary-protection'] as const)
    : rng.weighted([
        { item: 'unfounded' as const, weight: 6 },
        { item: 'manifestly-unfounded' as const, weight: 2 },
        { item: 'inadmissible' as const, weight: 1 },
        { item: 'implicitly-withdrawn' as const, weight: 1 },
      ]);
  if (!add(t, 'case', { type: 'decision.issued', decision })) return;
  // the decision is notified (APR Art. 67(8)): the time to appeal runs from here
  // (no random draw: the seed's other draws, and the persons it makes, stay as they were)
  t = t.plus({ hours: 26 });
  const means = protect ? 'post' : 'read-out-with-interpreter';
  if (!add(t, 'case', { type: 'decision.notified', means, language: 'en' })) return;
  // an implicit withdrawal names its ground (APR Art. 41(1)): the demonstration's is a missed interview (d)
  const ground =
    decision === 'implicitly-withdrawn'
      ? { implicitWithdrawalGround: 'interview-not-attended' as const }
      : {};
  if (!add(t, 'case', { type: 'decision.issued', decision, ...ground })) return;
  if (protect) return;
  const notifiedAt = t;
  t = hours(t, 24, 24 * 7);
  if (!add(t, 'return', { type: 'return.decided', borderProcedure: border })) return;
  // a return is carried out only once the person may no longer remain (APR Art. 68): after the appeal window
  // (the demonstration's 14 days, moved by a weekend or holiday: 20 days clear it)
  if (rng.chance(0.5))
    add(hours(notifiedAt, 24 * 20, 24 * 60), 'return', { type: 'return.executed', to: s.nationality });
}
