// `pact search` on the embedded database: a person found by another spelling of the name, by date of birth and
// by a case's short id, in a table with why each matched or as JSON; only the state asked for; every search
// recorded (who, the state, how many) in person_searches and the audit chain. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, type Outcome, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts). */
const session = fileSession();

const env: Record<string, string> = {};
const at = new Date('2026-12-09T10:00:00Z');
const pact = (args: string): Promise<Outcome> => pactIn(args, env, at, session);
const ids: Record<string, string> = {};

describe('pact search', () => {
  beforeAll(async () => {
    env.PACT_DATA_DIR = await seededDataDir('pact-cli-search-');
    // the file's open store (test/cli/run.ts): the folder is locked while the session holds it
    const store = await session.store(env);
    const cases = new CaseStore(store, { law: LAW, clock: () => at, uuid: randomUUID });
    for (const state of ['LT', 'PL']) {
      const { result } = await cases.recordEncounter(
        RecordEncounter.parse({
          ref: `CLI-${state}`,
          state,
          occurredAt: '2026-12-08T04:10:00+02:00',
          kind: 'apprehended-irregular-crossing',
          groupSize: 1,
          persons: [
            {
              nationality: 'IQ',
              sex: 'male',
              identity: {
                familyName: 'Al-Hassan',
                givenNames: 'Mohammed',
                birthDate: { value: '1990-03-15', precision: 'full' },
              },
            },
          ],
        }),
        { actor: 'guard', role: 'border-guard' },
        `cli-search-${state}`,
      );
      ids[state] = result.caseIds[0] as string;
    }
  }, 60_000);

  it('finds a person by another spelling, in a table with why', async () => {
    const out = await pact('search Muhammad Alhasan --state LT');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Case\s+State\s+Status\s+Name\s+Born\s+Nat\.\s+Why/);
    const line = out.stdout.split('\n').find((l) => l.startsWith(ids.LT?.slice(0, 8) ?? '?'));
    expect(line).toMatch(
      /LT .*Mohammed Al-Hassan\s+1990-03-15\s+IQ\s+name 0\.9 \(alhasan→alhassan sound, muhammad→mohammed sound\)/,
    );
    expect(out.stdout).not.toContain(ids.PL?.slice(0, 8));
    expect(out.stdout).toMatch(/^1 person\. Open a case with: pact case show CASE$/m);
  });

  it('searches every state without --state, and answers JSON', async () => {
    const out = await pact('search mohamed al hasssan --format json');
    expect(out.code).toBe(0);
    const answer = JSON.parse(out.stdout);
    expect(answer.results.map((r: { caseId: string }) => r.caseId).sort()).toEqual([ids.LT, ids.PL].sort());
    expect(answer.more).toBe(false);
  });

  it('finds a case by its short id, and by date of birth', async () => {
    const short = ids.LT?.slice(0, 8) as string;
    expect((await pact(`search ${short}`)).stdout).toMatch(new RegExp(`^${short} .*case id prefix`, 'm'));
    const byBirth = await pact('search 15.03.1990 --state PL');
    expect(byBirth.stdout).toMatch(new RegExp(`^${ids.PL?.slice(0, 8)} .*date of birth exact 1`, 'm'));
  });

  it('refuses a query too short, and an unknown state (exit 2)', async () => {
    const short = await pact('search ab');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/the query must be 3 to 100 characters/);
    expect((await pact('search Mohammed --state XY')).code).toBe(2);
  });

  it('records every search: who, the state, how many; the audit chain still verifies', async () => {
    await pact('search Mohammed --state PL --actor operator.anna');
    const store = await session.store(env);
    const rows = await store.query<Record<string, unknown>>(
      `select actor, role, state, query, results from person_searches where actor = 'operator.anna'`,
    );
    expect(rows).toEqual([
      { actor: 'operator.anna', role: 'cli', state: 'PL', query: 'Mohammed', results: 1 },
    ]);
    const [entry] = await store.query<Record<string, unknown>>(
      `select actor, data from audit_log where action = 'person.searched' order by seq desc limit 1`,
    );
    expect(entry).toMatchObject({ actor: 'operator.anna', data: { role: 'cli', state: 'PL', results: 1 } });
    expect((await pact('audit verify')).code).toBe(0);
  });
});
