// Who the person is (issue #16): values that cannot be true are refused at entry, minority follows from the
// date of birth (APR Art. 25(2): where the age range includes an age below 18, the person is presumed a
// minor; Screening Regulation Art. 2, point (9): a minor is below 18), and identity.recorded (Screening
// Regulation Art. 14) completes the identity without overwriting it. Synthetic persons only; the boundaries
// are counted by hand from the encounter's day, 7 December 2026 (Vilnius, +02:00).
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import { CaseCommand, RecordEncounter } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { ctx, encounter, person } from './fixtures.ts';

const MET = '2026-12-07T04:10:00+02:00';

/** The issues of an encounter of one person, as [path, code]. */
function issues(p: Record<string, unknown>, occurredAt = MET): [string, string][] {
  const r = RecordEncounter.safeParse({
    ref: 'LT-T-1',
    state: 'LT',
    occurredAt,
    kind: 'apprehended-irregular-crossing',
    groupSize: 1,
    persons: [{ nationality: 'IQ', ...p }],
  });
  if (r.success) return [];
  return r.error.issues.map((i) => [
    i.path.join('/'),
    String((i as { params?: { code?: string } }).params?.code ?? i.code),
  ]);
}

const full = (value: string) => ({ identity: { birthDate: { value, precision: 'full' } } });

describe('values that cannot be true are refused at entry', () => {
  it('born on the day of the encounter is accepted; born the day after is refused (born-after-encounter)', () => {
    expect(issues(full('2026-12-07'))).toEqual([]);
    expect(issues(full('2026-12-08'))).toEqual([
      ['persons/0/identity/birthDate/value', 'born-after-encounter'],
    ]);
  });

  it("the encounter's own date counts, as its offset states it: met at 00:30 Vilnius time on 8 December, born 8 December is accepted", () => {
    expect(issues(full('2026-12-08'), '2026-12-08T00:30:00+02:00')).toEqual([]);
  });

  it('the finding of issue #16: a birth year of 2030 for a person met in 2026 is refused; 2026 itself is accepted', () => {
    expect(issues({ birthYear: 2030 })).toEqual([['persons/0/birthYear', 'born-after-encounter']]);
    expect(issues({ birthYear: 2026 })).toEqual([]);
    expect(issues({ identity: { birthDate: { value: '2027-01', precision: 'year-month' } } })).toEqual([
      ['persons/0/identity/birthDate/value', 'born-after-encounter'],
    ]);
  });

  it('an age of 120 on the day of the encounter is accepted, 121 refused (older-than-maximum-age, a plausibility rule)', () => {
    // born 7 Dec 1906: 120 on 7 Dec 2026; born 6 Dec 1905: 121 since the day before
    expect(issues(full('1906-12-07'))).toEqual([]);
    expect(issues(full('1905-12-07'))).toEqual([
      ['persons/0/identity/birthDate/value', 'older-than-maximum-age'],
    ]);
    // the day before the 121st birthday: still 120
    expect(issues(full('1905-12-08'))).toEqual([]);
  });

  it('the youngest age the date allows counts: a birth year 1905 may be a person of 120 (born 31 Dec), 1904 may not', () => {
    expect(issues({ birthYear: 1905 })).toEqual([]);
    expect(issues({ birthYear: 1904 })).toEqual([['persons/0/birthYear', 'older-than-maximum-age']]);
    expect(issues({ identity: { birthDate: { value: '1905', precision: 'about' } } })).toEqual([]);
  });

  it('a birth year that is not the year of the date of birth is refused; the same year is accepted', () => {
    expect(issues({ birthYear: 1990, ...full('1991-03-04') })).toEqual([
      ['persons/0/birthYear', 'birth-year-disagrees-with-birth-date'],
    ]);
    expect(issues({ birthYear: 1991, ...full('1991-03-04') })).toEqual([]);
  });

  it('a document that expired before it was issued is refused; expiring the day it was issued is accepted', () => {
    const doc = (issuedOn: string, expiresOn: string) => ({
      identity: {
        documents: [{ type: 'passport', number: 'T1', issuingCountry: 'IQ', issuedOn, expiresOn }],
      },
    });
    expect(issues(doc('2020-01-02', '2020-01-01'))).toEqual([
      ['persons/0/identity/documents/0/expiresOn', 'document-expires-before-issue'],
    ]);
    expect(issues(doc('2020-01-02', '2020-01-02'))).toEqual([]);
  });

  it('unknown (XX) and stateless (XS) are explicit nationalities; an empty one or a code outside the list is refused', () => {
    expect(issues({ nationality: 'XX' })).toEqual([]);
    expect(issues({ nationality: 'XS' })).toEqual([]);
    expect(issues({ nationality: '' }).map(([p]) => p)).toEqual(['persons/0/nationality']);
    expect(issues({ nationality: 'ZZ' })).toEqual([['persons/0/nationality', 'nationality-not-in-list']]);
  });
});

describe('minority follows from the date of birth (APR Art. 25(2); Screening Regulation Art. 2(9))', () => {
  const start = (p: Record<string, unknown>) =>
    startCase(ctx(), {
      caseId: 'c1',
      encounterId: 'e1',
      encounter: encounter(),
      person: person({ birthYear: undefined, minor: false, ...p }),
    }).next;

  it('the day before the 18th birthday the person is a minor, flagged though "minor" was not ticked', () => {
    // born 8 Dec 2008: 17 on 7 Dec 2026, 18 the next day
    const c = start(full('2008-12-08'));
    expect(c.flags).toContain('minor');
    expect(c.person.minor).toBe(true);
    expect(c.person.birthYear).toBe(2008);
  });

  it('on the 18th birthday the person is an adult: no flag', () => {
    const c = start(full('2008-12-07'));
    expect(c.flags).not.toContain('minor');
    expect(c.person.minor).toBe(false);
  });

  it('a year only: born in 2008 the person may still be 17 on 7 December 2026 (born 31 Dec): in doubt, a minor', () => {
    expect(start({ birthYear: 2008 }).flags).toContain('minor');
    expect(start({ birthYear: 2007 }).flags).not.toContain('minor');
    expect(start({ identity: { birthDate: { value: '2008-12', precision: 'year-month' } } }).flags).toContain(
      'minor',
    );
    expect(
      start({ identity: { birthDate: { value: '2008-11', precision: 'year-month' } } }).flags,
    ).not.toContain('minor');
  });

  it('an "about" year is an estimate of two years either side (identity.ts ABOUT_YEARS): its youngest end decides', () => {
    // "about 2006" is 2004–2008: born as late as 31 Dec 2008 the person is 17 on 7 Dec 2026 — in doubt, a minor
    const about = (value: string) => ({ identity: { birthDate: { value, precision: 'about' } } });
    expect(start(about('2006')).flags).toContain('minor');
    // "about 2005" is 2003–2007: born as late as 31 Dec 2007 the person turned 18 on 31 Dec 2025
    expect(start(about('2005')).flags).not.toContain('minor');
  });

  it('a ticked box is never cleared by a date', () => {
    expect(start({ minor: true, ...full('1990-01-01') }).flags).toContain('minor');
  });

  it('Eurodac (Art. 22(1), from 6 years): a child who turns 6 the day after the encounter gives no biometrics; one who turns 6 that day does', () => {
    const obligations = (p: Record<string, unknown>) =>
      startCase(ctx(), {
        caseId: 'c1',
        encounterId: 'e1',
        encounter: encounter(),
        person: person({ birthYear: undefined, ...p }),
      }).open.map((o) => o.kind);
    expect(obligations(full('2020-12-08'))).not.toContain('eurodac');
    expect(obligations(full('2020-12-07'))).toContain('eurodac');
  });
});

describe('identity.recorded (Screening Regulation Art. 14) completes, never corrects', () => {
  const base = (p: Record<string, unknown> = {}): CaseState =>
    startCase(ctx(), {
      caseId: 'c1',
      encounterId: 'e1',
      encounter: encounter(),
      person: person(p),
    }).next;
  const record = (c: CaseState, fields: Record<string, unknown>) =>
    decide(
      c,
      CaseCommand.parse({ type: 'identity.recorded', at: '2026-12-07T05:00:00+02:00', ...fields }),
      ctx('2026-12-07T03:01:00Z', 'screening-officer'),
    );
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof CommandRejectedError) return [e.field, e.refusal.code];
      throw e;
    }
    return undefined;
  };

  it('records names, a document and the Eurodac reference not yet known; the legal basis is Art. 14', () => {
    const d = record(base(), {
      identity: {
        familyName: 'Testfamily',
        givenNames: 'Given',
        eurodacRef: 'LT-EU-0001',
        documents: [{ type: 'passport', number: 'T1234567', issuingCountry: 'IQ', seenOriginal: true }],
      },
    });
    expect(d.next.person.identity?.familyName).toBe('Testfamily');
    expect(d.next.person.identity?.documents).toHaveLength(1);
    expect(d.actions[0]?.legalBasis).toMatch(/Screening Regulation Art\. 14/);
  });

  it('the same name again changes nothing; a different one is refused (identity-already-recorded: a correction is an amendment)', () => {
    const c = record(base(), { identity: { familyName: 'Testfamily' } }).next;
    expect(record(c, { identity: { familyName: 'Testfamily' } }).next.person.identity?.familyName).toBe(
      'Testfamily',
    );
    expect(refusal(() => record(c, { identity: { familyName: 'Otherfamily' } }))).toEqual([
      'identity/familyName',
      'identity-already-recorded',
    ]);
  });

  it('a birth year becomes a date inside it; a date outside it is refused', () => {
    const c = base({ birthYear: 1995 });
    expect(record(c, full('1995-03-04')).next.person.identity?.birthDate).toEqual({
      value: '1995-03-04',
      precision: 'full',
    });
    expect(refusal(() => record(c, full('1996-03-04')))).toEqual([
      'identity/birthDate',
      'identity-already-recorded',
    ]);
  });

  it('a documented date replaces an estimate ("about"), and one that makes the person a minor flags the case', () => {
    const c = base({ birthYear: undefined, identity: { birthDate: { value: '1990', precision: 'about' } } });
    const d = record(c, full('2010-05-01'));
    expect(d.next.flags).toContain('minor');
    expect(d.next.person.birthYear).toBe(2010);
  });

  it('a date of birth after the encounter is refused, with the field', () => {
    expect(refusal(() => record(base({ birthYear: undefined }), full('2026-12-08')))).toEqual([
      'identity/birthDate/value',
      'born-after-encounter',
    ]);
  });

  it('a document already recorded gains the checks now done: seen as original, then verified', () => {
    const doc = { type: 'passport', number: 'T 123-4567', issuingCountry: 'IQ' };
    const c = record(base(), { identity: { documents: [{ ...doc, seenOriginal: true }] } }).next;
    const d = record(c, { identity: { documents: [{ ...doc, number: 't1234567', verified: true }] } });
    expect(d.next.person.identity?.documents).toEqual([
      { ...doc, seenOriginal: true, verified: true, falseDocument: false },
    ]);
  });

  it('an unknown nationality (XX) is completed; a known one is not overwritten', () => {
    expect(record(base({ nationality: 'XX' }), { nationality: 'SY' }).next.person.nationality).toBe('SY');
    expect(refusal(() => record(base({ nationality: 'IQ' }), { nationality: 'SY' }))).toEqual([
      'nationality',
      'identity-already-recorded',
    ]);
  });
});

describe('the CSV import takes the identity columns (docs/import.md)', async () => {
  const { parseRow } = await import('../../src/domain/encounter-csv.ts');
  const row = (over: Record<string, string>) => ({
    encounter_ref: 'CSV-1',
    state: 'LT',
    occurred_at: MET,
    kind: 'apprehended-irregular-crossing',
    group_size: '1',
    nationality: 'IQ',
    ...over,
  });

  it('names, a date of birth (its precision from its form), a document and the Eurodac reference', () => {
    const r = parseRow(
      row({
        family_name: 'Testfamily',
        given_names: 'Synthetic',
        birth_date: '1990-03',
        document_type: 'passport',
        document_number: 'T1234567',
        document_country: 'iq',
        eurodac_ref: 'LT-EU-0001',
      }),
      2,
    );
    expect(r).toMatchObject({
      person: {
        identity: {
          familyName: 'Testfamily',
          givenNames: 'Synthetic',
          birthDate: { value: '1990-03', precision: 'year-month' },
          documents: [{ type: 'passport', number: 'T1234567', issuingCountry: 'IQ' }],
          eurodacRef: 'LT-EU-0001',
        },
      },
    });
  });

  it("a date of birth after the encounter's day is refused at its column", () => {
    expect(parseRow(row({ birth_date: '2026-12-08' }), 3)).toEqual([
      { line: 3, column: 'birth_date', reason: expect.stringContaining('after the day the person was met') },
    ]);
    expect(parseRow(row({ birth_date: '1990', birth_date_precision: 'about' }), 4)).toMatchObject({
      person: { identity: { birthDate: { value: '1990', precision: 'about' } } },
    });
  });
});
