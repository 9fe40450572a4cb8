// A relocation transfer's deadline and lateness (AMMR Art. 67(11): within 4 weeks of the confirmation by the
// state of relocation), counted by Regulation 1182/71 in the calendar of the benefitting state, which
// transfers. The expected dates are worked out by hand in the comments.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import {
  closedLate,
  countTransfers,
  type Transfer,
  transferDeadline,
  transferOverdue,
} from '../../src/solidarity/transfers.ts';

// Confirmed on Wednesday 9 December 2026 at 11:00 in Rome. 4 weeks (Reg. 1182/71 Art. 3(1): the day of the
// event is not counted; Art. 3(2)(c): the period ends with the last hour of the same weekday 4 weeks on) →
// Wednesday 6 January 2027, Epiphany, a public holiday in Italy → Art. 3(4): the period ends with the last
// hour of the following working day, Thursday 7 January 2027, 24:00 in Rome (CET, UTC+1) = 23:00 UTC.
const CONFIRMED = '2026-12-09T10:00:00.000Z';
const DUE = '2027-01-07T23:00:00.000Z';

const base: Transfer = {
  id: 't1',
  candidateId: 'IT-C-1',
  from: 'IT',
  to: 'LT',
  status: 'confirmed',
  proposedAt: '2026-12-02T10:00:00.000Z',
  exceptional: false,
  confirmedAt: CONFIRMED,
};

describe('AMMR Art. 67(11): the relocation transfer within 4 weeks of the confirmation', () => {
  it('ends with Thursday 7 January 2027 in Rome: 6 January, 4 weeks on, is a public holiday in Italy', () => {
    const d = transferDeadline(LAW, 'IT', DateTime.fromISO(CONFIRMED));
    expect(new Date(d.dueAt).toISOString()).toBe(DUE);
    expect(d.article).toContain('67(11)');
  });

  it('a transfer carried out on the last day, at 23:30 in Rome, is in time', () => {
    const t = {
      ...base,
      status: 'transferred' as const,
      transferDueAt: DUE,
      closedAt: '2027-01-07T22:30:00Z',
    };
    expect(closedLate(t)).toBe(false);
  });

  it('a transfer carried out the day after, Friday 8 January 2027 at 09:00 in Rome, is late', () => {
    const t = {
      ...base,
      status: 'transferred' as const,
      transferDueAt: DUE,
      closedAt: '2027-01-08T08:00:00Z',
    };
    expect(closedLate(t)).toBe(true);
  });

  it('a person who did not appear, recorded the day after the deadline, closes the transfer late too', () => {
    const t = {
      ...base,
      status: 'did-not-appear' as const,
      transferDueAt: DUE,
      closedAt: '2027-01-08T08:00:00Z',
    };
    expect(closedLate(t)).toBe(true);
  });

  it('a confirmed transfer is overdue only once its last day has expired', () => {
    const t = { ...base, transferDueAt: DUE };
    expect(closedLate(t)).toBe(false);
    expect(transferOverdue(t, new Date('2027-01-07T22:59:59Z'))).toBe(false);
    expect(transferOverdue(t, new Date('2027-01-07T23:00:01Z'))).toBe(true);
    expect(transferOverdue({ ...t, status: 'transferred' }, new Date('2027-02-01T00:00:00Z'))).toBe(false);
  });

  it('the cycle report counts per pair of states: transferred, did not appear, late, open, refused', () => {
    const late = {
      ...base,
      status: 'transferred' as const,
      transferDueAt: DUE,
      closedAt: '2027-01-08T08:00:00Z',
    };
    const inTime = { ...late, id: 't2', closedAt: '2027-01-05T08:00:00Z' };
    const open = { ...base, id: 't3', transferDueAt: DUE };
    const refused = { ...base, id: 't4', to: 'FR' as const, status: 'refused' as const };
    expect(countTransfers([late, inTime, open, refused])).toEqual([
      { from: 'IT', to: 'FR', open: 0, transferred: 0, late: 0, didNotAppear: 0, refused: 1 },
      { from: 'IT', to: 'LT', open: 1, transferred: 2, late: 1, didNotAppear: 0, refused: 0 },
    ]);
  });
});
