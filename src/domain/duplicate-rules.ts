// Likely duplicates (issue #16): the rules that say when two files of one state are probably the same person.
// The store measures each pair in SQL (src/store/duplicates.ts: pg_trgm similarity and fuzzystrmatch's
// dmetaphone over pact_fold(names), birth-date ranges, documents, Eurodac) and this pure function weighs the
// measures. Every weight and the threshold are here, in one place; a state overrides them with a JSON file
// named by PACT_DUPLICATE_RULES (docs/duplicates.md). No rule of law sets them: they are working choices.
import { z } from 'zod';

const Weight = z.number().min(-1).max(1);

export const DuplicateRules = z
  .object({
    /** the score from which a pair is proposed for review */
    threshold: z.number().min(0).max(3),
    name: z
      .object({
        /** weight of the name, times its similarity (0..1) */
        weight: Weight,
        /** below this similarity the name counts for nothing */
        minSimilarity: z.number().min(0).max(1),
        /** the similarity credited to a part of the name that sounds alike (dmetaphone) but is spelt otherwise */
        soundsAlike: z.number().min(0).max(1),
      })
      .strict(),
    birth: z
      .object({
        /** added when the dates of birth (ranges of their precision) are within the tolerance */
        weight: Weight,
        /** subtracted when they are further apart */
        contradiction: Weight,
        /** days between two ranges still counted as the same date (a slip in the day or month) */
        toleranceDays: z.number().int().min(0).max(3650),
        /** more years allowed when either date is an estimate ("about") */
        aboutToleranceYears: z.number().int().min(0).max(20),
      })
      .strict(),
    nationality: z.object({ weight: Weight, contradiction: Weight }).strict(),
    /** both sexes known and different */
    sex: z.object({ contradiction: Weight }).strict(),
    /** the same document number (letters and digits, upper case) */
    document: z.object({ weight: Weight }).strict(),
    /** the same Eurodac reference */
    eurodac: z.object({ weight: Weight }).strict(),
  })
  .strict();
export type DuplicateRules = z.infer<typeof DuplicateRules>;

/** The defaults (docs/duplicates.md shows them with an example). */
export const DEFAULT_DUPLICATE_RULES: DuplicateRules = {
  threshold: 0.6,
  name: { weight: 0.5, minSimilarity: 0.6, soundsAlike: 0.9 },
  birth: { weight: 0.2, contradiction: 0.3, toleranceDays: 31, aboutToleranceYears: 2 },
  nationality: { weight: 0.1, contradiction: 0.2 },
  sex: { contradiction: 0.5 },
  document: { weight: 0.6 },
  eurodac: { weight: 0.8 },
};

/** A file that overrides some of the rules: any part may be left out (the default holds). */
export const DuplicateRulesOverride = z
  .object({
    threshold: z.number().optional(),
    name: z.record(z.string(), z.number()).optional(),
    birth: z.record(z.string(), z.number()).optional(),
    nationality: z.record(z.string(), z.number()).optional(),
    sex: z.record(z.string(), z.number()).optional(),
    document: z.record(z.string(), z.number()).optional(),
    eurodac: z.record(z.string(), z.number()).optional(),
  })
  .strict();

/** The rules with an override laid over the defaults, validated as a whole (an unknown key is an error). */
export function mergeDuplicateRules(override: unknown, base = DEFAULT_DUPLICATE_RULES): DuplicateRules {
  const o = DuplicateRulesOverride.parse(override);
  return DuplicateRules.parse({
    threshold: o.threshold ?? base.threshold,
    name: { ...base.name, ...o.name },
    birth: { ...base.birth, ...o.birth },
    nationality: { ...base.nationality, ...o.nationality },
    sex: { ...base.sex, ...o.sex },
    document: { ...base.document, ...o.document },
    eurodac: { ...base.eurodac, ...o.eurodac },
  });
}

/** What the store measured of a pair of files (null: not known on one side). */
export interface PairFacts {
  /** trigram similarity of all the names (pact_fold) */
  readonly namesSimilarity: number | null;
  /** trigram similarity of the given names and of the family names, when both sides have them */
  readonly givenSimilarity: number | null;
  readonly familySimilarity: number | null;
  /** whether the first given name, and the family name, sound alike (dmetaphone of the folded name) */
  readonly givenSoundsAlike: boolean;
  readonly familySoundsAlike: boolean;
  /** days between the two date-of-birth ranges (0 if they overlap) */
  readonly birthGapDays: number | null;
  /** either date of birth is an estimate */
  readonly birthAbout: boolean;
  readonly nationalities: readonly [string | null, string | null];
  readonly sexes: readonly [string | null, string | null];
  readonly sameDocument: boolean;
  readonly sameEurodac: boolean;
}

/** Why a pair was proposed: codes the web words (`duplicates.reason.<code>`). */
export const DUPLICATE_REASONS = [
  'name',
  'name-sound',
  'birth-date',
  'nationality',
  'document',
  'eurodac',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface PairScore {
  readonly score: number;
  readonly reasons: readonly DuplicateReason[];
  /** the name's similarity as weighed (0..1), or null if a side has no name */
  readonly nameSimilarity: number | null;
}

const known = (v: string | null): v is string => v !== null && v !== 'XX' && v !== 'unknown';

/** The similarity of the names: given and family names each (a part that sounds alike counts `soundsAlike`). */
export function nameSimilarity(f: PairFacts, rules: DuplicateRules): number | null {
  if (f.givenSimilarity !== null && f.familySimilarity !== null) {
    const given = Math.max(f.givenSimilarity, f.givenSoundsAlike ? rules.name.soundsAlike : 0);
    const family = Math.max(f.familySimilarity, f.familySoundsAlike ? rules.name.soundsAlike : 0);
    return Math.max((given + family) / 2, f.namesSimilarity ?? 0);
  }
  return f.namesSimilarity;
}

/**
 * The score of a pair, or undefined when it is not to be proposed. A pair is only ever proposed on an
 * identifying fact — a similar name, the same document or the same Eurodac reference: a birth year and a
 * nationality alone say nothing of who a person is.
 */
export function scorePair(
  f: PairFacts,
  rules: DuplicateRules = DEFAULT_DUPLICATE_RULES,
): PairScore | undefined {
  const reasons: DuplicateReason[] = [];
  let score = 0;
  const name = nameSimilarity(f, rules);
  if (name !== null && name >= rules.name.minSimilarity) {
    score += rules.name.weight * name;
    // "name-sound": the name reaches the minimum only because parts of it sound alike (spelt otherwise)
    const spelt = nameSimilarity(f, { ...rules, name: { ...rules.name, soundsAlike: 0 } }) ?? 0;
    reasons.push(spelt >= rules.name.minSimilarity ? 'name' : 'name-sound');
  }
  if (f.sameDocument) {
    score += rules.document.weight;
    reasons.push('document');
  }
  if (f.sameEurodac) {
    score += rules.eurodac.weight;
    reasons.push('eurodac');
  }
  if (reasons.length === 0) return undefined;
  if (f.birthGapDays !== null) {
    const tolerance = rules.birth.toleranceDays + (f.birthAbout ? rules.birth.aboutToleranceYears * 365 : 0);
    if (f.birthGapDays <= tolerance) {
      score += rules.birth.weight;
      reasons.push('birth-date');
    } else score -= rules.birth.contradiction;
  }
  const [n1, n2] = f.nationalities;
  if (known(n1) && known(n2)) {
    if (n1 === n2) {
      score += rules.nationality.weight;
      reasons.push('nationality');
    } else score -= rules.nationality.contradiction;
  }
  const [s1, s2] = f.sexes;
  if (known(s1) && known(s2) && s1 !== 'other' && s2 !== 'other' && s1 !== s2)
    score -= rules.sex.contradiction;
  const rounded = Math.round(score * 1000) / 1000;
  return rounded >= rules.threshold ? { score: rounded, reasons, nameSimilarity: name } : undefined;
}
