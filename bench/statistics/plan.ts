import { ENCOUNTER_KINDS } from '../../src/domain/vocabulary.ts';

/** Raw SQL on one session (PostgreSQL: a dedicated client; PGlite: its one connection). */
export type Exec = (text: string) => Promise<Record<string, unknown>[]>;

export const KINDS = ENCOUNTER_KINDS;
export const SCREENED = `('${KINDS[0]}', '${KINDS[2]}', '${KINDS[4]}', '${KINDS[5]}')`;
export const LT_SECTIONS = ['LT-BY-1', 'LT-BY-2', 'LT-BY-3', 'LT-BY-4', 'LT-RU-1'];
export const LT_POINTS = ['LT-CP-MEDININKAI', 'LT-CP-SALCININKAI', 'LT-CP-RAIGARDAS', 'LT-CP-PANEMUNE'];
// weighted by repetition (Belarus border, 2021–2024 pattern), 'XX' = stateless/unknown code
export const NATIONALITIES = 'IQ IQ IQ IQ SY SY SY AF AF AF IN IN ER SO CM CD IR RU TJ LK PK BY XX'.split(
  ' ',
);
export const arr = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(', ')}]`;
export const days = (x: string) => `(${x}) * interval '1 day'`;
export const hours = (x: string) => `(${x}) * interval '1 hour'`;

export const PLACES_SQL = `insert into places (id, state, kind, name, border_section) values
  ${LT_SECTIONS.map((s) => `('${s}', 'LT', 'border-section', 'Section ${s}', null)`).join(', ')},
  ('LT-CP-MEDININKAI', 'LT', 'crossing-point', 'Medininkai', 'LT-BY-1'),
  ('LT-CP-SALCININKAI', 'LT', 'crossing-point', 'Šalčininkai', 'LT-BY-2'),
  ('LT-CP-RAIGARDAS', 'LT', 'crossing-point', 'Raigardas', 'LT-BY-4'),
  ('LT-CP-PANEMUNE', 'LT', 'crossing-point', 'Panemunė', 'LT-RU-1'),
  ('LT-ST-VILNIUS', 'LT', 'station', 'Vilnius station', null),
  ('PL-BY-1', 'PL', 'border-section', 'Section PL-BY-1', null),
  ('PL-CP-TERESPOL', 'PL', 'crossing-point', 'Terespol', 'PL-BY-1')`;

// The plan: one row per person (case), with the time of every step of its log (null: not (yet) happened).
export const PLAN_COLUMNS: [string, string][] = [
  ['case_id', 'uuid'],
  ['encounter_id', 'uuid'],
  ['state', 'char(2)'],
  ['kind', 'text'],
  ['occ', 'timestamptz'],
  ['nationality', 'char(2)'],
  ['sex', 'text'],
  ['birth_year', 'int'],
  ['minor', 'boolean'],
  ['screened', 'boolean'],
  ['wish_at', 'timestamptz'],
  ['wish_in_enc', 'boolean'],
  ['det_grounds', 'text[]'],
  ['decision', 'text'],
  ['rejected', 'boolean'],
  ['t_check1', 'timestamptz'],
  ['t_check2', 'timestamptz'],
  ['t_eurodac', 'timestamptz'],
  ['t_wish', 'timestamptz'],
  ['t_det_ord', 'timestamptz'],
  ['t_det_rev', 'timestamptz'],
  ['t_refused', 'timestamptz'],
  ['t_screen_done', 'timestamptz'],
  ['reg_start', 'timestamptz'],
  ['t_reg', 'timestamptz'],
  ['t_missed', 'timestamptz'],
  ['t_absc', 'timestamptz'],
  ['t_lodged', 'timestamptz'],
  ['t_interview', 'timestamptz'],
  ['t_decision', 'timestamptz'],
  ['t_appeal', 'timestamptz'],
  ['t_appeal_dec', 'timestamptz'],
  ['t_ret_dec', 'timestamptz'],
  ['t_det_end', 'timestamptz'],
  ['t_ret_exec', 'timestamptz'],
  ['t_closed', 'timestamptz'],
  ['status', 'text'],
  ['flags', 'text[]'],
];

/** The steps of a log, in seq order: [time column, type, role, legal basis, payload]. */
export const STEPS: [string, string, string, string, string][] = [
  [
    'occ',
    'encounter.recorded',
    'border-guard',
    'Regulation (EU) 2024/1356 Arts 5 and 7',
    `jsonb_build_object('caseId', p.case_id, 'encounterId', p.encounter_id, 'encounterKind', p.kind,
      'occurredAt', p.occ, 'person', jsonb_build_object('nationality', p.nationality, 'sex', p.sex,
        'birthYear', p.birth_year, 'minor', p.minor, 'unaccompanied', false, 'vulnerabilities', '[]'::jsonb)
        || case when p.wish_in_enc then jsonb_build_object('asylumWish', jsonb_build_object('at', p.wish_at,
             'where', 'border', 'to', 'border guard')) else '{}'::jsonb end,
      'status', case when p.screened then 'in-screening' when p.kind = '${KINDS[1]}' then 'refused-entry'
        else 'encountered' end,
      'opens', case when p.screened then jsonb_build_array(jsonb_build_object('kind', 'screening',
        'dueAt', p.occ + interval '7 days', 'article', 'Screening Regulation Art. 8(3)')) else '[]'::jsonb end,
      'flags', '[]'::jsonb)`,
  ],
  [
    't_check1',
    'screening.check-recorded',
    'border-guard',
    'Regulation (EU) 2024/1356 Art. 12',
    `'{"check":"health","result":"no-concern"}'::jsonb`,
  ],
  [
    't_check2',
    'screening.check-recorded',
    'border-guard',
    'Regulation (EU) 2024/1356 Art. 15',
    `'{"check":"security","result":"no-hit"}'::jsonb`,
  ],
  ['t_eurodac', 'eurodac.transmitted', 'border-guard', 'Regulation (EU) 2024/1358 Art. 22', `'{}'::jsonb`],
  [
    't_wish',
    'asylum-wish.expressed',
    'border-guard',
    'Regulation (EU) 2024/1348 Art. 26',
    `jsonb_build_object('at', p.wish_at, 'where', 'station', 'to', 'border guard')`,
  ],
  [
    't_det_ord',
    'detention.ordered',
    'border-guard',
    'Directive (EU) 2024/1346 Art. 10',
    `jsonb_build_object('grounds', to_jsonb(p.det_grounds), 'place', 'Pabradė FRC', 'reason', 'synthetic')`,
  ],
  [
    't_det_rev',
    'detention.reviewed',
    'border-guard',
    'Directive (EU) 2024/1346 Art. 11',
    `'{"outcome":"continued"}'::jsonb`,
  ],
  [
    't_refused',
    'entry.refused',
    'border-guard',
    'Regulation (EU) 2016/399 Art. 14',
    `'{"reason":"no-valid-documents"}'::jsonb`,
  ],
  [
    't_screen_done',
    'screening.completed',
    'border-guard',
    'Regulation (EU) 2024/1356 Art. 18',
    `jsonb_build_object('outcome', case when p.wish_at is not null then 'asylum' else 'return' end)`,
  ],
  ['t_reg', 'application.registered', 'asylum-officer', 'Regulation (EU) 2024/1348 Art. 27', `'{}'::jsonb`],
  [
    't_missed',
    'obligation.missed',
    'system',
    'Regulation (EU) 2024/1348 Art. 27(1)',
    `jsonb_build_object('kind', 'registration', 'dueAt', p.reg_start + interval '5 days')`,
  ],
  ['t_absc', 'person.absconded', 'asylum-officer', 'Regulation (EU) 2024/1348 Art. 41', `'{}'::jsonb`],
  ['t_lodged', 'application.lodged', 'asylum-officer', 'Regulation (EU) 2024/1348 Art. 28', `'{}'::jsonb`],
  [
    't_interview',
    'interview.recorded',
    'asylum-officer',
    'Regulation (EU) 2024/1348 Art. 13',
    `'{"language":"ar"}'::jsonb`,
  ],
  [
    't_decision',
    'decision.issued',
    'asylum-officer',
    'Regulation (EU) 2024/1348 Art. 35',
    `jsonb_build_object('decision', p.decision, 'procedure', 'regular')`,
  ],
  ['t_appeal', 'appeal.lodged', 'asylum-officer', 'Regulation (EU) 2024/1348 Art. 67', `'{}'::jsonb`],
  [
    't_appeal_dec',
    'appeal.decided',
    'asylum-officer',
    'Regulation (EU) 2024/1348 Art. 69',
    `'{"outcome":"rejected"}'::jsonb`,
  ],
  ['t_ret_dec', 'return.decided', 'return-officer', 'Directive 2008/115/EC Art. 6', `'{}'::jsonb`],
  [
    't_det_end',
    'detention.ended',
    'border-guard',
    'Directive (EU) 2024/1346 Art. 10',
    `'{"reason":"released"}'::jsonb`,
  ],
  ['t_ret_exec', 'return.executed', 'return-officer', 'Directive 2008/115/EC Art. 8', `'{}'::jsonb`],
  ['t_closed', 'case.closed', 'asylum-officer', 'Pact case management', `'{}'::jsonb`],
];

/** Encounters g ∈ [lo, hi) of `total` (with their counted nationalities) and the plan of their persons. */
