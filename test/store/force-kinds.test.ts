// "Which force was used" is a closed list (issue #14, finding 7): the command refuses a kind outside the list,
// asks for the text of an `other` (and only then); migration 0013 turns the free texts recorded before into
// `other` with the text kept, and the audit still vouches for those encounters afterwards (their hash bound
// the free text; an `other` binds its text in the same place). The CSV import takes the same fields.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { parseRow } from '../../src/domain/encounter-csv.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyRecords } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { MIGRATIONS, type Store } from '../../src/store/database.ts';
import { BACKENDS } from './backends.ts';

const base = {
  ref: 'F-1',
  state: 'LT',
  occurredAt: '2026-12-08T04:10:00+02:00',
  kind: 'entry-prevented-refused',
  groupSize: 3,
};
const issues = (force: unknown) => {
  const r = RecordEncounter.safeParse({ ...base, force });
  return r.success ? [] : r.error.issues.map((i) => i.path.join('/'));
};

describe('the force of an encounter (RecordEncounter)', () => {
  it('takes a kind of the list, and the text of an other', () => {
    expect(issues({ used: true, kind: 'handcuffs', reason: 'resisted' })).toEqual([]);
    expect(issues({ used: true, kind: 'other', kindOther: 'tear gas grenade', reason: 'crowd' })).toEqual([]);
  });
  it('refuses a free text as the kind, an other without its text, a text without other, a listed text', () => {
    expect(issues({ used: true, kind: 'physical restraint', reason: 'resisted' })).toEqual(['force/kind']);
    expect(issues({ used: true, kind: 'other', reason: 'resisted' })).toEqual(['force/kindOther']);
    expect(issues({ used: true, kind: 'baton', kindOther: 'long baton', reason: 'x' })).toEqual([
      'force/kindOther',
    ]);
    expect(issues({ used: true, kind: 'other', kindOther: 'baton', reason: 'x' })).toEqual([
      'force/kindOther',
    ]);
    expect(issues({ used: true, reason: 'resisted' })).toEqual(['force/kind']);
  });
  it('reads force_kind_other from a CSV row', () => {
    const row = {
      encounter_ref: 'C-1',
      state: 'LT',
      occurred_at: base.occurredAt,
      kind: base.kind,
      group_size: '2',
      force_used: 'true',
      force_kind: 'other',
      force_kind_other: 'tear gas grenade',
      force_reason: 'crowd',
    };
    const parsed = parseRow(row, 2);
    expect(Array.isArray(parsed)).toBe(false);
    expect((parsed as { encounter: Record<string, unknown> }).encounter.force).toEqual({
      used: true,
      kind: 'other',
      kindOther: 'tear gas grenade',
      reason: 'crowd',
    });
  });
});

/** The data statement of migration 0013 (after its column is added). */
const MIGRATION_0013 = readFileSync(join(MIGRATIONS, '0013_force-kinds.sql'), 'utf8').split(
  '--> statement-breakpoint',
)[1] as string;

describe.each(BACKENDS)('migration 0013 on $name', (backend) => {
  let store: Store;
  let cases: CaseStore;
  beforeAll(async () => {
    store = await backend.open();
    const now = new Date('2026-12-09T08:00:00Z');
    cases = new CaseStore(store, { law: LAW, clock: () => now, uuid: randomUUID });
  }, 60_000);
  afterAll(() => store?.close());

  it('turns a free-text kind into other with its text, keeps a listed kind, and the audit still vouches for both', async () => {
    const actor = { actor: 'guard.lt', role: 'border-guard' as const };
    const record = (ref: string, force: Record<string, unknown>) =>
      cases.recordEncounter(
        RecordEncounter.parse({ ...base, ref, force: { used: true, reason: 'resisted', ...force } }),
        actor,
        `LT:force-${ref}`,
      );
    await record('OLD-1', { kind: 'other', kindOther: 'tear gas' });
    await record('OLD-2', { kind: 'handcuffs' });
    // as the code before the list stored a free text: the kind column held the text, no other text
    await store.query(
      `update encounters set force_kind = force_kind_other, force_kind_other = null where ref = 'OLD-1'`,
    );
    expect(await verifyRecords(store.db)).toBeUndefined();
    await store.query(MIGRATION_0013);
    const rows = await store.query<{ ref: string; force_kind: string; force_kind_other: string | null }>(
      'select ref, force_kind, force_kind_other from encounters order by ref',
    );
    expect(rows).toEqual([
      { ref: 'OLD-1', force_kind: 'other', force_kind_other: 'tear gas' },
      { ref: 'OLD-2', force_kind: 'handcuffs', force_kind_other: null },
    ]);
    expect(await verifyRecords(store.db)).toBeUndefined();
    // and an alteration is still seen: the text of an other changed
    await store.query(`update encounters set force_kind_other = 'pepper spray' where ref = 'OLD-1'`);
    expect(await verifyRecords(store.db)).toEqual({
      seq: expect.any(Number),
      reason: 'the encounter it records was altered',
    });
  });
});
