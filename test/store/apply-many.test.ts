// CaseStore.applyMany (bulk loads inside the process, e.g. `pact demo`) writes what `apply` writes, one
// command at a time: the same case states, logs and obligations (with the same met/missed statuses), an
// intact audit chain; a refused command writes nothing and the others go on. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCommand, RecordEncounter } from '../../src/domain/commands.ts';
import { ActionNotAllowedError } from '../../src/domain/errors.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const screening = { actor: 'screening-1', role: 'screening-officer' };
const officer = { actor: 'officer-2', role: 'case-officer' };

const encounter: RecordEncounter = {
  ref: 'AM-1',
  state: 'LT',
  occurredAt: '2026-12-07T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: 2,
  persons: [
    {
      nationality: 'IQ',
      sex: 'male',
      birthYear: 1990,
      minor: false,
      unaccompanied: false,
      vulnerabilities: [],
    },
    {
      nationality: 'SY',
      sex: 'female',
      birthYear: 1994,
      minor: false,
      unaccompanied: false,
      vulnerabilities: [],
    },
  ],
};

// person 0: screening, a wish, screening ended towards asylum, registered late (the registration deadline is
// missed), lodged; person 1: screening ended towards return. The screening completion opens the registration
// deadline and the registration closes it within the same batch: the case of persist's ordering.
// every step is entered on 19 December, from the paper file: a late entry, with its reason (entry-rules.ts)
const late = { lateEntryReason: 'entered from the paper file' };
const steps: { person: number; actor: typeof officer; command: CaseCommand }[] = [
  {
    person: 0,
    actor: screening,
    command: {
      ...late,
      type: 'screening.check-recorded',
      at: '2026-12-07T09:00:00+02:00',
      check: 'identity',
      result: 'passport',
    },
  },
  {
    person: 1,
    actor: screening,
    command: {
      ...late,
      type: 'screening.check-recorded',
      at: '2026-12-07T09:10:00+02:00',
      check: 'identity',
      result: 'none',
    },
  },
  {
    person: 0,
    actor: screening,
    command: {
      ...late,
      type: 'asylum-wish.expressed',
      at: '2026-12-07T10:00:00+02:00',
      where: 'station',
      to: 'screening officer',
    },
  },
  {
    person: 0,
    actor: screening,
    command: { ...late, type: 'screening.completed', at: '2026-12-08T12:00:00+02:00', outcome: 'asylum' },
  },
  {
    person: 1,
    actor: screening,
    command: { ...late, type: 'screening.completed', at: '2026-12-08T12:30:00+02:00', outcome: 'return' },
  },
  {
    person: 0,
    actor: officer,
    command: {
      ...late,
      type: 'application.registered',
      at: '2026-12-16T09:00:00+02:00',
      disproportionateNumbers: false,
    },
  },
  {
    person: 0,
    actor: officer,
    command: { ...late, type: 'application.lodged', at: '2026-12-18T09:00:00+02:00' },
  },
];

describe.each(BACKENDS)('CaseStore.applyMany on $name', (backend) => {
  let one: Store;
  let many: Store;
  const clock = testClock('2026-12-07T03:00:00Z');
  const now = '2026-12-19T10:00:00Z';

  beforeAll(async () => {
    [one, many] = await Promise.all([backend.open(), backend.open()]);
  }, 60_000);
  afterAll(async () => Promise.all([one?.close(), many?.close()]));

  const open = async (store: Store) => {
    let n = 0;
    // the same case ids in both stores, so that the rows can be compared
    const cs = new CaseStore(store, {
      law: LAW,
      clock: clock.now,
      uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    });
    const { result } = await cs.recordEncounter(encounter, guard, 'am-1');
    return { cs, ids: result.caseIds };
  };
  const rows = async (store: Store) => ({
    cases: await store.query('select id, status, flags, version, data from cases order by id'),
    log: await store.query(
      'select case_id, seq, type, at, actor, role, payload from case_actions order by case_id, seq',
    ),
    obligations: await store.query(
      'select case_id, kind, due_at, article, status, closed_at, closed_recorded_at from obligations order by case_id, kind, due_at',
    ),
  });

  it('writes the same cases, log and obligations as apply, one command at a time', async () => {
    clock.set('2026-12-07T03:00:00Z');
    const a = await open(one);
    const b = await open(many);
    clock.set(now);
    const versions = new Map<string, number>();
    for (const [i, s] of steps.entries()) {
      const id = a.ids[s.person] ?? '';
      const r = await a.cs.apply(id, versions.get(id) ?? 1, s.command, s.actor, `one-${i}`);
      versions.set(id, r.result.version);
    }
    const outcomes = await b.cs.applyMany(
      steps.map((s) => ({ caseId: b.ids[s.person] ?? '', command: s.command, actor: s.actor })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const [ra, rb] = await Promise.all([rows(one), rows(many)]);
    expect(rb).toEqual(ra);
    // registration 8 days after the end of screening: past the 5 days of APR Art. 27(1) — missed, in both
    expect(rb.obligations.find((o) => o.kind === 'registration')?.status).toBe('missed');
    expect((await verifyAudit(many.db)).ok).toBe(true);
    expect(await verifyRecords(many.db)).toBeUndefined();
  });

  it('a refused command writes nothing; the commands after it still apply', async () => {
    const cs = new CaseStore(many, { law: LAW, clock: clock.now, uuid: randomUUID });
    const [caseId] = (await cs.recordEncounter({ ...encounter, ref: 'AM-2' }, guard, 'am-2')).result.caseIds;
    const before = await many.query<{ n: number }>('select count(*)::int as n from case_actions');
    const outcomes = await cs.applyMany([
      // not allowed while in screening: nothing is written for it
      {
        caseId: caseId ?? '',
        actor: officer,
        command: { type: 'application.lodged', at: '2026-12-07T09:00:00+02:00' },
      },
      {
        caseId: caseId ?? '',
        actor: screening,
        command: { type: 'eurodac.transmitted', at: '2026-12-07T09:00:00+02:00', ...late },
      },
    ]);
    expect(outcomes[0]?.ok).toBe(false);
    expect(outcomes[0]?.ok === false && outcomes[0].error).toBeInstanceOf(ActionNotAllowedError);
    expect(outcomes[1]).toEqual({ ok: true, version: 2 });
    const after = await many.query<{ n: number }>('select count(*)::int as n from case_actions');
    expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(1);
  });
});
