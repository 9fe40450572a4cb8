// National emergency measures beside the Crisis Regulation (issue 17; law/national/emergency-measures.ts):
// Poland's Act of 13 June 2003 Arts 33a–33b as amended by the Act of 21 February 2025 (Dz.U. 2025 poz. 389),
// Lithuania's Law on the State Border as amended on 25 April 2023. All REPORTED (pact-rules.md §9). Synthetic
// persons; the activation of the tests is synthetic too (an extension dated in the Pact's time, so that the
// screening's parameters apply), its act named as such.
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { type DecideContext, decide, startCase } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { checkActivation, type MeasureActivation } from '../../src/domain/guarantees/national-measures.ts';
import { ctx, encounter, person } from './fixtures.ts';

const PL = 'pl-application-restriction-2025' as const;
/** 20 Nov 2026 to 18 Jan 2027: 11 days of November (20–30) + 31 of December + 18 of January = 60 days */
const ACTIVATION: MeasureActivation = {
  id: 'act-1',
  measure: PL,
  state: 'PL',
  area: 'PL-BY',
  startsOn: '2026-11-20',
  endsOn: '2027-01-18',
  act: 'Dz.U. 2026 poz. 9999 (synthetic, for the test)',
  extendsId: 'act-0',
  consent: 'Sejm resolution (synthetic)',
};
const withMeasures = (now = '2027-02-01T00:00:00Z'): DecideContext => ({
  ...ctx(now),
  nationalMeasureActivations: [ACTIVATION],
});

function metInPoland(over: Record<string, unknown> = {}, at = '2026-12-07T04:10:00+01:00'): CaseState {
  return startCase(withMeasures(), {
    caseId: 'c',
    encounterId: 'e',
    encounter: encounter({ ref: 'PL-SG-2026-0001', state: 'PL', borderSection: 'PL-BY', occurredAt: at }),
    person: person(over),
  }).next;
}

const refusal = (at: string, more: Record<string, unknown> = {}) =>
  ({ type: 'entry.refused', at, measure: PL, ...more }) as CaseCommand;

function refusedWith(fn: () => unknown): { code: string; params: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    if (e instanceof CommandRejectedError) return { code: e.refusal.code, params: e.refusal.params };
    throw e;
  }
  throw new Error('not refused');
}

describe('Poland, Act of 13 June 2003 Art. 33b (Dz.U. 2025 poz. 389): persons the restriction never applies to', () => {
  it('Art. 33b (reported): a refusal under the Polish restriction of an unaccompanied minor is refused, naming the exception and the act', () => {
    const c = metInPoland({ minor: true, unaccompanied: true, birthYear: 2010 });
    const r = refusedWith(() => decide(c, refusal('2026-12-07T05:00:00+01:00'), withMeasures()));
    expect(r).toEqual({
      code: 'national-measure-excepted-person',
      params: { measure: PL, act: 'PL-ACT-2025-389', group: 'unaccompanied-minor' },
    });
  });

  it('Art. 33b (reported): a pregnant woman is excepted', () => {
    const c = metInPoland({ sex: 'female', vulnerabilities: ['pregnant'] });
    expect(
      refusedWith(() => decide(c, refusal('2026-12-07T05:00:00+01:00'), withMeasures())).params.group,
    ).toBe('pregnant');
  });

  it('Art. 33b (reported): a person needing special treatment for age or health (elderly) is excepted', () => {
    const c = metInPoland({ birthYear: 1950, vulnerabilities: ['elderly'] });
    expect(
      refusedWith(() => decide(c, refusal('2026-12-07T05:00:00+01:00'), withMeasures())).params.group,
    ).toBe('age-or-health');
  });

  it('Art. 33b (reported): a person at real risk of serious harm (seriousHarmClaimed) is excepted', () => {
    const c = metInPoland();
    const r = refusedWith(() =>
      decide(c, refusal('2026-12-07T05:00:00+01:00', { seriousHarmClaimed: true }), withMeasures()),
    );
    expect(r.params.group).toBe('serious-harm');
  });

  it('Art. 33a (reported): an adult man with no claim, inside the active period, is refused entry under the measure — accepted and recorded with its activation', () => {
    const c = metInPoland();
    const d = decide(c, refusal('2026-12-07T05:00:00+01:00'), withMeasures());
    expect(d.next.status).toBe('refused-entry');
    expect(d.actions[0]?.payload).toMatchObject({ measure: PL, activationId: 'act-1' });
    expect(d.next.nationalMeasure).toEqual({
      measure: PL,
      at: '2026-12-07T04:00:00.000Z',
      activationId: 'act-1',
    });
  });
});

describe('Poland, Act of 13 June 2003 Art. 33a (reported): a refusal under the measure falls inside an activation', () => {
  it('on the activation’s last day (18 January 2027, 23:59 in Warsaw) the refusal is accepted', () => {
    const c = metInPoland({}, '2027-01-18T22:00:00+01:00');
    expect(decide(c, refusal('2027-01-18T23:59:00+01:00'), withMeasures()).next.status).toBe('refused-entry');
  });

  it('on the day after its last day (19 January 2027, 00:00 in Warsaw) the refusal is refused as outside the period', () => {
    const c = metInPoland({}, '2027-01-18T22:00:00+01:00');
    const r = refusedWith(() => decide(c, refusal('2027-01-19T00:00:00+01:00'), withMeasures()));
    expect(r).toEqual({ code: 'national-measure-not-active', params: { measure: PL, day: '2027-01-19' } });
  });

  it('with no activation recorded, a refusal under the measure is refused', () => {
    const c = metInPoland();
    const r = refusedWith(() => decide(c, refusal('2026-12-07T05:00:00+01:00'), ctx('2027-02-01T00:00:00Z')));
    expect(r.code).toBe('national-measure-not-active');
  });

  it('a refusal without a measure is not touched by the module (the Schengen Borders Code refusal as before)', () => {
    const c = metInPoland({ minor: true, unaccompanied: true, birthYear: 2010 });
    const d = decide(
      c,
      { type: 'entry.refused', at: '2026-12-07T05:00:00+01:00' } as CaseCommand,
      withMeasures(),
    );
    expect(d.next.nationalMeasure).toBeUndefined();
  });
});

describe('Lithuania, Law on the State Border (amendment of 25 April 2023, reported)', () => {
  it("Lithuania's measure cannot be applied to a case of Poland", () => {
    const c = metInPoland();
    const r = refusedWith(() =>
      decide(
        c,
        refusal('2026-12-07T05:00:00+01:00', { measure: 'lt-border-turn-away-2023' }),
        withMeasures(),
      ),
    );
    expect(r).toEqual({
      code: 'national-measure-other-state',
      params: { measure: 'lt-border-turn-away-2023', measureState: 'LT' },
    });
  });

  it('a person fleeing armed conflict or persecution is excepted (Seimas press release, 25 April 2023)', () => {
    const c = startCase(ctx(), {
      caseId: 'c',
      encounterId: 'e',
      encounter: encounter(),
      person: person(),
    }).next;
    const lt: MeasureActivation = {
      ...ACTIVATION,
      id: 'lt-1',
      measure: 'lt-border-turn-away-2023',
      state: 'LT',
      area: 'LT-BY',
    };
    const r = refusedWith(() =>
      decide(
        c,
        {
          type: 'entry.refused',
          at: '2026-12-07T05:00:00+02:00',
          measure: 'lt-border-turn-away-2023',
          seriousHarmClaimed: true,
        } as CaseCommand,
        { ...ctx('2027-02-01T00:00:00Z'), nationalMeasureActivations: [lt] },
      ),
    );
    expect(r.params).toMatchObject({ group: 'fleeing-conflict-or-persecution', act: 'LT-STATE-BORDER-2023' });
  });
});

describe('Poland, Act of 13 June 2003 Art. 33a (reported): an activation lasts at most 60 days; an extension needs the Sejm’s consent', () => {
  const first = {
    measure: PL,
    state: 'PL',
    area: 'PL-BY',
    act: 'Dz.U. 2025 poz. 390',
  } as const;

  it('27 March to 25 May 2025 (Dz.U. 2025 poz. 390) is 60 days: 5 of March (27–31) + 30 of April + 25 of May — accepted', () => {
    expect(() => checkActivation({ ...first, startsOn: '2025-03-27', endsOn: '2025-05-25' })).not.toThrow();
  });

  it('27 March to 26 May 2025 is 61 days — refused', () => {
    expect(
      refusedWith(() => checkActivation({ ...first, startsOn: '2025-03-27', endsOn: '2025-05-26' })),
    ).toEqual({
      code: 'national-measure-period-too-long',
      params: { measure: PL, maximumDays: 60, days: 61 },
    });
  });

  it('an extension without the Sejm’s consent is refused; with it, accepted', () => {
    const prev: MeasureActivation = { ...first, id: 'a', startsOn: '2025-03-27', endsOn: '2025-05-25' };
    const ext = {
      ...first,
      act: 'extension (synthetic)',
      startsOn: '2025-05-26',
      endsOn: '2025-07-24',
      extendsId: 'a',
    };
    expect(refusedWith(() => checkActivation(ext, prev)).code).toBe('national-measure-extension-invalid');
    expect(() => checkActivation({ ...ext, consent: 'Sejm resolution (synthetic)' }, prev)).not.toThrow();
  });

  it("an activation of Poland's measure for Lithuania is refused", () => {
    expect(
      refusedWith(() =>
        checkActivation({ ...first, state: 'LT', startsOn: '2025-03-27', endsOn: '2025-05-25' }),
      ).code,
    ).toBe('national-measure-activation-other-state');
  });
});

describe('the case page: the national measure’s guarantee', () => {
  it('after a refusal under the measure, the check of its exceptions is shown done with the act', () => {
    const c = decide(metInPoland(), refusal('2026-12-07T05:00:00+01:00'), withMeasures()).next;
    const g = guaranteesOf(c, new Date('2026-12-08T00:00:00Z'), []);
    expect(g).toContainEqual(
      expect.objectContaining({
        key: 'national-measure-exceptions-checked',
        status: 'done',
        params: { measure: PL },
      }),
    );
  });

  it('an unaccompanied minor in Poland is shown outside the restriction (Art. 33b)', () => {
    const c = metInPoland({ minor: true, unaccompanied: true, birthYear: 2010 });
    const g = guaranteesOf(c, new Date('2026-12-08T00:00:00Z'), []);
    expect(g).toContainEqual(
      expect.objectContaining({
        key: 'national-measure-excepted',
        params: { measure: PL, group: 'unaccompanied-minor' },
      }),
    );
  });
});
