// National emergency measures beside the Crisis Regulation (issue 17; pact-rules.md §8–§9). They are national
// acts, NOT declarations under Regulation (EU) 2024/1359: neither refers to it. Each measure is data: its act,
// its state, what it does, the longest one activation may last and how it is extended, and the groups of
// persons it never applies to. Its activations (when and where it is switched on) are recorded by an
// administrator (src/store/national-measures.ts); src/domain/guarantees/national-measures.ts refuses a
// refusal of entry under a measure outside an activation, or for a person of an excepted group.
//
// Everything here is REPORTED: the Polish act's and regulation's texts and the Lithuanian amendment's text were
// not read; the facts come from the law brief (§9), the Office for Foreigners' notice of 27 March 2025
// (gov.pl/web/udsc-en, "Restriction of the right to make an application for international protection") and
// the Seimas press release of 25 April 2023 (lrs.lt).
import type { ActKey } from '../acts.ts';
import type { MemberStateCode } from '../member-states.ts';
import { defineParameters } from '../schema.ts';

/** The groups a national measure may except, as a person's recorded facts show them. */
export const EXCEPTED_GROUPS = [
  /** an unaccompanied minor (Person.unaccompanied) */
  'unaccompanied-minor',
  /** a pregnant woman (vulnerability `pregnant`) */
  'pregnant',
  /** a person who may need special treatment for their age or health: a minor, `elderly`, `disability`, `serious-illness` */
  'age-or-health',
  /** a person at real risk of serious harm (the command's `seriousHarmClaimed`) */
  'serious-harm',
  /** a person fleeing armed conflict or persecution (the command's `seriousHarmClaimed`) */
  'fleeing-conflict-or-persecution',
  /** a person seeking entry for humanitarian purposes (the command's `humanitarianPurpose`) */
  'humanitarian-purpose',
] as const;
export type ExceptedGroup = (typeof EXCEPTED_GROUPS)[number];

export const NATIONAL_MEASURE_IDS = ['lt-border-turn-away-2023', 'pl-application-restriction-2025'] as const;
export type NationalMeasureId = (typeof NATIONAL_MEASURE_IDS)[number];

export interface NationalMeasure {
  readonly id: NationalMeasureId;
  readonly state: MemberStateCode;
  readonly act: ActKey;
  /** the provision, as the case page and the refusal name it */
  readonly article: string;
  /** what the measure allows */
  readonly kind: 'refusal-of-entry' | 'application-restriction';
  /** what it applies to, in words (the area, the situation) */
  readonly scope: string;
  /** the longest one activation (or one extension) may last, in calendar days; none: as long as the situation */
  readonly maximumDays?: number;
  /** how an activation is extended */
  readonly extension: string;
  /** whether an extension must cite a consent (the Sejm's) */
  readonly extensionNeedsConsent: boolean;
  readonly exceptedGroups: readonly ExceptedGroup[];
  readonly appliesFrom: string;
  /** how sure the facts are, and why */
  readonly status: 'reported';
  readonly note: string;
}

export const NATIONAL_MEASURES: readonly NationalMeasure[] = [
  {
    id: 'lt-border-turn-away-2023',
    state: 'LT',
    act: 'LT-STATE-BORDER-2023',
    article: 'Law on the State Border and the Guard Thereof (amendment of 25 April 2023)',
    kind: 'refusal-of-entry',
    scope:
      'a state-level extreme situation or state of emergency declared because of a mass influx of foreigners: a foreigner who crossed or intends to cross at a place not designated for it, or in breach of the crossing rules, and is within 5 km of the border, may be refused entry, person by person',
    extension: 'as long as the extreme situation or state of emergency the Government decision rests on',
    extensionNeedsConsent: false,
    exceptedGroups: ['fleeing-conflict-or-persecution', 'humanitarian-purpose'],
    appliesFrom: '2023-05-03',
    status: 'reported',
    note: 'REPORTED (pact-rules.md §8–§9; Seimas press release 25 April 2023): the refusal "will not apply where it is established that a foreigner is fleeing armed conflicts and persecution, as specified in the Government decision, or is seeking to enter … for humanitarian purposes"; those refused undergo an assessment of their need for emergency medical or humanitarian assistance. No exception for minors or vulnerable persons as such was found in the reports (NOT FOUND: the text was not read). No maximum period: the measure lasts as long as the declared situation.',
  },
  {
    id: 'pl-application-restriction-2025',
    state: 'PL',
    act: 'PL-ACT-2025-389',
    article: 'Act of 13 June 2003 on granting protection to foreigners, Arts 33a–33b (Dz.U. 2025 poz. 389)',
    kind: 'application-restriction',
    scope:
      'the Council of Ministers may, by regulation, temporarily restrict the right to apply for international protection at a section of the state border, where instrumentalisation is a serious and real threat to the security of the state or society and other measures are not sufficient',
    maximumDays: 60,
    extension:
      'for a further fixed period of at most 60 days each time, by regulation, after the Sejm has given its consent',
    extensionNeedsConsent: true,
    exceptedGroups: ['unaccompanied-minor', 'pregnant', 'age-or-health', 'serious-harm'],
    appliesFrom: '2025-03-27',
    status: 'reported',
    note: 'REPORTED (pact-rules.md §9; Office for Foreigners notice of 27 March 2025): never applied to unaccompanied minors, pregnant women, persons who may require special treatment in particular because of their age or health, or a person whose circumstances, as the Border Guard assesses them, clearly show a real risk of serious harm. One press report names a further exception (nationals of the state conducting the instrumentalisation): not in the brief, not relied on. First applied to the Belarus border by Dz.U. 2025 poz. 390 from 27 March 2025 for 60 days (to 25 May 2025), extended from 26 May 2025 and repeatedly since (extensions: record them with their acts).',
  },
];

export function findNationalMeasure(id: string): NationalMeasure | undefined {
  return NATIONAL_MEASURES.find((m) => m.id === id);
}

export function getNationalMeasure(id: string): NationalMeasure {
  const m = findNationalMeasure(id);
  if (!m) throw new Error(`unknown national measure ${id}`);
  return m;
}

export default defineParameters([
  {
    name: 'national.pl.application-restriction.maximum-period',
    description:
      "The longest a Polish restriction of the right to apply for international protection at a border section may be introduced for by the Council of Ministers' regulation, and the longest each extension (with the Sejm's consent) may add",
    unit: 'days',
    values: [
      {
        since: '2025-03-27',
        value: 60,
        source: {
          act: 'PL-ACT-2025-389',
          article: '33a',
          status: 'reported',
          note: 'REPORTED: pact-rules.md §9 and the Office for Foreigners notice of 27 March 2025 ("may not exceed 60 days … extended for a fixed period of time, not exceeding 60 days, after the Sejm has given its consent"); the act\'s text (Dz.U. 2025 poz. 389) was not read, and the paragraph of Art. 33a was not identified',
        },
      },
    ],
  },
]);
