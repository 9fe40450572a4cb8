// An admission file's state machine (Regulation (EU) 2024/1350): each step only where it may come, dated in
// order and never in the future; a refusal names its grounds (Art. 6(1)); admission needs the eligibility
// assessment (Art. 5) and grants a status the procedure allows (Arts 9, 10).
import { describe, expect, it } from 'vitest';
import {
  AdmissionStepError,
  applyStep,
  arrive,
  decide,
  nextSteps,
  referred,
} from '../../src/domain/admission/file.ts';

const TODAY = '2026-12-01';
const registered = (procedure: 'ordinary' | 'expedited' = 'ordinary') =>
  applyStep(referred(procedure, '2026-07-01'), 'registered', '2026-07-02', TODAY);

describe('the admission file', () => {
  it('goes from referral to arrival: registered, assessed, admitted, pre-departure steps, departed, arrived', () => {
    let f = registered();
    f = applyStep(f, 'eligibility-assessed', '2026-07-10', TODAY, ['refugee', 'women-and-girls-at-risk']);
    f = decide(f, { outcome: 'admitted', on: '2026-08-01' }, TODAY);
    expect(f.grantedStatus).toBe('refugee-status');
    expect(nextSteps(f)).toEqual([
      'medical-check',
      'travel-document',
      'exit-permit',
      'pre-departure-orientation',
      'departed',
      'withdrawn',
    ]);
    f = applyStep(f, 'medical-check', '2026-08-05', TODAY);
    expect(nextSteps(f)).not.toContain('medical-check');
    f = applyStep(f, 'departed', '2026-09-01', TODAY);
    f = arrive(f, '2026-09-01', TODAY);
    expect(f).toMatchObject({ status: 'arrived', arrivedOn: '2026-09-01', departedOn: '2026-09-01' });
    expect(nextSteps(f)).toEqual([]);
  });

  it('refuses a decision before registration (409-kind: the status does not allow it)', () => {
    const e = (() => {
      try {
        decide(
          referred('ordinary', '2026-07-01'),
          { outcome: 'refused', on: '2026-07-02', grounds: ['serious-crime'] },
          TODAY,
        );
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(AdmissionStepError);
    expect(e).toMatchObject({ code: 'step-not-allowed', conflict: true });
  });

  it('Art. 6(1): a refusal without grounds is refused; with grounds it is recorded', () => {
    expect(() => decide(registered(), { outcome: 'refused', on: '2026-07-03' }, TODAY)).toThrow(
      /Art\. 6\(1\)/,
    );
    const f = decide(
      registered(),
      { outcome: 'refused', on: '2026-07-03', grounds: ['entry-ban-alert'] },
      TODAY,
    );
    expect(f).toMatchObject({ status: 'refused', grounds: ['entry-ban-alert'], grantedStatus: null });
    expect(nextSteps(f)).toEqual([]);
  });

  it('Art. 5: no admission before the eligibility assessment', () => {
    expect(() => decide(registered(), { outcome: 'admitted', on: '2026-07-03' }, TODAY)).toThrow(/Art\. 5/);
  });

  it('the expedited procedure admits to an application examined after arrival, not to refugee status at once', () => {
    const f = applyStep(registered('expedited'), 'eligibility-assessed', '2026-07-03', TODAY, ['refugee']);
    expect(decide(f, { outcome: 'admitted', on: '2026-07-04' }, TODAY).grantedStatus).toBe(
      'applicant-for-international-protection',
    );
    expect(() =>
      decide(f, { outcome: 'admitted', on: '2026-07-04', status: 'refugee-status' }, TODAY),
    ).toThrow(/expedited/);
  });

  it('a step dated before the previous one, or after today, is refused', () => {
    expect(() => applyStep(registered(), 'eligibility-assessed', '2026-07-01', TODAY, ['refugee'])).toThrow(
      /before the file's previous step/,
    );
    expect(() => applyStep(registered(), 'withdrawn', '2026-12-02', TODAY)).toThrow(/after today/);
  });

  it('no arrival without a departure; no departure after a refusal', () => {
    let f = applyStep(registered(), 'eligibility-assessed', '2026-07-03', TODAY, ['serious-harm']);
    f = decide(f, { outcome: 'admitted', on: '2026-07-04' }, TODAY);
    expect(f.grantedStatus).toBe('subsidiary-protection');
    expect(() => arrive(f, '2026-07-05', TODAY)).toThrow(/not allowed/);
    const refused = decide(
      registered(),
      { outcome: 'refused', on: '2026-07-04', grounds: ['danger-to-the-state'] },
      TODAY,
    );
    expect(() => applyStep(refused, 'departed', '2026-07-05', TODAY)).toThrow(/not allowed/);
  });
});
