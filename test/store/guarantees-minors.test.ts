// The vulnerability and minors guarantees across cases (src/store/guarantees-minors.ts): at most the set
// number of unaccompanied minors per representative at the same time (APR Art. 23), families recorded on
// every member's case (members of the same state only), a child and a parent not split across procedures.
// Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { LAW } from '../../src/law/law.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const officer = { actor: 'officer-2', role: 'case-officer' };
const WISH = { at: '2026-12-07T04:30:00+02:00', where: 'Medininkai', to: 'border guard' };

const minors = (ref: string, n: number, state: 'LT' | 'PL' = 'LT'): RecordEncounter => ({
  ref,
  state,
  borderSection: state === 'LT' ? 'LT-BY' : 'PL-BY',
  occurredAt: '2026-12-07T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: n,
  persons: Array.from({ length: n }, () => ({
    nationality: 'AF',
    sex: 'male' as const,
    birthYear: 2010,
    minor: true,
    unaccompanied: true,
    vulnerabilities: [],
    asylumWish: WISH,
  })),
});

const refusalCode = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof CommandRejectedError) return e.refusal.code;
    throw e;
  }
  return undefined;
};

describe.each(BACKENDS)('the guarantees of minors and families across cases on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-08T12:00:00Z');

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
  }, 60_000);
  afterAll(async () => store?.close());

  const caseData = async (id: string) => (await findCase(store.db, id))?.case;

  const appoint = (caseId: string, ref: string, role = 'representative', key = randomUUID()) =>
    cs.apply(
      caseId,
      1,
      {
        type: 'representative.appointed',
        at: '2026-12-08T13:20:00+02:00',
        role,
        representativeRef: ref,
      } as never,
      officer,
      key,
    );

  it('APR Art. 23 (limit 30, UNCONFIRMED): a representative holds 30 unaccompanied minors; the 31st appointment is refused, another representative is not', async () => {
    const { result } = await cs.recordEncounter(minors('M-31', 32), guard, 'k-m31');
    const [last, other, ...first30] = result.caseIds as string[];
    expect(first30).toHaveLength(30);
    for (const id of first30) await appoint(id, 'REP-LIMIT');
    expect(await refusalCode(appoint(last as string, 'REP-LIMIT'))).toBe('representative-limit-reached');
    // the refused command wrote nothing: the case still owes its representative
    expect((await caseData(last as string))?.open).toContain('representative');
    await appoint(other as string, 'REP-OTHER');
  }, 120_000);

  it('APR Art. 23: two appointments of one representative at once (the 30th and a 31st) — exactly one is accepted', async () => {
    const { result } = await cs.recordEncounter(minors('M-RACE', 31), guard, 'k-mrace');
    const ids = result.caseIds as string[];
    for (const id of ids.slice(0, 29)) await appoint(id, 'REP-RACE');
    const both = await Promise.allSettled([
      appoint(ids[29] as string, 'REP-RACE'),
      appoint(ids[30] as string, 'REP-RACE'),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = both.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected?.reason).toBeInstanceOf(CommandRejectedError);
  }, 120_000);

  it('a family is recorded on every member case in one command; a member of another state, or no case at all, is refused', async () => {
    const lt = (await cs.recordEncounter(minors('F-LT', 2), guard, 'k-flt')).result.caseIds as string[];
    const pl = (await cs.recordEncounter(minors('F-PL', 1, 'PL'), guard, 'k-fpl')).result.caseIds as string[];
    const [a, b] = lt as [string, string];
    const family = (members: { caseId: string; role: string }[]) =>
      ({ type: 'family.recorded', at: '2026-12-08T13:30:00+02:00', familyId: 'FAM-1', members }) as never;
    expect(
      await refusalCode(
        cs.apply(
          a,
          1,
          family([
            { caseId: a, role: 'sibling' },
            { caseId: pl[0] as string, role: 'sibling' },
          ]),
          officer,
          'k-f1',
        ),
      ),
    ).toBe('family-member-other-state');
    expect(
      await refusalCode(
        cs.apply(
          a,
          1,
          family([
            { caseId: a, role: 'sibling' },
            { caseId: randomUUID(), role: 'sibling' },
          ]),
          officer,
          'k-f2',
        ),
      ),
    ).toBe('family-member-not-found');
    expect(
      await refusalCode(
        cs.apply(
          a,
          1,
          family([
            { caseId: a, role: 'sibling' },
            { caseId: "x' or 1=1 --", role: 'sibling' },
          ]),
          officer,
          'k-f3',
        ),
      ),
    ).toBe('family-member-not-found');
    await cs.apply(
      a,
      1,
      family([
        { caseId: a, role: 'sibling' },
        { caseId: b, role: 'sibling' },
      ]),
      officer,
      'k-f4',
    );
    const other = await caseData(b);
    expect(other?.family).toEqual({
      id: 'FAM-1',
      members: [
        { caseId: a, role: 'sibling' },
        { caseId: b, role: 'sibling' },
      ],
    });
    expect(other?.version).toBe(2);
  });

  it('APR Art. 45(2)–(3) and RCD 2024/1346 Art. 13(2)(a), families kept together: a child is not routed to the border procedure while its parent is in the regular one, nor detained while its parent is not', async () => {
    const group: RecordEncounter = {
      ...minors('F-ROUTE', 2),
      persons: [
        {
          nationality: 'AF',
          sex: 'female',
          birthYear: 1990,
          minor: false,
          unaccompanied: false,
          vulnerabilities: [],
          asylumWish: WISH,
        },
        {
          nationality: 'AF',
          sex: 'male',
          birthYear: 2016,
          minor: true,
          unaccompanied: false,
          vulnerabilities: [],
          asylumWish: WISH,
        },
      ],
    };
    const [parent, child] = (await cs.recordEncounter(group, guard, 'k-froute')).result.caseIds as [
      string,
      string,
    ];
    await cs.apply(
      child,
      1,
      {
        type: 'family.recorded',
        at: '2026-12-08T13:05:00+02:00',
        familyId: 'FAM-2',
        members: [
          { caseId: parent, role: 'parent' },
          { caseId: child, role: 'child' },
        ],
      } as never,
      officer,
      'k-fr0',
    );
    let v = { [parent]: 2, [child]: 2 };
    const step = async (id: string, cmd: Record<string, unknown>) => {
      const r = await cs.apply(id, v[id] as number, cmd as never, officer, randomUUID());
      v = { ...v, [id]: r.result.version };
    };
    for (const id of [parent, child]) {
      await step(id, { type: 'screening.completed', at: '2026-12-08T13:10:00+02:00', outcome: 'asylum' });
      await step(id, {
        type: 'application.registered',
        at: '2026-12-08T13:15:00+02:00',
        disproportionateNumbers: false,
      });
    }
    await step(parent, {
      type: 'application.routed',
      at: '2026-12-08T13:20:00+02:00',
      procedure: 'regular',
      grounds: ['none'],
    });
    expect(
      await refusalCode(
        step(child, {
          type: 'application.routed',
          at: '2026-12-08T13:20:00+02:00',
          procedure: 'border',
          grounds: ['security'],
        }),
      ),
    ).toBe('family-procedure-split');
    await step(child, {
      type: 'application.routed',
      at: '2026-12-08T13:20:00+02:00',
      procedure: 'regular',
      grounds: ['none'],
    });
    // Directive (EU) 2024/1346 Art. 13(2)(a): the child is detained only where a parent is
    const detain = {
      type: 'detention.ordered',
      at: '2026-12-08T13:40:00+02:00',
      grounds: ['risk-of-absconding'],
      reasons: 'synthetic reasons',
      nextReviewBy: '2026-12-20T00:00:00+02:00',
      // RCD Art. 13(2): a minor only with the exceptional ground recorded (src/domain/guarantees/detention.ts)
      minorBestInterests: 'synthetic assessment',
      minorNoAlternative: 'synthetic reasons',
    };
    expect(await refusalCode(step(child, detain))).toBe('family-child-detained-without-parent');
    await step(parent, detain);
    await step(child, { ...detain, at: '2026-12-08T13:45:00+02:00' });
  });
});
