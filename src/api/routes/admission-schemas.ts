// The request and response schemas of the admission routes (Regulation (EU) 2024/1350): programmes, their
// split and progress, admission files and their steps, the Union's view and the public statistics. The web
// imports the inferred types through src/api/contract.ts.
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import {
  ADMISSION_PROCEDURES,
  ADMISSION_TYPES,
  ELIGIBILITY_CATEGORIES,
  FILE_STATUSES,
  FILE_STEPS,
  GRANTED_STATUSES,
  RECORDED_STEPS,
  REFUSAL_GROUNDS,
  SPLIT_METHODS,
} from '../../domain/admission/vocabulary.ts';
import { Nationality } from '../../domain/command-parts.ts';

export const AdmissionState = z.enum(MEMBER_STATE_CODES);
/** A day of the Framework: it applies from 12 June 2026 (Art. 16(2)); nothing of it is dated earlier. */
export const AdmissionDay = z.iso
  .date()
  .refine((d) => d >= '2026-06-12', 'a date from 2026-06-12, when Regulation (EU) 2024/1350 applies')
  .refine((d) => d <= '2100-12-31', 'a date before 2101');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Persons = z.number().int().min(1).max(1_000_000);

export const PledgeInput = z
  .object({
    state: AdmissionState,
    admissionType: z.enum(ADMISSION_TYPES),
    persons: Persons,
  })
  .strict();

export const NewProgramme = z
  .object({
    name: Text(200).describe('e.g. "Admission from the Bruzgi camp"'),
    planStart: AdmissionDay.describe(
      'first day of the Union Plan period (Art. 8(1): two years); the period ends two years later',
    ),
    admissionType: z.enum(ADMISSION_TYPES),
    region: Text(200).describe('the region, third country or camp admission takes place from'),
    thirdCountry: Nationality.optional().describe('ISO code of the third country, if one'),
    referringOrganisation: Text(200)
      .default('UNHCR')
      .describe('who refers persons (Art. 9(1): UNHCR, EUAA…)'),
    total: Persons.describe('persons to admit in the programme'),
    splitMethod: z.enum(SPLIT_METHODS),
    pledges: z
      .array(PledgeInput)
      .min(1)
      .max(27)
      .describe('each pledging state once, with its pledge (the split by pledges shares the total by these)'),
  })
  .strict();

export const ProgrammeId = z.object({ id: z.uuid() }).strict();

export const ShareView = z.object({
  state: z.string(),
  pledged: z.number(),
  admissionType: z.enum(ADMISSION_TYPES),
  /** the state's part of the programme's total by the split method */
  share: z.number(),
  /** the state's key in percent (reference-key split only) */
  keyPercent: z.number().optional(),
  /** issue 22: the exact quota before rounding (total × pledge / Σ pledges, or total × key) */
  quota: z.number(),
});

export const ProgressView = z.object({
  state: z.string(),
  referred: z.number(),
  registered: z.number(),
  eligible: z.number(),
  refused: z.number(),
  decided: z.number(),
  admitted: z.number(),
  departed: z.number(),
  arrived: z.number(),
  withdrawn: z.number(),
});

export const DeadlineView = z.object({
  fileId: z.string(),
  programmeId: z.string(),
  referralRef: z.string(),
  procedure: z.enum(ADMISSION_PROCEDURES),
  registeredOn: z.string(),
  /** the last day of the decision period (Art. 9 or 10, counted by Regulation 1182/71) */
  decisionDueOn: z.string(),
  overdue: z.boolean(),
  daysLeft: z.number(),
  article: z.string(),
});

export const ProgrammeSummary = z.object({
  id: z.string(),
  name: z.string(),
  planStart: z.string(),
  planEnd: z.string(),
  admissionType: z.enum(ADMISSION_TYPES),
  region: z.string(),
  thirdCountry: z.string().nullable(),
  referringOrganisation: z.string(),
  total: z.number(),
  splitMethod: z.enum(SPLIT_METHODS),
  states: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ProgrammeView = ProgrammeSummary.extend({
  split: z.array(ShareView),
  /** how the split was computed (the rule, the rounding, the reference data's years) */
  splitTrace: z.array(z.string()),
  /** issue 22: what the split was computed from, for the reader's own language (the trace is English, for the CLI) */
  splitBasis: z.discriminatedUnion('method', [
    z.object({ method: z.literal('pledges'), total: z.number(), pledgeSum: z.number() }),
    z.object({
      method: z.literal('reference-key'),
      total: z.number(),
      populationWeight: z.number(),
      gdpWeight: z.number(),
      populationYear: z.number(),
      gdpYear: z.number(),
      states: z.number(),
    }),
  ]),
  progress: z.array(ProgressView),
  /** the open decision deadlines of the caller's own state's files, the soonest first (none for the Union) */
  deadlines: z.array(DeadlineView),
});

export const NewFile = z
  .object({
    referralRef: Text(60).describe(
      "the referring organisation's reference of the person (e.g. a UNHCR case number)",
    ),
    referredOn: AdmissionDay,
    nationality: Nationality.describe('ISO code; XX unknown, XS stateless'),
    sex: z.enum(['female', 'male', 'other']).optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    procedure: z.enum(ADMISSION_PROCEDURES),
  })
  .strict();

export const FileId = z.object({ id: z.uuid() }).strict();

export const StepBody = z
  .object({
    step: z.enum(RECORDED_STEPS),
    on: AdmissionDay,
    /** eligibility-assessed: the categories of Art. 5 the person falls within */
    categories: z.array(z.enum(ELIGIBILITY_CATEGORIES)).min(1).max(9).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const DecisionBody = z
  .object({
    outcome: z.enum(['admitted', 'refused']),
    on: AdmissionDay,
    /** refused: the grounds of Art. 6(1) */
    grounds: z.array(z.enum(REFUSAL_GROUNDS)).min(1).max(8).optional(),
    /** admitted: the status the person is to hold on arrival */
    status: z.enum(GRANTED_STATUSES).optional(),
    reasons: Text(2000).describe('the reasons of the decision (Art. 9: stated in writing)'),
  })
  .strict();

export const ArrivalBody = z.object({ on: AdmissionDay }).strict();

export const FileStepView = z.object({
  step: z.enum(FILE_STEPS),
  on: z.string(),
  by: z.string(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export const FileView = z.object({
  id: z.string(),
  programmeId: z.string(),
  state: z.string(),
  referralRef: z.string(),
  referredOn: z.string(),
  nationality: z.string(),
  sex: z.string().nullable(),
  birthYear: z.number().nullable(),
  procedure: z.enum(ADMISSION_PROCEDURES),
  status: z.enum(FILE_STATUSES),
  categories: z.array(z.enum(ELIGIBILITY_CATEGORIES)),
  grounds: z.array(z.enum(REFUSAL_GROUNDS)),
  grantedStatus: z.enum(GRANTED_STATUSES).nullable(),
  registeredOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionDueOn: z.string().nullable(),
  overdue: z.boolean(),
  departedOn: z.string().nullable(),
  arrivedOn: z.string().nullable(),
  /** the case made on arrival in this state's case store (null until arrival, or where none is made) */
  caseId: z.string().nullable(),
  /** the steps a user may record next */
  next: z.array(z.string()),
  steps: z.array(FileStepView),
});

export const ArrivalResult = z.object({
  id: z.string(),
  status: z.literal('arrived'),
  grantedStatus: z.enum(GRANTED_STATUSES),
  caseId: z.string().nullable(),
});

/** GET /api/union/admission: pledges against admissions per state (no personal data; Union roles). */
export const UnionAdmission = z.object({
  states: z.array(
    z.object({
      state: z.string(),
      pledged: z.number(),
      byType: z.object(
        Object.fromEntries(ADMISSION_TYPES.map((t) => [t, z.number()])) as Record<
          (typeof ADMISSION_TYPES)[number],
          z.ZodNumber
        >,
      ),
      /** counts of persons, small ones (1–4) hidden as null */
      admitted: z.number().nullable(),
      arrived: z.number().nullable(),
      refused: z.number().nullable(),
    }),
  ),
  programmes: z.number(),
  suppressedBelow: z.number(),
});

const count = z.number().int().nullable();
/** GET /api/public/admissions: arrivals by programme, nationality and period. */
export const PublicAdmissions = z.object({
  state: z.string(),
  from: z.string(),
  to: z.string(),
  granularity: z.string(),
  suppressed: z.boolean(),
  suppressedBelow: z.number().int(),
  note: z.string(),
  rows: z.array(
    z.object({
      period: z.string(),
      programme: z.string(),
      nationality: z.string(),
      arrivals: count,
      suppressed: z.literal(true).optional(),
    }),
  ),
});

// issue 22: the programme's files listed (GET /api/admission/programmes/:id/files)
export const FileListQuery = z.object({ stage: z.enum(FILE_STATUSES).optional() }).strict();
export const FileListItem = z.object({
  id: z.string(),
  /** the referring organisation's reference: no name, no facts of the person */
  referralRef: z.string(),
  referredOn: z.string(),
  procedure: z.enum(ADMISSION_PROCEDURES),
  /** the file's current step */
  status: z.enum(FILE_STATUSES),
  /** the last day of the decision period while one runs */
  decisionDueOn: z.string().nullable(),
  grantedStatus: z.enum(GRANTED_STATUSES).nullable(),
  /** the person's case, once arrived */
  caseId: z.string().nullable(),
});
export const FileList = z.array(FileListItem);
