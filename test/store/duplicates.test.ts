// Likely duplicates (issue #16) on every backend: found set-wise after an encounter batch, proposed only
// within one state and only on an identifying fact; the review's decisions (same, different, undo) keep the
// audit chain and the case logs verifiable. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import {
  caseLinks,
  decideDifferent,
  decideSame,
  listPairs,
  undoDecision,
} from '../../src/store/duplicate-decisions.ts';
import { candidatesOf } from '../../src/store/duplicates.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const officer = { actor: 'officer-2', role: 'case-officer' };

type P = {
  nationality?: string;
  sex?: 'male' | 'female';
  identity?: Record<string, unknown>;
  birthYear?: number;
};
const encounter = (ref: string, state: string, persons: P[]) =>
  RecordEncounter.parse({
    ref,
    state,
    occurredAt: '2026-12-07T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: persons.length,
    persons: persons.map((p) => ({ sex: 'male', ...p })),
  });

describe.each(BACKENDS)('likely duplicates on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-07T06:00:00Z');
  const ids: Record<string, string> = {};
  const record = async (ref: string, state: string, persons: P[]) => {
    const { result } = await cs.recordEncounter(encounter(ref, state, persons), guard, `k-${ref}`);
    return result.caseIds;
  };

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    // the first encounters: the person, a namesake with another family name, a person with no name, and the
    // same name in another state
    [ids.first = '', ids.namesake = '', ids.nameless = ''] = await record('D-1', 'LT', [
      {
        nationality: 'SY',
        identity: {
          givenNames: 'Mohammed',
          familyName: 'Al-Hassan',
          birthDate: { value: '1990', precision: 'year' },
        },
      },
      {
        nationality: 'SY',
        identity: {
          givenNames: 'Mohammed',
          familyName: 'Karimi',
          birthDate: { value: '1990', precision: 'year' },
        },
      },
      { nationality: 'SY', birthYear: 1990 },
    ]);
    [ids.polish = ''] = await record('D-PL', 'PL', [
      {
        nationality: 'SY',
        identity: {
          givenNames: 'Mohammed',
          familyName: 'Al-Hassan',
          birthDate: { value: '1990', precision: 'year' },
        },
      },
    ]);
    clock.set('2026-12-09T06:00:00Z');
    // the re-encounter, transliterated otherwise, born "about 1990"; another person with no name, born 1990
    [ids.again = '', ids.nameless2 = ''] = await record('D-2', 'LT', [
      {
        nationality: 'SY',
        identity: {
          givenNames: 'Muhammad',
          familyName: 'Alhasan',
          birthDate: { value: '1990', precision: 'about' },
        },
      },
      { nationality: 'SY', birthYear: 1990 },
    ]);
  }, 120_000);
  afterAll(() => store?.close());

  it('proposes the re-encounter "Muhammad Alhasan" (about 1990) as the same person as "Mohammed Al-Hassan" (1990)', async () => {
    const found = await candidatesOf(store.db, [ids.again ?? ''], 'LT');
    expect(found).toEqual([
      expect.objectContaining({
        caseId: ids.again,
        otherCaseId: ids.first,
        status: 'open',
        // given names (Mohammed, Muhammad) and family names (Al-Hassan, Alhasan) sound alike: 0.9 each, weighed
        // 0.5 → 0.45; the year 1990 within "about 1990" → +0.2; the same nationality → +0.1 (duplicate-rules.ts)
        score: 0.75,
        reasons: ['name-sound', 'birth-date', 'nationality'],
      }),
    ]);
  });

  it("does not propose a namesake with the given name only, another state's file, or persons with no name on a birth year alone", async () => {
    const rows = await store.query<{ case_id: string; other_case_id: string }>(
      'select case_id, other_case_id from duplicate_candidates',
    );
    const involved = new Set(rows.flatMap((r) => [r.case_id, r.other_case_id]));
    expect(involved.has(ids.namesake ?? '')).toBe(false);
    expect(involved.has(ids.polish ?? '')).toBe(false);
    expect(involved.has(ids.nameless ?? '')).toBe(false);
    expect(involved.has(ids.nameless2 ?? '')).toBe(false);
    expect(rows).toHaveLength(1);
  });

  it('the same document number proposes two files even without names', async () => {
    const [a = ''] = await record('D-3', 'LT', [
      {
        nationality: 'AF',
        identity: { documents: [{ type: 'passport', number: 'P 778-990', issuingCountry: 'AF' }] },
      },
    ]);
    const [b = ''] = await record('D-4', 'LT', [
      {
        nationality: 'AF',
        identity: { documents: [{ type: 'passport', number: 'p778990', issuingCountry: 'AF' }] },
      },
    ]);
    expect(await candidatesOf(store.db, [b], 'LT')).toEqual([
      expect.objectContaining({ caseId: b, otherCaseId: a, reasons: ['document', 'nationality'] }),
    ]);
    // another state never sees the pair
    expect(await candidatesOf(store.db, [b], 'PL')).toEqual([]);
  });

  it('"same person" links the files under the main one, both timelines say it, undo removes the link; the audit verifies', async () => {
    const pair = [ids.again ?? '', ids.first ?? ''] as const;
    const [open] = await listPairs(store.db, 'LT', { status: 'open', pair });
    expect(open?.person.givenNames).toBe('Muhammad');
    expect(open?.other.givenNames).toBe('Mohammed');
    clock.set('2026-12-09T08:00:00Z');
    await decideSame(cs, 'LT', pair, ids.first ?? '', officer);
    expect(await caseLinks(store.db, ids.again ?? '', 'LT')).toMatchObject({ mainCaseId: ids.first });
    expect(await caseLinks(store.db, ids.first ?? '', 'LT')).toMatchObject({
      mainCaseId: null,
      linkedCaseIds: [ids.again],
    });
    const logged = await store.query<{ case_id: string; type: string; actor: string }>(
      `select case_id, type, actor from case_actions where type like 'case.%linked' order by case_id`,
    );
    expect(logged.map((l) => [l.case_id, l.type, l.actor]).sort()).toEqual(
      [
        [ids.first, 'case.linked', 'officer-2'],
        [ids.again, 'case.linked', 'officer-2'],
      ].sort(),
    );
    // decided pairs are not decided twice
    await expect(decideDifferent(cs, 'LT', pair, officer)).rejects.toMatchObject({
      code: 'duplicate-not-open',
    });
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();

    await undoDecision(cs, 'LT', pair, officer);
    expect(await caseLinks(store.db, ids.again ?? '', 'LT')).toMatchObject({
      mainCaseId: null,
      linkedCaseIds: [],
    });
    const [reopened] = await listPairs(store.db, 'LT', { pair });
    expect(reopened?.status).toBe('open');
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('"different" is audited, not proposed again when the person changes, and can be undone', async () => {
    const pair = [ids.again ?? '', ids.first ?? ''] as const;
    await decideDifferent(cs, 'LT', pair, officer);
    // a person-changing step measures the pair again: a pair decided different stays decided
    const { proposeDuplicates } = await import('../../src/store/duplicates.ts');
    expect(await proposeDuplicates(store.db, [ids.again ?? ''], clock.now(), { refresh: true })).toBe(0);
    expect((await listPairs(store.db, 'LT', { pair }))[0]?.status).toBe('different');
    await undoDecision(cs, 'LT', pair, officer);
    await expect(undoDecision(cs, 'LT', pair, officer)).rejects.toMatchObject({
      code: 'duplicate-not-decided',
    });
    const actions = await store.query<{ action: string }>(
      `select action from audit_log where action like 'duplicates.%' order by seq`,
    );
    expect(actions.map((a) => a.action)).toEqual(['duplicates.decided-different', 'duplicates.undone']);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it("another state's officer cannot decide a pair", async () => {
    await expect(
      decideSame(cs, 'PL', [ids.again ?? '', ids.first ?? ''], ids.first ?? '', officer),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('finds a re-encounter among more than 20 namesakes born the same year (the look-ups read at most 20 each)', async () => {
    // 24 persons "… Rahimi" born in 1985 whose given names sound like no "Ali" (more than the 20 read of the
    // same family name within the birth window), then "Ali Rahimi" (1985), then "Aly Rahimi" (1985) again
    const given = [
      'Omar',
      'Yusuf',
      'Karim',
      'Hamid',
      'Bilal',
      'Idris',
      'Samir',
      'Tariq',
      'Jamal',
      'Nabil',
      'Rashid',
      'Zaki',
    ];
    for (let e = 0; e < 4; e++)
      await record(
        `D-N${e}`,
        'LT',
        Array.from({ length: 6 }, (_, k) => ({
          nationality: 'AF',
          identity: {
            givenNames: given[(e * 6 + k) % given.length],
            familyName: 'Rahimi',
            birthDate: { value: '1985', precision: 'year' },
          },
        })),
      );
    const [original] = await record('D-N-ALI', 'LT', [
      {
        nationality: 'AF',
        identity: {
          givenNames: 'Ali',
          familyName: 'Rahimi',
          birthDate: { value: '1985', precision: 'year' },
        },
      },
    ]);
    const [again] = await record('D-N-ALY', 'LT', [
      {
        nationality: 'AF',
        identity: {
          givenNames: 'Aly',
          familyName: 'Rahimi',
          birthDate: { value: '1985', precision: 'year' },
        },
      },
    ]);
    const found = await candidatesOf(store.db, [again ?? ''], 'LT');
    expect(found.map((c) => c.otherCaseId)).toContain(original);
  }, 60_000);
});
