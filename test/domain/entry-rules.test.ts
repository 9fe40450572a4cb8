// The entry rules of src/domain/entry-rules.ts (security issue #14, finding 2), pure: the 60-minute late-entry
// tolerance at its boundary, no command dated before the case's last action, and obligation.missed dated at
// the due time it records. The store and API side (compliance on both times) is test/api/backdate.test.ts.
import { describe, expect, it } from 'vitest';
import { decide, startCase } from '../../src/domain/decide.ts';
import { checkLateEntry, ENTRY_RULES, isLateEntry } from '../../src/domain/entry-rules.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { obligationMissed } from '../../src/domain/system-steps.ts';
import { LAW } from '../../src/law/law.ts';
import { ctx, encounter, person } from './fixtures.ts';

const AT = '2026-12-07T10:00:00Z';
const plus = (ms: number) => new Date(Date.parse(AT) + ms);

describe(`late entry: more than ${ENTRY_RULES.lateEntryToleranceMinutes} minutes after the stated time`, () => {
  it('the tolerance is 60 minutes (an operational rule, documented in docs/ACTIONS.md)', () => {
    expect(ENTRY_RULES.lateEntryToleranceMinutes).toBe(60);
  });

  it('entered 60 minutes after its time: no reason needed', () => {
    expect(isLateEntry(AT, plus(60 * 60_000))).toBe(false);
    expect(() => checkLateEntry({ at: AT }, plus(60 * 60_000))).not.toThrow();
  });

  it('60 minutes and one second: reason required', () => {
    expect(isLateEntry(AT, plus(60 * 60_000 + 1000))).toBe(true);
    expect(() => checkLateEntry({ at: AT }, plus(60 * 60_000 + 1000))).toThrow(CommandRejectedError);
    expect(() => checkLateEntry({ at: AT, lateEntryReason: '  ' }, plus(60 * 60_000 + 1000))).toThrow(
      /lateEntryReason/,
    );
    expect(() =>
      checkLateEntry({ at: AT, lateEntryReason: 'from the paper form' }, plus(60 * 60_000 + 1000)),
    ).not.toThrow();
  });

  it('decide marks a late entry and keeps its reason; an entry in time is not marked', () => {
    const c = startCase(ctx('2026-12-07T04:15:00+02:00'), {
      caseId: 'c1',
      encounterId: 'e1',
      encounter: encounter(),
      person: person(),
    }).next;
    const check = { type: 'screening.check-recorded', at: AT, check: 'identity', result: 'ok' } as const;
    const inTime = decide(c, check, ctx(plus(60 * 60_000).toISOString()));
    expect(inTime.actions[0]?.payload).not.toHaveProperty('lateEntry');
    const late = decide(
      c,
      { ...check, lateEntryReason: 'from the paper form' },
      ctx(plus(60 * 60_000 + 1000).toISOString()),
    );
    expect(late.actions[0]?.payload).toMatchObject({
      lateEntry: true,
      lateEntryReason: 'from the paper form',
    });
  });
});

describe("not before the case's last action", () => {
  const c0 = startCase(ctx('2026-12-07T04:15:00+02:00'), {
    caseId: 'c1',
    encounterId: 'e1',
    encounter: encounter(),
    person: person(),
  }).next;
  const check = (at: string) =>
    ({ type: 'screening.check-recorded', at, check: 'health', result: 'ok' }) as const;

  it('the state keeps the latest stated time of its log', () => {
    expect(c0.lastActionAt).toBe('2026-12-07T02:10:00.000Z');
    const c1 = decide(c0, check(AT), ctx()).next;
    expect(c1.lastActionAt).toBe(AT.replace('Z', '.000Z'));
  });

  it('a command dated one second before the last action is refused, naming the field at and that time; at the same instant it is accepted', () => {
    const c1 = decide(c0, check(AT), ctx()).next;
    expect(() => decide(c1, check('2026-12-07T09:59:59Z'), ctx())).toThrow(
      /^at: is before the case's last action \(2026-12-07T10:00:00.000Z\)/,
    );
    expect(decide(c1, check(AT), ctx()).next.version).toBe(3);
  });

  it('obligation.missed is dated at the due time it records (not when the sweep ran), so nothing can be dated before the passing', () => {
    // the screening obligation of an apprehension on Monday 7 Dec 2026 is due at the end of day 7 (SR Art. 8(3))
    const due = '2026-12-15T00:00:00+02:00';
    const sweptAt = new Date('2026-12-15T09:00:00+02:00');
    const d = obligationMissed(c0, 'screening', due, 'Screening Regulation Art. 8(3)', sweptAt, LAW);
    expect(d.actions[0]?.at).toBe('2026-12-14T22:00:00.000Z');
    expect(() => decide(d.next, check('2026-12-14T21:59:59Z'), ctx())).toThrow(
      /before the case's last action/,
    );
  });

  it("obligation.missed is dated at the case's last action when that is later than the due time (the log never goes back)", () => {
    const c1 = decide(c0, check('2026-12-15T08:00:00+02:00'), ctx()).next;
    const d = obligationMissed(
      c1,
      'eurodac',
      '2026-12-10T05:00:00+02:00',
      'Eurodac Art. 22(2)',
      new Date(),
      LAW,
    );
    expect(d.actions[0]?.at).toBe('2026-12-15T06:00:00.000Z');
  });
});
