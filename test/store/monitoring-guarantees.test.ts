// The monitoring indicators of the person's guarantees (issue 17; src/store/monitoring-guarantees.ts) on every
// backend, over a synthetic data set in Lithuania in December 2026 whose true values follow from its
// construction: one unaccompanied minor who asked for asylum (a representative due, APR Art. 23(2)), one
// accompanied minor and one adult detained, and three decisions on the merits — after an interview, with no
// interview, and with the interview omitted (APR Arts 12–14). Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCommand, RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { guaranteeIndicators } from '../../src/store/monitoring-guarantees.ts';
import { interviewRecorded } from '../domain/fixtures.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-1', role: 'border-guard' };
const officer = { actor: 'officer-1', role: 'case-officer' };
const WISH = { at: '2026-12-07T04:30:00+02:00', where: 'Medininkai', to: 'border guard' };
const adult = (birthYear: number) => ({ nationality: 'IQ', sex: 'male', birthYear, asylumWish: WISH });

const encounter: RecordEncounter = {
  ref: 'MG-1',
  state: 'LT',
  borderSection: 'LT-BY',
  occurredAt: '2026-12-07T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: 6,
  persons: [
    // 0: unaccompanied minor who asked for asylum; 1: a minor with the family; 2–5: adults
    { nationality: 'AF', sex: 'male', birthYear: 2010, minor: true, unaccompanied: true, asylumWish: WISH },
    {
      nationality: 'AF',
      sex: 'female',
      birthYear: 2012,
      minor: true,
      unaccompanied: false,
      vulnerabilities: [],
    },
    adult(1990),
    adult(1991),
    adult(1992),
    adult(1993),
  ] as RecordEncounter['persons'],
};

describe.each(BACKENDS)('the guarantees’ monitoring indicators on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-07T06:00:00Z');
  let ids: string[] = [];
  const version = new Map<string, number>();
  let k = 0;
  const apply = async (i: number, command: Record<string, unknown>) => {
    const id = ids[i] as string;
    clock.set(command.at as string);
    const r = await cs.apply(id, version.get(id) ?? 1, command as CaseCommand, officer, `mg-${++k}`);
    version.set(id, r.result.version);
  };
  const q = (now: string) => ({
    state: 'LT',
    from: '2026-12-01',
    to: '2026-12-31',
    timeZone: 'Europe/Vilnius',
    now: new Date(now),
  });

  let refusedWithoutInterview = false;
  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    ids = [...(await cs.recordEncounter(encounter, guard, 'mg-enc')).result.caseIds];
    // the accompanied minor (1) and an adult (2) detained on 7 December
    const order = { reasons: 'synthetic reasons', nextReviewBy: '2026-12-14T08:00:00+02:00' };
    // RCD Art. 13(2): a minor only with the exceptional ground recorded
    await apply(1, {
      type: 'detention.ordered',
      at: '2026-12-07T08:00:00+02:00',
      grounds: ['identity'],
      ...order,
      minorBestInterests: 'synthetic assessment',
      minorNoAlternative: 'synthetic reasons',
    });
    await apply(2, {
      type: 'detention.ordered',
      at: '2026-12-07T08:00:00+02:00',
      grounds: ['risk-of-absconding'],
      ...order,
    });
    // three adults to a decision on the merits on 9 December: 3 interviewed, 4 not, 5 with the interview omitted
    for (const i of [3, 4, 5]) {
      await apply(i, { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' });
      await apply(i, {
        type: 'application.registered',
        at: '2026-12-08T10:00:00+02:00',
        disproportionateNumbers: false,
      });
      await apply(i, {
        type: 'application.routed',
        at: '2026-12-08T11:00:00+02:00',
        procedure: 'regular',
        grounds: ['none'],
      });
      await apply(i, { type: 'application.lodged', at: '2026-12-08T12:00:00+02:00' });
    }
    await apply(3, interviewRecorded('2026-12-09T09:00:00+02:00'));
    await apply(5, {
      type: 'interview.omitted',
      at: '2026-12-09T09:00:00+02:00',
      ground: 'positive-decision-on-evidence',
      reasons: 'synthetic reasons',
    });
    const decision = { type: 'decision.issued', at: '2026-12-09T12:00:00+02:00', decision: 'refugee-status' };
    for (const i of [3, 5]) await apply(i, decision);
    // 4: a decision without an interview or its omission is refused since issue 17 (APR Arts 11–13): the
    // indicator can only count decisions logged before the rule — here none
    refusedWithoutInterview = await apply(4, decision).then(
      () => false,
      () => true,
    );
  }, 120_000);
  afterAll(async () => store?.close());

  it('APR Art. 23(2): on 10 December the unaccompanied minor’s representative is pending; on 15 January 2027 (more than 15 working days after 7 December) it is not appointed and overdue', async () => {
    const early = await guaranteeIndicators(store.db, q('2026-12-10T12:00:00+02:00'));
    expect(early.representativesLate).toMatchObject({ obligations: 1, pending: 1, notAppointedOverdue: 0 });
    const late = await guaranteeIndicators(store.db, q('2027-01-15T12:00:00+02:00'));
    expect(late.representativesLate).toMatchObject({
      obligations: 1,
      inTime: 0,
      late: 0,
      notAppointedOverdue: 1,
      pending: 0,
    });
  });

  it('minors detained: 2 detentions of December, of which 1 of a minor, none unaccompanied', async () => {
    const m = await guaranteeIndicators(store.db, q('2027-01-15T12:00:00+02:00'));
    expect(m.minorsDetained).toMatchObject({ detentions: 2, minors: 1, unaccompanied: 0 });
  });

  it('APR Arts 11–13: the decision without an interview was refused; of 2 decisions on the merits, none without an interview, 1 with the interview omitted', async () => {
    expect(refusedWithoutInterview).toBe(true);
    const m = await guaranteeIndicators(store.db, q('2027-01-15T12:00:00+02:00'));
    expect(m.decisionsWithoutInterview).toMatchObject({
      decisions: 2,
      withoutInterview: 0,
      interviewOmitted: 1,
    });
  });

  it('APR Arts 67–68: no removal, none inside an appeal window — the expected zero', async () => {
    const m = await guaranteeIndicators(store.db, q('2027-01-15T12:00:00+02:00'));
    expect(m.removalsInsideAppealWindow).toMatchObject({ removals: 0, insideWindow: 0, expected: 0 });
  });

  it('a period before the events counts nothing', async () => {
    const m = await guaranteeIndicators(store.db, {
      ...q('2027-01-15T12:00:00+02:00'),
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(m.minorsDetained.detentions).toBe(0);
    expect(m.decisionsWithoutInterview.decisions).toBe(0);
    expect(m.representativesLate.obligations).toBe(0);
  });
});
