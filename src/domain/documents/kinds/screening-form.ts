// Screening Regulation (EU) 2024/1356 Art. 17(1) (SEEN, EN and BG): the screening authorities complete, for the
// persons of Arts 5 and 7, a form containing (a) name, date and place of birth and gender; (b) nationalities or
// statelessness, countries of residence prior to arrival and languages spoken; (c) the reason for which the
// screening was performed; (d) information on the preliminary health check (Art. 12(1)); (e) relevant
// information on the preliminary vulnerability check (Art. 12(3)), in particular any vulnerability or special
// reception or procedural needs identified; (f) whether the person has made an application for international
// protection; (g) information the person gave on family members on the territory of a Member State; (h)
// whether the consultation of databases under Art. 15 resulted in a hit; (i) whether the person complied with
// the obligation to cooperate (Art. 9). Filled from the case: the checks recorded with
// `screening.check-recorded` (identity, health, vulnerability, security = the Art. 15 consultation), Eurodac,
// the application made, the outcome of `screening.completed` and where the person is referred (Art. 18,
// UNCONFIRMED: asylum → the authorities registering applications; return → the return authorities;
// relocation → the relocation procedure). Pact holds no countries of residence (b), family information (g) or
// cooperation finding (i): they print "not recorded". Art. 17(2)–(4) (UNCONFIRMED: the person's access to the
// data and the indication of incorrect information, transmission to the referral authority) are not printed.
// Available once the screening is completed: the form goes with the person at the referral (Art. 18).
import type { DocumentDefinition } from '../definition.ts';
import { localDateTime } from '../values.ts';

const SCREENED_KINDS = [
  'apprehended-irregular-crossing',
  'disembarkation-after-sar',
  'application-at-crossing-point',
  'found-inside-territory',
] as const;

const definition: DocumentDefinition = {
  kind: 'screening-form',
  info: {
    articles: 'Regulation (EU) 2024/1356 (Screening) Arts 17(1) and 18',
    permission: 'case.screening',
    personFacing: false,
  },
  placeholders: [
    'startedAt',
    'residencePrior',
    'screeningReason',
    'identityCheck',
    'healthCheck',
    'vulnerabilityCheck',
    'needs',
    'application',
    'family',
    'databaseHit',
    'eurodac',
    'cooperation',
    'outcome',
    'referredTo',
    'completedAt',
  ],
  words: [
    ...SCREENED_KINDS.map((k) => `screening-reason.${k}`),
    'answer.yes-made',
    'answer.no',
    'outcome.asylum',
    'outcome.return',
    'outcome.relocation',
    'referral.asylum',
    'referral.return',
    'referral.relocation',
  ],
  unavailable: (c) =>
    c.screeningRecord?.completedAt === undefined
      ? 'the screening is not completed (Screening Regulation Arts 17–18: the form is completed at the end of the screening and goes with the person to the authority of referral)'
      : undefined,
  values: (c, ctx) => {
    const s = c.screeningRecord;
    const check = (name: string) => {
      const x = s?.checks[name];
      return x ? `${x.result} (${localDateTime(x.at, ctx.zone)})` : '';
    };
    const kind = (SCREENED_KINDS as readonly string[]).includes(c.encounterKind)
      ? c.encounterKind
      : undefined;
    const needs = [
      ...new Set([...c.person.vulnerabilities, ...(c.needs?.['screening-preliminary']?.needs ?? [])]),
    ];
    return {
      startedAt: localDateTime(c.occurredAt, ctx.zone),
      residencePrior: '',
      screeningReason: kind ? ctx.word(`screening-reason.${kind}`) : '',
      identityCheck: check('identity'),
      healthCheck: check('health'),
      vulnerabilityCheck: check('vulnerability'),
      needs: needs.join(', '),
      application: c.asylumWishAt
        ? `${ctx.word('answer.yes-made')} ${localDateTime(c.asylumWishAt, ctx.zone)}`
        : ctx.word('answer.no'),
      family: '',
      databaseHit: check('security'),
      eurodac: localDateTime(s?.eurodacAt, ctx.zone),
      cooperation: '',
      outcome: s?.outcome ? ctx.word(`outcome.${s.outcome}`) : '',
      referredTo: s?.outcome ? ctx.word(`referral.${s.outcome}`) : '',
      completedAt: localDateTime(s?.completedAt, ctx.zone),
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'intro' },
    { type: 'heading', text: 'section.a' },
    {
      type: 'fields',
      rows: [
        { label: 'label.family-name', value: 'familyName' },
        { label: 'label.given-names', value: 'givenNames' },
        { label: 'label.name-original', value: 'nameOriginalScript' },
        { label: 'label.birth-date', value: 'birthDate' },
        { label: 'label.birth-place', value: 'placeOfBirth' },
        { label: 'label.sex', value: 'sex' },
      ],
    },
    { type: 'heading', text: 'section.b' },
    {
      type: 'fields',
      rows: [
        { label: 'label.nationality', value: 'nationality' },
        { label: 'label.residence-prior', value: 'residencePrior' },
        { label: 'label.languages', value: 'languages' },
      ],
    },
    { type: 'heading', text: 'section.c-i' },
    {
      type: 'fields',
      rows: [
        { label: 'label.reason', value: 'screeningReason' },
        { label: 'label.started', value: 'startedAt' },
        { label: 'label.identity-check', value: 'identityCheck' },
        { label: 'label.documents', value: 'documentNumbers' },
        { label: 'label.health', value: 'healthCheck' },
        { label: 'label.vulnerability', value: 'vulnerabilityCheck' },
        { label: 'label.needs', value: 'needs' },
        { label: 'label.application', value: 'application' },
        { label: 'label.family', value: 'family' },
        { label: 'label.database-hit', value: 'databaseHit' },
        { label: 'label.eurodac', value: 'eurodac' },
        { label: 'label.cooperation', value: 'cooperation' },
      ],
    },
    { type: 'heading', text: 'section.outcome' },
    {
      type: 'fields',
      rows: [
        { label: 'label.outcome', value: 'outcome' },
        { label: 'label.referred', value: 'referredTo' },
        { label: 'label.completed', value: 'completedAt' },
        { label: 'label.authority', value: 'authority' },
        { label: 'label.case', value: 'caseId' },
      ],
    },
    { type: 'signatures', items: ['sign.officer'] },
  ],
};

export default definition;
