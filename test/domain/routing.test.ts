// APR Arts 42(1)(j), 43(1), 45(1), 48, 53 and 67(7): which procedure a case may or must take, and the
// appeal window a negative decision opens. Rates from data/recognition_rates.csv: Bangladesh 3 % (2025,
// annual), Pakistan 12 % (2025), Syria 17 % (first half of 2025 only), Iraq none.
import { describe, expect, it } from 'vitest';
import { LAW_FILES } from '../../law/index.ts';
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand, EncounterKind } from '../../src/domain/commands.ts';
import { type DecideContext, decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { LAW } from '../../src/law/law.ts';
import { ParameterRegistry } from '../../src/law/parameters.ts';
import { annualRateAt } from '../../src/law/recognition-rates.ts';
import { loadRecognitionRates } from '../../src/store/reference-data.ts';
import { ctx, encounter, interviewRecorded, person } from './fixtures.ts';

const RATES = loadRecognitionRates();
const withRates = (law = LAW): DecideContext => ({
  ...ctx(),
  law,
  recognitionRate: (c, d) => annualRateAt(law, RATES, c, d),
});
const WISH = { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' };

function registered(
  nationality: string,
  kind: EncounterKind = 'apprehended-irregular-crossing',
  c: DecideContext = withRates(),
): CaseState {
  let s = startCase(c, {
    caseId: 'c',
    encounterId: 'e',
    encounter: encounter({ kind }),
    person: person({ nationality, asylumWish: WISH }),
  }).next;
  s = decide(s, { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' }, c).next;
  return decide(
    s,
    { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
    c,
  ).next;
}
const route = (procedure: 'border' | 'regular' | 'accelerated', grounds: string[], exemption?: string) =>
  ({
    type: 'application.routed',
    at: '2026-12-08T11:00:00+02:00',
    procedure,
    grounds,
    ...(exemption ? { exemption } : {}),
  }) as CaseCommand;

describe('APR Art. 42(1)(j), 45(1): the recognition-rate ground', () => {
  it('the 2025 annual rates count from 1 April 2026: Bangladesh 3 % on 8 December 2026, nothing on 31 March 2026', () => {
    expect(annualRateAt(LAW, RATES, 'BD', '2026-12-08')?.ratePct).toBe(3);
    expect(annualRateAt(LAW, RATES, 'BD', '2026-03-31')).toBeUndefined();
  });

  it('Bangladesh, 3 % ≤ 20 %: the border procedure is mandatory; routing elsewhere without an exemption is refused', () => {
    const c = registered('BD');
    expect(() => decide(c, route('regular', ['none']), withRates())).toThrow(
      /mandatory \(APR Art\. 45\(1\)\).*3 % for BD/,
    );
    expect(decide(c, route('border', ['low-recognition-rate']), withRates()).next.procedure).toBe('border');
  });

  it('with an exemption (capacity reached, APR Art. 48) Bangladesh may go to the regular procedure', () => {
    expect(
      decide(registered('BD'), route('regular', ['none'], 'capacity-reached'), withRates()).next.procedure,
    ).toBe('regular');
  });

  it('Iraq has no annual rate: the ground cannot be applied, and the regular procedure is open', () => {
    expect(() => decide(registered('IQ'), route('border', ['low-recognition-rate']), withRates())).toThrow(
      /no annual Union-wide recognition rate for IQ/,
    );
    expect(decide(registered('IQ'), route('regular', ['none']), withRates()).next.procedure).toBe('regular');
  });

  it('Syria has only a half-year figure (17 %, 2025-H1): not the annual average the rule needs', () => {
    expect(() => decide(registered('SY'), route('border', ['low-recognition-rate']), withRates())).toThrow(
      CommandRejectedError,
    );
  });

  it('a security ground makes the border procedure mandatory whatever the nationality (Art. 42(1)(f))', () => {
    expect(() => decide(registered('IQ'), route('accelerated', ['security']), withRates())).toThrow(
      /mandatory/,
    );
  });
});

describe('APR Art. 43(1): the border procedure follows screening at the border', () => {
  it('a person found inside the territory cannot be put in the border procedure, and no procedure is mandatory', () => {
    const c = registered('BD', 'found-inside-territory');
    expect(() => decide(c, route('border', ['low-recognition-rate']), withRates())).toThrow(
      /APR Art\. 43\(1\)/,
    );
    expect(decide(c, route('regular', ['none']), withRates()).next.procedure).toBe('regular');
  });
});

describe('APR Art. 67(7): the appeal window a negative decision opens', () => {
  const lodged = (c: DecideContext) => {
    let s = registered('IQ', 'apprehended-irregular-crossing', c);
    s = decide(s, route('regular', ['none']), c).next;
    s = decide(s, { type: 'application.lodged', at: '2026-12-09T10:00:00+02:00' }, c).next;
    return decide(s, interviewRecorded('2026-12-21T10:00:00+02:00'), c).next;
  };

  // issue 17: the window opens from the decision's notification (APR Art. 67(8)), not from the decision
  const notified = {
    type: 'decision.notified',
    at: '2027-01-11T10:00:00+02:00',
    means: 'in-person',
    language: 'ar',
  } as const;

  it('without a national choice for Lithuania, no appeal deadline is tracked, and the result says why', () => {
    const s = decide(
      lodged(withRates()),
      { type: 'decision.issued', at: '2027-01-11T09:00:00+02:00', decision: 'unfounded' },
      withRates(),
    ).next;
    const d = decide(s, notified, withRates());
    expect(d.open).toEqual([]);
    expect(d.notes?.[0]).toMatch(/appeal window of LT is not confirmed/);
  });

  it('with a national choice of 14 days (inside 2 weeks – 1 month, Art. 67(7)(b)): notified Monday 11 January 2027, due Monday 25 January (Art. 67(8))', () => {
    const law = ParameterRegistry.fromFiles({
      ...LAW_FILES,
      'test/national.ts': [
        {
          name: 'national.lt.appeal.window-other',
          description: 'a national choice for the test (not Lithuanian law)',
          unit: 'days',
          within: 'apr.appeal.window-other',
          values: [
            {
              since: '2026-06-12',
              value: 14,
              source: {
                act: 'APR',
                article: '67',
                paragraph: '7',
                status: 'unconfirmed',
                note: 'UNCONFIRMED: test value',
              },
            },
          ],
        },
      ],
    });
    const c = withRates(law);
    const s = decide(
      lodged(c),
      { type: 'decision.issued', at: '2027-01-11T09:00:00+02:00', decision: 'unfounded' },
      c,
    ).next;
    const d = decide(s, notified, c);
    expect(d.open).toEqual([
      {
        kind: 'appeal',
        dueAt: '2027-01-26T00:00:00+02:00',
        article: 'APR Art. 67(7) (national choice inside APR Art. 67(7); from notification: Art. 67(8))',
      },
    ]);
    expect(decide(d.next, { type: 'appeal.lodged', at: '2027-01-20T10:00:00+02:00' }, c).close).toEqual([
      'appeal',
    ]);
  });
});

describe('review cases', () => {
  it('APR Art. 48: reaching capacity does not lift the security ground', () => {
    expect(() =>
      decide(registered('BD'), route('regular', ['security'], 'capacity-reached'), withRates()),
    ).toThrow(/lifts only the recognition-rate ground/);
  });

  it('Screening Regulation Art. 18: a person who asked for asylum is not referred to return', () => {
    const c = startCase(withRates(), {
      caseId: 'c',
      encounterId: 'e',
      encounter: encounter(),
      person: person({ asylumWish: WISH }),
    }).next;
    expect(() =>
      decide(
        c,
        { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'return' },
        withRates(),
      ),
    ).toThrow(/asylum procedure/);
  });

  it('APR Art. 27(7): refused entry at the end of screening on Sunday 27 Dec, the wish of 7 Dec: registration from the refusal, due Monday 4 January 2027', () => {
    const c = startCase(withRates(), {
      caseId: 'c',
      encounterId: 'e',
      encounter: encounter(),
      person: person({ asylumWish: WISH }),
    }).next;
    const d = decide(
      c,
      { type: 'entry.refused', at: '2026-12-27T10:00:00+02:00' },
      { ...withRates(), now: new Date('2027-01-01T00:00:00Z') },
    );
    // 27 Dec + 5 days = Friday 1 January 2027, a public holiday; Art. 3(4): Saturday, Sunday → Monday 4 January
    expect(d.open).toEqual([
      { kind: 'registration', dueAt: '2027-01-05T00:00:00+02:00', article: 'APR Art. 27(1)' },
    ]);
  });

  it('Eurodac Art. 15(1): no applicant biometrics from a child who may be under 6 (born 2021, registered in 2026)', () => {
    let c = startCase(withRates(), {
      caseId: 'c',
      encounterId: 'e',
      encounter: encounter({ kind: 'found-inside-territory' }),
      person: person({ birthYear: 2021, minor: true, asylumWish: WISH }),
    }).next;
    c = decide(
      c,
      { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
      withRates(),
    ).next;
    const d = decide(
      c,
      { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
      withRates(),
    );
    expect(d.open.map((o) => o.kind)).toEqual(['lodging']);
  });
});
