// Issue 17, border-crisis: the border procedure's grounds (APR Arts 44(1), 38, 42(1)(j), 53(2)(b)), the crisis
// derogations for applications MADE in a crisis (CFMR Arts 10(1), 10(4), 11), the return border procedure
// (RBPR Arts 4(2), 6) and the Eurodac period from the taking of biometric data (Eurodac Art. 15(1)(b)).
// Synthetic persons only. Expected dates are counted by Regulation 1182/71 in Lithuania's calendar (shown).
import { describe, expect, it } from 'vitest';
import type { CaseCrisis, CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand, EncounterKind } from '../../src/domain/commands.ts';
import { type DecideContext, decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { annualRateAt, type RecognitionRate } from '../../src/law/recognition-rates.ts';
import { ctx, encounter, interviewRecorded, person } from './fixtures.ts';

/** One declaration, looked up as the store does (src/store/case-store.ts covering): by the local day. */
const declared =
  (k: CaseCrisis & { startsOn: string; endsOn: string }) =>
  (state: string, at: string): CaseCrisis | undefined => {
    const day = new Date(new Date(at).getTime() + 2 * 3600_000).toISOString().slice(0, 10); // Vilnius, winter: UTC+2
    return state === 'LT' && k.startsOn <= day && day <= k.endsOn ? k : undefined;
  };

const RATES: RecognitionRate[] = [
  { citizenship: 'BD', period: '2025', ratePct: 3, scope: 'EU-27 (synthetic)', source: 'test' },
  { citizenship: 'GN', period: '2025', ratePct: 35, scope: 'EU-27 (synthetic)', source: 'test' },
];
const context = (crisisAt?: DecideContext['crisisAt']): DecideContext => ({
  ...ctx(),
  recognitionRate: (c, d) => annualRateAt(ctx().law, RATES, c, d),
  ...(crisisAt ? { crisisAt } : {}),
});

/** Arrived Monday 7 December 2026 04:10 (fixtures), asked for asylum at `wishAt`, screening ended 2 h later. */
function applied(wishAt: string, c: DecideContext, kind: EncounterKind = 'apprehended-irregular-crossing') {
  let s = startCase(c, {
    caseId: 'c1',
    encounterId: 'e1',
    encounter: encounter({ kind }),
    person: person(),
  }).next;
  s = decide(s, { type: 'asylum-wish.expressed', at: wishAt, where: 'station', to: 'border guard' }, c).next;
  const endOfScreening = new Date(new Date(wishAt).getTime() + 2 * 3600_000).toISOString();
  return decide(s, { type: 'screening.completed', at: endOfScreening, outcome: 'asylum' }, c);
}
const registrationDue = (d: { open: readonly { kind: string; dueAt: string }[] }) =>
  d.open.find((o) => o.kind === 'registration')?.dueAt;

describe('CFMR Art. 10(1): the derogation covers applications MADE within the period, not arrivals', () => {
  // a declaration of instrumentalisation for 10–20 December 2026, declared after the person arrived (7 December)
  const crisisAt = declared({
    id: 'k1',
    kind: 'instrumentalisation',
    startsOn: '2026-12-10',
    endsOn: '2026-12-20',
  });

  it('CFMR Art. 10(1): a person arriving before a crisis and applying during it covered, one applying after its last day not', () => {
    // arrived 7 Dec (no declaration), applied Sat 12 Dec 10:00, screening ended 12:00: 4 weeks from 12 Dec end on
    // Saturday 9 January 2027 → Monday 11 January (Reg. 1182/71 Art. 3(4)) → due at 00:00 on the 12th
    const during = applied('2026-12-12T10:00:00+02:00', context(crisisAt));
    expect(registrationDue(during)).toBe('2027-01-12T00:00:00+02:00');
    expect(during.next.crisis).toBeUndefined();
    expect(during.next.applicationCrisis).toMatchObject({ id: 'k1', madeAt: '2026-12-12T10:00:00+02:00' });
    // applied Mon 21 Dec 00:30, the day after the last day: the ordinary 5 days (APR Art. 27(1)) from 21 Dec end on
    // Saturday 26 December (also a holiday) → Monday 28 December → due at 00:00 on the 29th
    const after = applied('2026-12-21T00:30:00+02:00', context(crisisAt));
    expect(registrationDue(after)).toBe('2026-12-29T00:00:00+02:00');
    expect(after.next.applicationCrisis).toBeUndefined();
  });

  it('CFMR Art. 10(1): an application made on the last day of the period (20 December, 23:30 local time) is covered', () => {
    // 4 weeks from Mon 21 Dec 01:30 (end of screening) end on Monday 18 January 2027 → due at 00:00 on the 19th
    const lastDay = applied('2026-12-20T23:30:00+02:00', context(crisisAt));
    expect(registrationDue(lastDay)).toBe('2027-01-19T00:00:00+02:00');
  });

  it('the case page says whether the application was made during the crisis (CFMR Arts 10(1), 11(1))', () => {
    const during = applied('2026-12-12T10:00:00+02:00', context(crisisAt)).next;
    const g = guaranteesOf(during, new Date('2026-12-13T00:00:00Z'), []).find(
      (x) => x.key === 'crisis-application-made',
    );
    expect(g).toMatchObject({
      article: 'CFMR Arts 10(1), 11(1)',
      params: { crisisKind: 'instrumentalisation' },
    });
  });

  it('CFMR Art. 10(1): a person who arrived during a crisis and applies after its last day is shown as not covered', () => {
    // arrived 7 Dec during a declaration of 1–10 December; applied 11 December 00:30
    const c = context(
      declared({ id: 'k0', kind: 'instrumentalisation', startsOn: '2026-12-01', endsOn: '2026-12-10' }),
    );
    let s = startCase(c, {
      caseId: 'c0',
      encounterId: 'e0',
      encounter: encounter(),
      person: person(),
      crisis: { id: 'k0', kind: 'instrumentalisation', startsOn: '2026-12-01', endsOn: '2026-12-10' },
    }).next;
    s = decide(
      s,
      { type: 'asylum-wish.expressed', at: '2026-12-11T00:30:00+02:00', where: 'x', to: 'y' },
      c,
    ).next;
    const keys = guaranteesOf(s, new Date('2026-12-12T00:00:00Z'), []).map((g) => g.key);
    expect(keys).toContain('crisis-application-not-made');
    expect(s.flags).toContain('instrumentalised'); // the arrival's declaration still marks the person (CFMR Art. 1(4)(b))
  });
});

describe('CFMR Art. 10(4): in a crisis of mass arrivals, registration derogation only in the initial period', () => {
  // initial Council decision 1–10 December 2026, extended to 31 December (Art. 5(1))
  const period = { id: 'k2', startsOn: '2026-12-01', endsOn: '2026-12-31', initialEndsOn: '2026-12-10' };
  const mass = context(declared({ ...period, kind: 'mass-arrivals' }));
  const instrumentalisation = context(declared({ ...period, kind: 'instrumentalisation' }));

  it('CFMR Art. 10(4): applied Wed 9 December (initial period): 4 weeks → Wednesday 6 January 2027', () => {
    expect(registrationDue(applied('2026-12-09T10:00:00+02:00', mass))).toBe('2027-01-07T00:00:00+02:00');
  });

  it('CFMR Art. 10(4): applied Tue 15 December (in the extension): the ordinary 5 days → Sunday 20 → Monday 21 December', () => {
    expect(registrationDue(applied('2026-12-15T10:00:00+02:00', mass))).toBe('2026-12-22T00:00:00+02:00');
  });

  it('CFMR Art. 10(4) is for mass arrivals (Art. 1(4)(a)) only: in an extended instrumentalisation crisis, 4 weeks → Tuesday 12 January 2027', () => {
    expect(registrationDue(applied('2026-12-15T10:00:00+02:00', instrumentalisation))).toBe(
      '2027-01-13T00:00:00+02:00',
    );
  });
});

/** Registered at Tue 8 Dec 10:00, after a wish at the encounter (no crisis unless `c` declares one). */
function registered(c: DecideContext, nationality = 'IQ', wishAt = '2026-12-07T04:30:00+02:00'): CaseState {
  let s = startCase(c, {
    caseId: 'c2',
    encounterId: 'e2',
    encounter: encounter(),
    person: person({ nationality, asylumWish: { at: wishAt, where: 'station', to: 'border guard' } }),
  }).next;
  s = decide(s, { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' }, c).next;
  return decide(
    s,
    { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
    c,
  ).next;
}
const route = (procedure: 'border' | 'regular' | 'accelerated', grounds: string[], more = {}) =>
  ({
    type: 'application.routed',
    at: '2026-12-08T11:00:00+02:00',
    procedure,
    grounds,
    ...more,
  }) as CaseCommand;
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal.code;
    throw e;
  }
  return undefined;
};

describe('APR Art. 44(1): the border procedure needs a ground the law allows', () => {
  it('APR Art. 44(1): routing to the border procedure with the ground "none" is refused', () => {
    const c = context();
    expect(refusal(() => decide(registered(c), route('border', ['none']), c))).toBe(
      'border-procedure-ground-required',
    );
  });

  it('APR Arts 44(1)(a), 38(1)(b): an inadmissibility ground (safe third country) is accepted for the border procedure, and the case page shows it', () => {
    const c = context();
    const d = decide(registered(c), route('border', ['inadmissible-safe-third-country']), c);
    expect(d.next.procedure).toBe('border');
    const g = guaranteesOf(d.next, new Date('2026-12-09T00:00:00Z'), []).find(
      (x) => x.key === 'border-procedure-ground',
    );
    expect(g).toMatchObject({
      article: 'APR Art. 44(1)',
      status: 'done',
      params: { grounds: 'inadmissible-safe-third-country' },
    });
  });

  it('APR Art. 44(1)(b): a merits ground of Art. 42(1) (misleading the authorities, point (c)) is accepted', () => {
    const c = context();
    expect(decide(registered(c), route('border', ['misleading-authorities']), c).next.procedure).toBe(
      'border',
    );
  });
});

describe('APR Art. 42(1)(j): the recognition-rate ground and its exceptions', () => {
  it('APR Art. 42(1)(j): Bangladesh at 3 % (2025) with a recorded exception (category not representative) may go to the regular procedure without an exemption', () => {
    const c = context();
    const d = decide(
      registered(c, 'BD'),
      route('regular', ['none'], {
        rateException: 'category-not-representative',
        rateExceptionReason: 'applicant belongs to a persecuted religious minority (synthetic)',
      }),
      c,
    );
    expect(d.next.procedure).toBe('regular');
    expect(d.actions[0]?.payload.rateException).toBe('category-not-representative');
  });

  it('APR Art. 42(1)(j): without the exception the same routing is refused (border procedure mandatory, Art. 45(1))', () => {
    const c = context();
    expect(refusal(() => decide(registered(c, 'BD'), route('regular', ['none']), c))).toBe(
      'border-procedure-mandatory',
    );
  });

  it('APR Art. 42(1)(j): the ground itself cannot be claimed together with an exception that lifts it', () => {
    const c = context();
    const cmd = route('border', ['low-recognition-rate'], {
      rateException: 'significant-change',
      rateExceptionReason: 'regime change after the 2025 data (synthetic)',
    });
    expect(refusal(() => decide(registered(c, 'BD'), cmd, c))).toBe('recognition-rate-excepted');
  });
});

/** Border procedure → manifestly unfounded → return decision in the return border procedure. */
function returned(c: DecideContext, grounds: string[], crisisDerogations?: string[]) {
  let s = registered(c, 'GN', '2026-12-07T04:30:00+02:00');
  s = decide(s, route('border', grounds, crisisDerogations ? { crisisDerogations } : {}), c).next;
  s = decide(s, { type: 'application.lodged', at: '2026-12-09T10:00:00+02:00' }, c).next;
  // APR Arts 11–13: the personal interview on record before a decision
  s = decide(s, interviewRecorded('2026-12-20T10:00:00+02:00'), c).next;
  s = decide(
    s,
    { type: 'decision.issued', at: '2026-12-21T10:00:00+02:00', decision: 'manifestly-unfounded' },
    c,
  ).next;
  return decide(s, { type: 'return.decided', at: '2026-12-22T10:00:00+02:00', borderProcedure: true }, c);
}
const rbprEnd = (d: { open: readonly { kind: string; dueAt: string; article: string }[] }) =>
  d.open.find((o) => o.kind === 'return-border-procedure-end');

describe('RBPR Arts 4(2) and 6: the return border procedure and its crisis extension', () => {
  const period = { id: 'k3', startsOn: '2026-12-01', endsOn: '2027-02-28' };

  it('RBPR Art. 4(2): 12 weeks from Tue 22 December 2026 (no right to remain known: from the return decision) end on Tuesday 16 March 2027', () => {
    const d = returned(context(), ['misleading-authorities']);
    expect(rbprEnd(d)?.dueAt).toBe('2027-03-17T00:00:00+02:00');
  });

  it('RBPR Art. 6(1)(a): in a mass-arrivals crisis, after a border procedure applied under CFMR Art. 11(4), 12 + 6 = 18 weeks → Tuesday 27 April 2027', () => {
    const c = context(declared({ ...period, kind: 'mass-arrivals' }));
    const d = returned(c, ['low-recognition-rate'], ['cfmr-11-4']);
    // GN at 35 % is above 20 % but within the 50 % of CFMR Art. 11(4)
    expect(rbprEnd(d)?.dueAt).toBe('2027-04-28T00:00:00+03:00');
    expect(rbprEnd(d)?.article).toMatch(/Art\. 6/);
  });

  it('RBPR Art. 6(1): in the same crisis but without a CFMR Art. 11(3), (4) or (6) border procedure, no extension: 12 weeks', () => {
    const c = context(declared({ ...period, kind: 'mass-arrivals' }));
    expect(rbprEnd(returned(c, ['misleading-authorities']))?.dueAt).toBe('2027-03-17T00:00:00+02:00');
  });

  it('RBPR Art. 6 not in force majeure: the Art. 11 derogations are refused and the return border procedure stays 12 weeks', () => {
    const c = context(declared({ ...period, kind: 'force-majeure' }));
    expect(refusal(() => returned(c, ['low-recognition-rate'], ['cfmr-11-4']))).toBe(
      'crisis-derogation-not-covered',
    );
    expect(rbprEnd(returned(c, ['misleading-authorities']))?.dueAt).toBe('2027-03-17T00:00:00+02:00');
  });
});

describe('Eurodac Art. 15(1)(b): 72 hours from when the biometric data are taken', () => {
  it('Eurodac Art. 15(1)(b): an application at a border crossing point, biometrics taken Mon 7 Dec 10:00 → transmitted by Thu 10 Dec 10:00', () => {
    const c = context();
    let s = startCase(c, {
      caseId: 'c3',
      encounterId: 'e3',
      encounter: encounter({ kind: 'application-at-crossing-point' }),
      person: person({ asylumWish: { at: '2026-12-07T04:15:00+02:00', where: 'BCP', to: 'border guard' } }),
    }).next;
    const d = decide(s, { type: 'biometrics.taken', at: '2026-12-07T10:00:00+02:00' }, c);
    expect(d.open).toContainEqual(
      expect.objectContaining({ kind: 'eurodac', dueAt: '2026-12-10T10:00:00+02:00' }),
    );
    s = decide(
      d.next,
      { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
      c,
    ).next;
    // registration does not restart the period (it runs from the taking, not from registration)
    const r = decide(
      s,
      { type: 'application.registered', at: '2026-12-09T10:00:00+02:00', disproportionateNumbers: false },
      c,
    );
    expect(r.open.map((o) => o.kind)).not.toContain('eurodac');
  });

  it('Eurodac Art. 15(1)(a): an applicant registered after an irregular crossing elsewhere keeps the 72 hours from registration', () => {
    const c = context();
    let s = startCase(c, {
      caseId: 'c4',
      encounterId: 'e4',
      encounter: encounter({ kind: 'disembarkation-after-sar' }),
      person: person({ asylumWish: { at: '2026-12-07T04:15:00+02:00', where: 'port', to: 'border guard' } }),
    }).next;
    s = decide(
      s,
      { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
      c,
    ).next;
    const r = decide(
      s,
      { type: 'application.registered', at: '2026-12-09T10:00:00+02:00', disproportionateNumbers: false },
      c,
    );
    expect(r.open).toContainEqual(
      expect.objectContaining({ kind: 'eurodac', dueAt: '2026-12-12T10:00:00+02:00' }),
    );
  });
});
