// The rules of likely duplicates (src/domain/duplicate-rules.ts): each weight and the threshold, with the
// arithmetic of each expected score written out from the defaults (threshold 0.6; name 0.5 × similarity from
// 0.6, sounds alike 0.9; birth +0.2 / −0.3, tolerance 31 days + 2 years if "about"; nationality +0.1 / −0.2;
// sex −0.5; document +0.6; Eurodac +0.8).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUPLICATE_RULES,
  mergeDuplicateRules,
  type PairFacts,
  scorePair,
} from '../../src/domain/duplicate-rules.ts';

const facts = (over: Partial<PairFacts> = {}): PairFacts => ({
  namesSimilarity: null,
  givenSimilarity: null,
  familySimilarity: null,
  givenSoundsAlike: false,
  familySoundsAlike: false,
  birthGapDays: null,
  birthAbout: false,
  nationalities: ['SY', 'SY'],
  sexes: ['male', 'male'],
  sameDocument: false,
  sameEurodac: false,
  ...over,
});

describe('duplicate rules', () => {
  it('a transliterated name that sounds alike, the same year and nationality: 0.45 + 0.2 + 0.1 = 0.75', () => {
    const s = scorePair(
      facts({
        namesSimilarity: 0.29,
        givenSimilarity: 0.2,
        familySimilarity: 0.7,
        givenSoundsAlike: true,
        familySoundsAlike: true,
        birthGapDays: 0,
        birthAbout: true,
      }),
    );
    expect(s).toEqual({
      score: 0.75,
      reasons: ['name-sound', 'birth-date', 'nationality'],
      nameSimilarity: 0.9,
    });
  });

  it('the same given name only (family names unlike): the name is below 0.6 and nothing identifies: not proposed', () => {
    // (1 + 0.05) / 2 = 0.525 < 0.6
    expect(
      scorePair(
        facts({ namesSimilarity: 0.35, givenSimilarity: 1, familySimilarity: 0.05, birthGapDays: 0 }),
      ),
    ).toBeUndefined();
  });

  it('a birth year and a nationality alone never propose a pair (persons with no name and no document)', () => {
    expect(scorePair(facts({ birthGapDays: 0 }))).toBeUndefined();
  });

  it('the same document alone is enough: 0.6 + 0.1 = 0.7', () => {
    expect(scorePair(facts({ sameDocument: true }))?.score).toBe(0.7);
  });

  it('birth dates further apart than the tolerance count against: 0.5 − 0.3 + 0.1 = 0.3, not proposed', () => {
    const same = { namesSimilarity: 1, givenSimilarity: 1, familySimilarity: 1 };
    expect(scorePair(facts({ ...same, birthGapDays: 32 }))).toBeUndefined();
    // on the tolerance's last day (31 days) the dates still agree: 0.5 + 0.2 + 0.1 = 0.8
    expect(scorePair(facts({ ...same, birthGapDays: 31 }))?.score).toBe(0.8);
    // an estimate ("about") allows 2 years more: 31 + 730 days
    expect(scorePair(facts({ ...same, birthGapDays: 761, birthAbout: true }))?.score).toBe(0.8);
    expect(scorePair(facts({ ...same, birthGapDays: 762, birthAbout: true }))).toBeUndefined();
  });

  it('different known sexes count against (−0.5); unknown and "other" do not', () => {
    const same = { namesSimilarity: 1, givenSimilarity: 1, familySimilarity: 1, birthGapDays: 0 };
    expect(scorePair(facts({ ...same, sexes: ['male', 'female'] }))).toBeUndefined();
    expect(scorePair(facts({ ...same, sexes: ['male', 'unknown'] }))?.score).toBe(0.8);
  });

  it('an override changes one weight and keeps the others; a wrong key is refused', () => {
    const r = mergeDuplicateRules({ threshold: 0.9, document: { weight: 0.9 } });
    expect(r.threshold).toBe(0.9);
    expect(r.document.weight).toBe(0.9);
    expect(r.name).toEqual(DEFAULT_DUPLICATE_RULES.name);
    expect(scorePair(facts({ sameDocument: true }), r)?.score).toBe(1);
    expect(() => mergeDuplicateRules({ treshold: 0.5 })).toThrow();
    expect(() => mergeDuplicateRules({ name: { weigth: 0.5 } })).toThrow();
  });
});
