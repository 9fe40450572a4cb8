// What no one may quietly change: the audit chain detects altered, removed and reordered entries; 50 (20 under npm test)
// concurrent writers lose no update; retried commands create nothing twice; the stored current state of a
// case equals a replay of its stored log, whatever commands were sent.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { ActionNotAllowedError, CommandRejectedError } from '../../src/domain/errors.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { UnknownPlaceError, VersionConflictError } from '../../src/store/errors.ts';
import { commandsArb } from '../domain/arbitraries.ts';
import { volume } from '../volume.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-1', role: 'border-guard' };
/** The store's clock stands months after the commands' times: each is a late entry, with its reason. */
const lateEntryReason = 'entered from the paper file';
const wish = { at: '2026-12-07T04:30:00+02:00', where: 'Medininkai', to: 'border guard' };

describe.each(BACKENDS)('integrity on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2027-06-01T00:00:00Z');
  let n = 0;
  const newCase = async () => {
    n += 1;
    const { result } = await cs.recordEncounter(
      {
        ref: `I-${n}`,
        state: 'LT',
        occurredAt: '2026-12-07T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'SY',
            sex: 'female',
            minor: false,
            unaccompanied: false,
            vulnerabilities: [],
            asylumWish: wish,
          },
        ],
      },
      guard,
      `enc-${n}`,
    );
    return result.caseIds[0] as string;
  };

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
  }, 60_000);
  afterAll(async () => store?.close());

  // 50 under npm run test:soak; 20 under npm test (the retries grow with the square of the writers)
  const WRITERS = volume(50, 12);
  it(`${WRITERS} concurrent writers on one case: every command lands once, no update is lost`, async () => {
    const id = await newCase();
    const accepted = new Map<number, number>();
    const writer = async (w: number) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const version = (await findCase(store.db, id))?.case.version ?? 0;
        try {
          await cs.apply(
            id,
            version,
            {
              type: 'screening.check-recorded',
              at: '2026-12-07T08:00:00+02:00',
              lateEntryReason, // the clock stands months later: a late entry
              check: 'identity',
              result: `writer ${w}`,
            },
            guard,
            `w-${w}`,
          );
          accepted.set(w, version);
          return attempt;
        } catch (e) {
          if (!(e instanceof VersionConflictError)) throw e;
        }
      }
      throw new Error(`writer ${w} gave up`);
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    // every writer sends its accepted request once more, as a client whose answer was lost: nothing new
    const again = await Promise.all(
      Array.from({ length: WRITERS }, (_, w) =>
        cs.apply(
          id,
          accepted.get(w) ?? -1,
          {
            type: 'screening.check-recorded',
            at: '2026-12-07T08:00:00+02:00',
            lateEntryReason, // the clock stands months later: a late entry
            check: 'identity',
            result: `writer ${w}`,
          },
          guard,
          `w-${w}`,
        ),
      ),
    );
    expect(again.every((r) => r.replayed)).toBe(true);
    const view = await findCase(store.db, id);
    expect(view?.case.version).toBe(WRITERS + 1);
    expect(view?.actions).toHaveLength(WRITERS + 1);
    const results = view?.actions
      .slice(1)
      .map((a) => (a.payload as { result: string }).result)
      .sort();
    expect(results).toEqual(Array.from({ length: WRITERS }, (_, w) => `writer ${w}`).sort());
  }, 120_000);

  it('encounters written at once by several writers (as by several processes) and a case command meanwhile: each lands once, the chain stays whole', async () => {
    const first = await newCase();
    // four services on the same database, each remembering its own basis: their chain positions collide
    const writers = Array.from(
      { length: 4 },
      () => new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID }),
    );
    const encounter = (ref: string): RecordEncounter => ({
      ref,
      state: 'LT',
      occurredAt: '2026-12-07T04:10:00+02:00',
      kind: 'apprehended-irregular-crossing',
      groupSize: 2,
      persons: [
        { nationality: 'IQ', sex: 'male', minor: false, unaccompanied: false, vulnerabilities: [] },
        { nationality: 'IQ', sex: 'female', minor: false, unaccompanied: false, vulnerabilities: [] },
      ],
    });
    const before = await store.query<{ n: number }>('select count(*)::int as n from audit_log');
    const writes = writers.flatMap((w, i) =>
      Array.from({ length: 10 }, (_, k) => w.recordEncounter(encounter(`C-${i}-${k}`), guard, `c-${i}-${k}`)),
    );
    // the same 40 requests once more at the same time, as clients retrying: nothing new
    const retries = writers.flatMap((_w, i) =>
      Array.from({ length: 10 }, (_, k) =>
        writers[(i + 1) % 4]?.recordEncounter(encounter(`C-${i}-${k}`), guard, `c-${i}-${k}`),
      ),
    );
    const command = cs.apply(
      first,
      1,
      {
        type: 'screening.check-recorded',
        at: '2026-12-07T08:00:00+02:00',
        lateEntryReason,
        check: 'identity',
        result: 'ok',
      },
      guard,
      'c-command',
    );
    const results = await Promise.all([...writes, ...retries, command]);
    expect(results).toHaveLength(81);
    const [{ encounters, cases } = { encounters: 0, cases: 0 }] = await store.query<{
      encounters: number;
      cases: number;
    }>(
      `select count(*)::int as encounters, (select count(*)::int from cases c join encounters e on e.id = c.encounter_id where e.ref like 'C-%') as cases from encounters where ref like 'C-%'`,
    );
    expect(encounters).toBe(40);
    expect(cases).toBe(80);
    // issue 21: each encounter adds ONE entry, listing its persons' first actions; the command adds 1
    const after = await store.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(40 * 1 + 1);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
  }, 120_000);

  it('a crisis declared after a writer last wrote still covers its next encounter (the write is checked against the declarations)', async () => {
    const writer = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    const one = (ref: string): RecordEncounter => ({
      ref,
      state: 'LT',
      occurredAt: '2026-12-08T10:00:00+02:00',
      kind: 'apprehended-irregular-crossing',
      groupSize: 1,
      persons: [{ nationality: 'IQ', sex: 'male', minor: false, unaccompanied: false, vulnerabilities: [] }],
    });
    const before = await writer.recordEncounter(one('K-1'), guard, 'k-1');
    expect(before.result.obligations.find((o) => o.kind === 'screening')).toBeDefined();
    const crisisId = randomUUID();
    await store.query(
      `insert into crisis_declarations (id, state, kind, starts_on, ends_on, legal_act, created_at)
       values ($1, 'LT', 'instrumentalisation', '2026-12-08', '2027-03-07', 'Council implementing decision (synthetic)', now())`,
      [crisisId],
    );
    const after = await writer.recordEncounter(one('K-2'), guard, 'k-2');
    const view = await findCase(store.db, after.result.caseIds[0] as string);
    expect(view?.case.crisis?.id).toBe(crisisId);
  });

  it('the stored state of a case equals a replay of its stored log, for random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(commandsArb(12), async (cmds) => {
        const id = await newCase();
        let version = 1;
        for (const cmd of cmds) {
          try {
            const { result } = await cs.apply(id, version, cmd, guard, randomUUID());
            version = result.version;
          } catch (e) {
            // issue 22: a departure at a place not loaded here (src/store/returns.ts) is a refusal too
            if (
              !(e instanceof ActionNotAllowedError) &&
              !(e instanceof CommandRejectedError) &&
              !(e instanceof UnknownPlaceError)
            )
              throw e;
          }
        }
        const view = await findCase(store.db, id);
        const log = view?.actions ?? [];
        const replayed = (view?.actions ?? []).reduce<CaseState | undefined>(
          (s, a) =>
            evolve(s, {
              type: a.type,
              at: a.at.toISOString(),
              actor: a.actor,
              role: a.role,
              state: a.state as 'LT',
              legalBasis: a.legalBasis,
              payload: a.payload as Record<string, unknown>,
            }),
          undefined,
        );
        expect(log).toHaveLength(version);
        expect(replayed).toEqual(view?.case);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  describe('tampering with the audit log', () => {
    const asDba = async (statements: string[]) => {
      await store.query('alter table audit_log disable trigger user');
      try {
        for (const s of statements) await store.query(s);
      } finally {
        await store.query('alter table audit_log enable trigger user');
      }
    };

    it('the application cannot update or delete audit entries (the trigger refuses)', async () => {
      await newCase();
      await expect(store.query("update audit_log set actor = 'someone else' where seq = 1")).rejects.toThrow(
        /insert-only/,
      );
      await expect(store.query('delete from audit_log where seq = 1')).rejects.toThrow(/insert-only/);
    });

    it('an altered entry is named', async () => {
      await newCase();
      const [row] = await store.query<{ actor: string }>('select actor from audit_log where seq = 2');
      await asDba(["update audit_log set actor = 'nobody' where seq = 2"]);
      expect(await verifyAudit(store.db)).toMatchObject({
        ok: false,
        problem: { seq: 2, reason: expect.stringMatching(/altered/) },
      });
      await asDba([`update audit_log set actor = '${row?.actor}' where seq = 2`]);
      expect((await verifyAudit(store.db)).ok).toBe(true);
    });

    it('a removed entry is found at the entry after it', async () => {
      const [row] = await store.query<Record<string, unknown>>('select * from audit_log where seq = 3');
      await asDba(['delete from audit_log where seq = 3']);
      expect(await verifyAudit(store.db)).toMatchObject({
        ok: false,
        problem: { seq: 4, reason: expect.stringMatching(/removed|reordered/) },
      });
      await store.query(
        'insert into audit_log (seq, at, actor, action, subject, data, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          row?.seq,
          row?.at,
          row?.actor,
          row?.action,
          row?.subject,
          JSON.stringify(row?.data),
          row?.prev_hash,
          row?.hash,
        ],
      );
      expect((await verifyAudit(store.db)).ok).toBe(true);
    });

    /** The case whose first entry the next test alters, and its nationality as recorded (put back after). */
    let altered: { case_id: string; nationality: string } | undefined;

    it('a case-log entry or an encounter changed behind the application is found', async () => {
      expect(await verifyRecords(store.db)).toBeUndefined();
      // one case, named (several share the first recording time: the physical order of rows decides nothing)
      [altered] = await store.query<{ case_id: string; nationality: string }>(
        "select case_id, payload->'person'->>'nationality' as nationality from case_actions where seq = 1 order by recorded_at, case_id limit 1",
      );
      await store.query(
        "update case_actions set payload = jsonb_set(payload, '{person,nationality}', '\"DE\"') where seq = 1 and case_id = $1",
        [altered?.case_id],
      );
      expect((await verifyRecords(store.db))?.reason).toMatch(/case-log entry it records was altered/);
    });

    it('an encounter changed behind the application is found', async () => {
      // the case-log entry put back as recorded: what is found then is the encounter
      await store.query(
        "update case_actions set payload = jsonb_set(payload, '{person,nationality}', to_jsonb($2::text)) where seq = 1 and case_id = $1",
        [altered?.case_id, altered?.nationality],
      );
      expect(await verifyRecords(store.db)).toBeUndefined();
      await store.query(
        'update encounters set force_used = not force_used where ref = (select min(ref) from encounters)',
      );
      expect((await verifyRecords(store.db))?.reason).toMatch(/encounter it records was altered/);
    });

    it('reordered entries are found', async () => {
      await asDba([
        'update audit_log set seq = -5 where seq = 5',
        'update audit_log set seq = 5 where seq = 6',
        'update audit_log set seq = 6 where seq = -5',
      ]);
      const v = await verifyAudit(store.db);
      expect(v.ok).toBe(false);
      expect(v.problem?.seq).toBe(5);
    });
  });
});
