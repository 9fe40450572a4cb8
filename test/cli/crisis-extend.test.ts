// `pact crisis declare --extended-to` and `pact crisis extend` (issue 17, border-crisis): a declaration keeps the
// initial Council decision's period apart from its extensions (CFMR Arts 5(1)–(2), 10(4)).
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, type Outcome, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts). */
const session = fileSession();

const env: Record<string, string> = {};
const at = new Date('2026-12-09T10:00:00Z');
const pact = (args: string): Promise<Outcome> => pactIn(args, env, at, session);

describe('pact crisis: extensions (CFMR Art. 5)', () => {
  beforeAll(async () => {
    env.PACT_DATA_DIR = await seededDataDir('pact-cli-crisis-');
  }, 60_000);

  it('CFMR Art. 5(1): declared for 1 December – 28 February, extended to 31 May; an extension past 12 months (Art. 5(3)) is refused', async () => {
    const declared = await pact(
      'crisis declare --state LT --kind mass-arrivals --from 2026-12-01 --to 2027-02-28 --act CID-1',
    );
    expect(declared.code).toBe(0);
    const id = /crisis ([0-9a-f-]{36})/.exec(declared.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    const ok = await pact(`crisis extend --state LT --id ${id} --to 2027-05-31 --act CID-2`);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`crisis ${id}: extended to 2027-05-31\n`);
    const tooLong = await pact(`crisis extend --state LT --id ${id} --to 2027-12-01 --act CID-3`);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/at most 12 months/);
    expect((await pact('audit verify')).code).toBe(0);
  });

  it('CFMR Art. 5(1): --extended-to must end after the initial period (--to)', async () => {
    const r = await pact(
      'crisis declare --state LT --kind mass-arrivals --from 2026-12-01 --to 2027-02-28 --extended-to 2027-02-01 --act CID-4',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/after the initial period/);
  });
});
