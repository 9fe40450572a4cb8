// `pact case amend` (issue #16): the birth year corrected from 1990 to 2010 makes the person a minor, with the
// old value, the new, the reason and who in the log; the role's permissions hold as over the API; the audit
// still verifies. Synthetic persons only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, type Outcome, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts). */
const session = fileSession();

const env: Record<string, string> = {};
const pact = (args: string): Promise<Outcome> => pactIn(args, env, new Date('2026-12-09T10:00:00Z'), session);
const CSV = [
  'encounter_ref,state,occurred_at,kind,group_size,border_section,force_used,force_kind,force_reason,nationality,sex,birth_year,minor,unaccompanied,vulnerabilities,asylum_wish_at,asylum_wish_where,asylum_wish_to',
  'AMEND-CLI-1,LT,2026-12-08T04:10:00+02:00,apprehended-irregular-crossing,2,LT-BY,,,,IQ,male,1990,,,,,,',
].join('\n');

describe('pact case amend', () => {
  let id = '';
  beforeAll(async () => {
    env.PACT_DATA_DIR = await seededDataDir('pact-cli-amend-');
    const file = join(mkdtempSync(join(tmpdir(), 'pact-amend-')), 'e.csv');
    writeFileSync(file, `${CSV}\n`);
    expect((await pact(`import encounters ${file}`)).code).toBe(0);
    const q = JSON.parse((await pact('queue --format json --due 10d --kind screening')).stdout).items;
    id = q[0].caseId;
  }, 60_000);

  it('1990 → 2010: a minor; the log keeps the old value, the new, the reason and who; the audit verifies', async () => {
    const r = await pact(
      `case amend ${id} --field birthYear --value 2010 --reason passport-seen --expected-version 1 --actor officer.lt`,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).result.flags).toContain('minor');
    const shown = JSON.parse((await pact(`case show ${id} --format json`)).stdout);
    expect(shown.case.person.minor).toBe(true);
    expect(shown.actions.at(-1)).toMatchObject({
      type: 'person.amended',
      actor: 'officer.lt',
      payload: { field: 'birthYear', old: 1990, new: 2010, reason: 'passport-seen' },
    });
    expect((await pact('audit verify')).stdout).toMatch(/intact/);
  });

  it('ATTACK: a case officer may not correct the encounter (exit 2, nothing written)', async () => {
    const r = await pact(
      `case amend ${id} --kind encounter --field groupSize --value 3 --reason recount --expected-version 2 --role case-officer`,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs encounter.record/);
    const ok = await pact(
      `case amend ${id} --kind encounter --field groupSize --value 3 --reason recount --expected-version 2 --role border-guard`,
    );
    expect(ok.code).toBe(0);
  });

  it('a value that is not JSON, a birth year after the encounter: refused with the reason', async () => {
    expect(
      (await pact(`case amend ${id} --field nationality --value SY --reason x --expected-version 3`)).stderr,
    ).toMatch(/not valid JSON/);
    const future = await pact(
      `case amend ${id} --field birthYear --value 2030 --reason x --expected-version 3`,
    );
    expect(future.code).not.toBe(0);
    expect(future.stderr).toMatch(/after the day the person was met/);
  });
});
