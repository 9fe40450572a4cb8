// The shape of a legal parameter: a named number (or list) of the law with dated values, each with the
// date it applies from and its citation. Every file in law/ is validated against this schema when the
// registry is built (src/law/parameters.ts) and in a test, so a malformed file fails loudly and early.
import { z } from 'zod';
import { ACT_KEYS } from './acts.ts';
import { MEMBER_STATE_CODES } from './member-states.ts';

export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const DURATION_UNITS = ['hours', 'days', 'working-days', 'weeks', 'months', 'years'] as const;
export const DurationUnit = z.enum(DURATION_UNITS);
export type DurationUnit = z.infer<typeof DurationUnit>;

export const Period = z.object({ amount: z.number().int().positive(), unit: DurationUnit }).strict();
export type Period = z.infer<typeof Period>;

export const UNITS = [
  ...DURATION_UNITS,
  'persons',
  'EUR',
  'percent',
  'years-of-age',
  'states',
  'period-range',
  'date',
] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

/**
 * How sure we are of a value, as pact-rules.md records it:
 * - confirmed: read in the Official Journal text;
 * - reported: read in a rendering of the article or an official summary, not in the OJ second pass;
 * - derived: computed from cited values (the citation says how);
 * - unconfirmed: reported or inferred but not checked against the legal text (pact-rules.md UNCONFIRMED).
 */
export const CitationStatus = z.enum(['confirmed', 'reported', 'derived', 'unconfirmed']);
export type CitationStatus = z.infer<typeof CitationStatus>;

export const Citation = z
  .object({
    act: z.enum(ACT_KEYS),
    /** "27", "Annex I", "recital 15" */
    article: z.string().min(1),
    paragraph: z.string().min(1).optional(),
    subparagraph: z.string().min(1).optional(),
    point: z.string().min(1).optional(),
    status: CitationStatus,
    /** Why the status is what it is; required for anything not confirmed. */
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.status === 'confirmed' || c.note !== undefined, {
    message: 'a citation that is not confirmed must say why in a note',
    path: ['note'],
  });
export type Citation = z.infer<typeof Citation>;

export const StateCode = z.enum(MEMBER_STATE_CODES);

export const PeriodRange = z.object({ min: Period, max: Period }).strict();
export type PeriodRange = z.infer<typeof PeriodRange>;

/** The value a parameter takes, by unit; `null` repeals the parameter from that date on. */
export type ParameterValue = number | string | readonly string[] | PeriodRange | null;

const valueSchemaByUnit: Record<Unit, z.ZodType> = {
  hours: z.number().int().positive(),
  days: z.number().int().positive(),
  'working-days': z.number().int().positive(),
  weeks: z.number().int().positive(),
  months: z.number().int().positive(),
  years: z.number().int().positive(),
  persons: z.number().int().nonnegative(),
  EUR: z.number().nonnegative().multipleOf(0.01),
  percent: z.number().min(0).max(100),
  'years-of-age': z.number().int().nonnegative(),
  states: z.array(StateCode).min(1),
  'period-range': PeriodRange,
  date: IsoDate,
};

export const DatedValue = z
  .object({
    since: IsoDate,
    value: z.unknown(),
    source: Citation,
  })
  .strict();

export const Parameter = z
  .object({
    /** Dotted, lower-case: "<act or topic>.<subject>.<what>". The name is how users and code ask for it. */
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, 'dotted kebab-case name'),
    description: z.string().min(10),
    unit: Unit,
    values: z.array(DatedValue).min(1),
    /** For a national choice: the name of the EU parameter (a period-range) it must stay inside. */
    within: z.string().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const schema = valueSchemaByUnit[p.unit];
    p.values.forEach((v, i) => {
      if (v.value === null) {
        if (i === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['values', i, 'value'],
            message: 'a first value cannot repeal',
          });
        return;
      }
      const r = schema.safeParse(v.value);
      if (!r.success) {
        for (const issue of r.error.issues) {
          ctx.addIssue({
            code: 'custom',
            path: ['values', i, 'value', ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))],
            message: `not a valid value in ${p.unit}: ${issue.message}`,
          });
        }
      }
      const prev = p.values[i - 1];
      if (prev && prev.since >= v.since) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', i, 'since'],
          message: `dates must be strictly increasing (${prev.since} then ${v.since})`,
        });
      }
    });
  });

/** What a law file declares. Values are typed loosely here and checked by the schema above. */
export interface ParameterInput {
  name: string;
  description: string;
  unit: Unit;
  values: readonly { since: string; value: ParameterValue; source: Citation }[];
  within?: string;
}

/** Identity helper so that law files get editor completion; validation happens in the registry. */
export const defineParameters = (params: readonly ParameterInput[]): readonly ParameterInput[] => params;
