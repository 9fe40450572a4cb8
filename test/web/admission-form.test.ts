// The admission programme form's own checks (issue 22, web/src/screens/admission/programme-check.ts): what it
// refuses before sending, each by the API's field name — the date before the Framework applies (Regulation (EU)
// 2024/1350 Art. 16(2): 12 June 2026), persons outside 1–1,000,000, a state pledging twice, a national
// coordinator's programme without its own state.
import { describe, expect, it } from 'vitest';
import { checkProgramme } from '../../web/src/screens/admission/programme-check.ts';

const good = {
  name: 'Admission from the camp',
  planStart: '2026-07-01',
  region: 'a camp',
  referring: 'UNHCR',
  total: '2000',
  pledges: [
    { state: 'LT', persons: '200' },
    { state: 'PL', persons: '500' },
    { state: 'LV', persons: '300' },
  ],
};

describe('the admission programme form (before sending)', () => {
  it('a complete programme of 2,000 among three states has no error', () => {
    expect(checkProgramme(good, 'LT')).toEqual({});
  });

  it('Art. 16(2): 12 June 2026 is the first day a Union Plan period may start; 11 June is refused', () => {
    expect(checkProgramme({ ...good, planStart: '2026-06-12' }, 'LT')).toEqual({});
    expect(checkProgramme({ ...good, planStart: '2026-06-11' }, 'LT')).toEqual({
      planStart: 'admission.err.date',
    });
  });

  it('persons: 1 and 1,000,000 pass; 0, 1,000,001, 2.5 and empty are refused, each named', () => {
    expect(checkProgramme({ ...good, total: '1' }, 'LT')).toEqual({});
    expect(checkProgramme({ ...good, total: '1000000' }, 'LT')).toEqual({});
    for (const total of ['0', '1000001', '2.5', ''])
      expect(checkProgramme({ ...good, total }, 'LT'), total).toEqual({ total: 'admission.err.persons' });
    const pledges = [{ state: 'LT', persons: '0' }];
    expect(checkProgramme({ ...good, pledges }, 'LT')).toEqual({
      'pledges/0/persons': 'admission.err.persons',
    });
  });

  it('a state pledging twice is named at its second row', () => {
    const pledges = [...good.pledges, { state: 'PL', persons: '10' }];
    expect(checkProgramme({ ...good, pledges }, 'LT')).toEqual({
      'pledges/3/state': 'admission.err.duplicate',
    });
  });

  it("a national coordinator's programme must include its own state; the Union's need not", () => {
    const pledges = good.pledges.filter((p) => p.state !== 'LT');
    expect(checkProgramme({ ...good, pledges }, 'LT')).toEqual({ pledges: 'admission.err.ownState' });
    expect(checkProgramme({ ...good, pledges }, 'EU')).toEqual({});
  });

  it('empty name, region and referring organisation are each required', () => {
    expect(checkProgramme({ ...good, name: ' ', region: '', referring: '' }, 'LT')).toEqual({
      name: 'admission.err.required',
      region: 'admission.err.required',
      referringOrganisation: 'admission.err.required',
    });
  });
});
