// issue 20: what a member state's installation sends to the Union's: once a month, its aggregate figures in
// the shapes of the statistics it already publishes (src/store/aggregates.ts, with the public outputs'
// small-cell suppression and rounding, src/store/disclosure.ts) and its solidarity balances of the year
// (src/solidarity/balances.ts). Only aggregates: every object is strict, every group a closed code, so a
// person's field cannot pass (and src/federation/personal-fields.ts checks it again on both sides).
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../../law/member-states.ts';
import { ENCOUNTER_KINDS, STATISTICS_METRICS } from '../../domain/vocabulary.ts';
import type { MessageKind } from '../contract.ts';

export const UNION_FIGURES = 'union.figures';
const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

/** A published count: null when suppressed (1 to suppressedBelow − 1), else the rounded value. */
const Count = z.number().int().nonnegative().nullable();
const Metric = z.enum(STATISTICS_METRICS);

const Total = z.object({ metric: Metric, value: Count }).strict();
const ByNationality = z
  .object({
    metric: Metric,
    group: z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('unknown')]),
    value: Count,
  })
  .strict();
const ByKind = z
  .object({ metric: Metric, group: z.union([z.enum(ENCOUNTER_KINDS), z.literal('unknown')]), value: Count })
  .strict();

const Measures = z
  .object({
    relocations: z.number().int().nonnegative(),
    eurCents: z.number().int().nonnegative(),
    alternativesCents: z.number().int().nonnegative(),
  })
  .strict();

export const UnionFiguresBody = z
  .object({
    state: z.enum(MEMBER_STATE_CODES),
    month: z.string().regex(MONTH),
    /** cells from 1 to suppressedBelow − 1 are null */
    suppressedBelow: z.number().int().positive(),
    totals: z.array(Total).max(STATISTICS_METRICS.length),
    byNationality: z.array(ByNationality).max(5000),
    byKind: z.array(ByKind).max(1000),
    /** the state's solidarity balance of the month's year; null when it has no fair share that year */
    solidarity: z
      .object({
        year: z.number().int(),
        pledged: Measures.nullable(),
        afterDeductions: Measures,
        implemented: Measures,
        outstanding: Measures,
      })
      .strict()
      .nullable(),
  })
  .strict();
export type UnionFiguresBody = z.infer<typeof UnionFiguresBody>;

export const UNION_KINDS: readonly MessageKind[] = [
  {
    name: UNION_FIGURES,
    basis:
      'AMMR Art. 9(1) and Art. 60 (the Commission monitors the migratory situation and the implementation of solidarity); aggregates only',
    body: UnionFiguresBody,
    personal: false,
    to: 'union',
  },
];
