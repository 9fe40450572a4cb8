// issue 22: the case of a person admitted under Regulation (EU) 2024/1350, started on arrival
// (src/domain/admission/arrival-case.ts): the status the Regulation gives (Art. 1(1)(a); Arts 9–10
// UNCONFIRMED), no screening (Screening Regulation Arts 5 and 7 do not cover a lawful entry), no Eurodac
// irregular-crossing obligation, and for an application examined after arrival the examination's time limit
// (APR Art. 35(4): 6 months from lodging).
import { describe, expect, it } from 'vitest';
import { arrivalStatus, startAdmittedCase } from '../../src/domain/admission/arrival-case.ts';
import type { GrantedStatus } from '../../src/domain/admission/vocabulary.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { ctx } from './fixtures.ts';

const start = (grantedStatus: GrantedStatus, procedure: 'ordinary' | 'expedited' = 'ordinary') =>
  startAdmittedCase(ctx('2026-12-09T10:00:00Z', 'solidarity-coordinator'), {
    caseId: '00000000-0000-4000-8000-000000000001',
    encounterId: '00000000-0000-4000-8000-000000000002',
    state: 'LT',
    arrivedAt: '2026-11-20T10:00:00.000Z',
    person: {
      nationality: 'IQ',
      sex: 'female',
      birthYear: 2012,
      minor: false,
      unaccompanied: false,
      vulnerabilities: [],
    },
    admission: {
      fileId: 'f1',
      programmeId: 'p1',
      procedure,
      grantedStatus,
      decidedOn: '2026-09-15',
      arrivedOn: '2026-11-20',
    },
  });

describe('the case of an admitted person (Regulation (EU) 2024/1350 Art. 1(1)(a))', () => {
  it('international protection or a national humanitarian status granted → decided-protection, nothing open', () => {
    for (const g of ['refugee-status', 'subsidiary-protection', 'humanitarian-status'] as const) {
      const d = start(g);
      expect(arrivalStatus(g)).toBe('decided-protection');
      expect(d.next).toMatchObject({
        status: 'decided-protection',
        encounterKind: 'admission-arrival',
        admission: { grantedStatus: g },
      });
      // no screening (Screening Regulation Arts 5, 7) and no Eurodac irregular crossing (Art. 22)
      expect(d.open).toEqual([]);
      expect(d.next.open).toEqual([]);
    }
  });

  it('an application examined after arrival (expedited) → lodged that day, decision due in 6 months (APR Art. 35(4))', () => {
    const d = start('applicant-for-international-protection', 'expedited');
    expect(d.next).toMatchObject({ status: 'lodged', lodgedAt: '2026-11-20T10:00:00.000Z' });
    // 20 November 2026 + 6 months = Thursday 20 May 2027, a working day in Lithuania; the day ends at midnight
    // in Vilnius (UTC+3 in summer): 21:00 UTC
    expect(d.open.map((o) => [o.kind, new Date(o.dueAt).toISOString()])).toEqual([
      ['decision', '2027-05-20T21:00:00.000Z'],
    ]);
    expect(d.open[0]?.article).toMatch(/APR Art\. 35\(4\)/);
  });

  it('the log starts with the arrival and replays to the same state; a minor by the birth year is flagged', () => {
    const d = start('refugee-status');
    expect(d.actions.map((a) => a.type)).toEqual(['encounter.recorded', 'admission.arrived']);
    const replayed = d.actions.reduce<ReturnType<typeof evolve> | undefined>(
      (s, a) => evolve(s, a),
      undefined,
    );
    expect(replayed).toEqual(d.next);
    expect(d.next.version).toBe(2);
    // born in 2012: at most 14 on 20 November 2026, under 18 (Screening Regulation Art. 2(9))
    expect(d.next.person.minor).toBe(true);
    expect(d.next.flags).toContain('minor');
  });
});
