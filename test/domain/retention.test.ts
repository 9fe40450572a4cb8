// The retention rules (docs/retention.md): which period of the Eurodac Regulation's Art. 29 applies to whom,
// with its value read from the law on a day, the national setting where the law sets none, and what the
// sweep takes out of a log entry's payload. Synthetic values.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_SETTINGS,
  identityCategory,
  identityRule,
  reasonOf,
  withoutIdentity,
} from '../../src/domain/retention.ts';
import { ENCOUNTER_KINDS } from '../../src/domain/vocabulary.ts';
import { LAW } from '../../src/law/law.ts';

describe('retention periods', () => {
  it.each([
    // Art. 29(1): applicants 10 years; 29(6) apprehended crossing (Art. 22) 5 years; 29(7) staying illegally
    // (Art. 23) 5 years; 29(8) disembarked after search and rescue (Art. 24) 5 years
    ['apprehended-irregular-crossing', true, 'applicant', 10, 'Art. 29(1)'],
    ['apprehended-irregular-crossing', false, 'irregular-crosser', 5, 'Art. 29(6)'],
    ['found-inside-territory', false, 'illegal-stayer', 5, 'Art. 29(7)'],
    ['disembarkation-after-sar', false, 'disembarked', 5, 'Art. 29(8)'],
    ['application-at-crossing-point', false, 'applicant', 10, 'Art. 29(1)'],
  ] as const)('%s (wish %s) is %s: %i years, Eurodac %s', (kind, wish, category, years, article) => {
    expect(identityCategory(kind, wish)).toBe(category);
    const rule = identityRule(LAW, category, '2026-06-12');
    expect(rule.period).toEqual({ amount: years, unit: 'years' });
    expect(reasonOf(rule)).toContain(`Eurodac Regulation ${article}`);
  });

  it('a person refused entry and turned back is in no Eurodac category: the national setting applies', () => {
    const rule = identityRule(LAW, identityCategory('entry-prevented-refused', false), '2026-06-12');
    expect(rule.source).toEqual({ kind: 'national-setting', setting: 'refusedEntry' });
    expect(rule.period).toEqual(DEFAULT_RETENTION_SETTINGS.refusedEntry);
  });

  it('every encounter kind has a category (none is left without a period)', () => {
    for (const k of ENCOUNTER_KINDS)
      for (const w of [true, false])
        expect(identityRule(LAW, identityCategory(k, w), '2026-06-12').period.amount).toBeGreaterThan(0);
  });

  it('the day before the Eurodac Regulation applies (12 June 2026), its periods cannot be asked', () => {
    expect(() => identityRule(LAW, 'applicant', '2026-06-11')).toThrow(/not in force|before/);
  });
});

describe('withoutIdentity', () => {
  it('takes every identity object out, at any depth, and keeps what statistics read', () => {
    const payload = {
      person: {
        nationality: 'IQ',
        sex: 'male',
        birthYear: 1990,
        asylumWish: { at: 'x' },
        identity: { familyName: 'N' },
      },
      decision: 'rejected',
      grounds: ['a'],
      old: { person: { identity: { givenNames: 'M' } } },
    };
    expect(withoutIdentity(payload)).toEqual({
      person: { nationality: 'IQ', sex: 'male', birthYear: 1990, asylumWish: { at: 'x' } },
      decision: 'rejected',
      grounds: ['a'],
      old: { person: {} },
    });
  });

  it('takes out the old and new values and the reason of an amendment of an identity field, not of another field', () => {
    // officers write what the passport reads in the reason of a name's correction (review of #16, finding 6)
    const changes = [
      { field: 'identity.familyName', old: 'A', new: 'B', reason: 'passport reads ALHASAN Muhammad' },
      { field: 'person.identity.familyName', from: 'A', to: 'B', reason: 'typo' },
      { field: 'person.birthYear', from: 1990, to: 2010, reason: 'document' },
    ];
    expect(withoutIdentity({ changes })).toEqual({
      changes: [
        { field: 'identity.familyName' },
        { field: 'person.identity.familyName' },
        { field: 'person.birthYear', from: 1990, to: 2010, reason: 'document' },
      ],
    });
  });
});
