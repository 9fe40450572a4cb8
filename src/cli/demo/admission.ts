// issue 22: the demonstration's admission programme (Regulation (EU) 2024/1350) — Belarus's November 2021 offer
// of "a humanitarian corridor for 2,000 refugees who are in the camp", as the Union would run it under the Pact:
// 2,000 from the Bruzgi camp, split among Lithuania, Poland and Latvia by their pledges, and eight synthetic
// referred persons in Lithuania at every step from referral to arrival (an arrival opens the person's case).
// Everything goes through the store's own functions, as the API's would, on the scenario's clock.
import { DateTime } from 'luxon';
import type { Principal } from '../../domain/roles.ts';
import { type AdmissionDeps, createProgramme } from '../../store/admission.ts';
import { createFile, decideFile, recordArrival, recordStep } from '../../store/admission-files.ts';
import type { CaseStore } from '../../store/case-store.ts';
import { ZONE } from './history-plan.ts';

export const DEMO_PROGRAMME = 'Admission from the Bruzgi camp';

/**
 * The pledges (persons) of the three states, 1,000 in all: split by pledges, the 2,000 share out as
 * 2,000 × 400 / 1,000 = 800 (LT), 2,000 × 350 / 1,000 = 700 (PL), 2,000 × 250 / 1,000 = 500 (LV).
 */
const PLEDGES = [
  ['LT', 400],
  ['PL', 350],
  ['LV', 250],
] as const;

/** How far each synthetic referral goes; the dates are the scenario's (autumn 2026, before its end). */
type Goal = 'referred' | 'registered' | 'eligible' | 'refused' | 'admitted' | 'departed' | 'arrived';
const PERSONS: readonly {
  ref: string;
  nationality: string;
  sex: 'female' | 'male';
  birthYear: number;
  referred: string;
  goal: Goal;
}[] = [
  {
    ref: 'BY-BRU-26-0001',
    nationality: 'IQ',
    sex: 'female',
    birthYear: 1988,
    referred: '2026-09-01',
    goal: 'arrived',
  },
  {
    ref: 'BY-BRU-26-0002',
    nationality: 'IQ',
    sex: 'male',
    birthYear: 2012,
    referred: '2026-09-01',
    goal: 'arrived',
  },
  {
    ref: 'BY-BRU-26-0003',
    nationality: 'SY',
    sex: 'male',
    birthYear: 1995,
    referred: '2026-09-15',
    goal: 'departed',
  },
  {
    ref: 'BY-BRU-26-0004',
    nationality: 'AF',
    sex: 'female',
    birthYear: 2001,
    referred: '2026-09-15',
    goal: 'admitted',
  },
  {
    ref: 'BY-BRU-26-0005',
    nationality: 'IQ',
    sex: 'male',
    birthYear: 1979,
    referred: '2026-10-01',
    goal: 'refused',
  },
  {
    ref: 'BY-BRU-26-0006',
    nationality: 'YE',
    sex: 'female',
    birthYear: 1990,
    referred: '2026-10-15',
    goal: 'eligible',
  },
  {
    ref: 'BY-BRU-26-0007',
    nationality: 'SY',
    sex: 'male',
    birthYear: 1984,
    referred: '2026-11-02',
    goal: 'registered',
  },
  {
    ref: 'BY-BRU-26-0008',
    nationality: 'IQ',
    sex: 'female',
    birthYear: 1999,
    referred: '2026-11-16',
    goal: 'referred',
  },
];
const ORDER: readonly Goal[] = ['referred', 'registered', 'eligible', 'admitted', 'departed', 'arrived'];

export interface AdmissionDemo {
  readonly programme: string;
  readonly files: number;
  readonly arrived: number;
}

/** The programme and its files; `clock` is the scenario's (the case store's clock follows it). */
export async function admissionProgramme(
  cases: CaseStore,
  clock: { set(at: Date): void },
  coordinator: Principal,
): Promise<AdmissionDemo> {
  const deps: AdmissionDeps = { db: cases.store.db, law: cases.services.law, uuid: cases.services.uuid };
  /** 10:00 in Vilnius on `day` plus `days`: the day as YYYY-MM-DD and the instant (the clock set to it). */
  const at = (day: string, days = 0) => {
    const d = DateTime.fromISO(day, { zone: ZONE }).plus({ days }).set({ hour: 10 });
    const instant = d.toJSDate();
    clock.set(instant);
    return { on: d.toISODate() as string, now: instant };
  };
  const start = at('2026-07-01');
  const programme = await createProgramme(
    deps,
    {
      name: DEMO_PROGRAMME,
      planStart: '2026-07-01',
      admissionType: 'humanitarian-admission',
      region: 'Bruzgi camp, Belarus–Poland border',
      thirdCountry: 'BY',
      referringOrganisation: 'UNHCR',
      total: 2000,
      splitMethod: 'pledges',
      pledges: PLEDGES.map(([state, persons]) => ({
        state,
        admissionType: 'humanitarian-admission',
        persons,
      })),
    },
    coordinator.jurisdiction,
    coordinator.username,
    start.now,
  );
  let arrived = 0;
  for (const p of PERSONS) {
    const r = at(p.referred);
    const id = await createFile(
      deps,
      programme,
      {
        referralRef: p.ref,
        referredOn: r.on,
        nationality: p.nationality,
        sex: p.sex,
        birthYear: p.birthYear,
        procedure: 'ordinary',
      },
      coordinator,
      r.now,
    );
    const reach = (g: Goal) =>
      p.goal === 'refused'
        ? ORDER.indexOf(g) <= ORDER.indexOf('eligible')
        : ORDER.indexOf(g) <= ORDER.indexOf(p.goal);
    if (reach('registered')) {
      const s = at(p.referred, 3);
      await recordStep(deps, id, { step: 'registered', on: s.on }, coordinator, s.now);
    }
    if (reach('eligible')) {
      const s = at(p.referred, 14);
      const categories =
        p.sex === 'female' ? (['refugee', 'women-and-girls-at-risk'] as const) : (['refugee'] as const);
      await recordStep(
        deps,
        id,
        { step: 'eligibility-assessed', on: s.on, categories: [...categories] },
        coordinator,
        s.now,
      );
    }
    if (p.goal === 'refused') {
      const s = at(p.referred, 21);
      await decideFile(
        deps,
        id,
        {
          outcome: 'refused',
          on: s.on,
          grounds: ['serious-crime'],
          reasons: 'Art. 6(1)(b)(ii): a serious non-political crime (synthetic).',
        },
        coordinator,
        s.now,
      );
      continue;
    }
    if (reach('admitted')) {
      const s = at(p.referred, 21);
      await decideFile(
        deps,
        id,
        {
          outcome: 'admitted',
          on: s.on,
          status: 'refugee-status',
          reasons: 'Eligible under Art. 5(1)(a); no ground of Art. 6 (synthetic).',
        },
        coordinator,
        s.now,
      );
      for (const [step, day] of [
        ['medical-check', 25],
        ['travel-document', 30],
      ] as const) {
        const d = at(p.referred, day);
        await recordStep(deps, id, { step, on: d.on }, coordinator, d.now);
      }
    }
    if (reach('departed')) {
      const s = at(p.referred, 40);
      await recordStep(deps, id, { step: 'departed', on: s.on }, coordinator, s.now);
    }
    if (reach('arrived')) {
      const s = at(p.referred, 41);
      await recordArrival(deps, id, { on: s.on }, coordinator, s.now);
      arrived++;
    }
  }
  return { programme, files: PERSONS.length, arrived };
}
