// `pact admission programmes`: a programme of 2,000 split by pledges 500/300/200 printed with each state's share
// (1,000/600/400) and progress, and a state's overdue decision deadline (Art. 10: 3 months from registration).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import { createProgramme } from '../../src/store/admission.ts';
import { createFile, recordStep } from '../../src/store/admission-files.ts';
import { openFromEnv } from '../../src/store/open-from-env.ts';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { pactIn } from './run.ts';

const NOW = new Date('2026-12-09T10:00:00Z');
let env: Record<string, string>;
const pact = (args: string) => pactIn(args, env, NOW);

beforeAll(async () => {
  env = { PACT_DATA_DIR: await seededDataDir('pact-admission-') };
  const store = await openFromEnv(env);
  try {
    const deps = { db: store.db, law: LAW, uuid: randomUUID };
    const id = await createProgramme(
      deps,
      {
        name: 'Camp programme',
        planStart: '2026-07-01',
        admissionType: 'humanitarian-admission',
        region: 'a camp',
        referringOrganisation: 'UNHCR',
        total: 2000,
        splitMethod: 'pledges',
        pledges: [
          { state: 'LT', admissionType: 'humanitarian-admission', persons: 500 },
          { state: 'LV', admissionType: 'humanitarian-admission', persons: 300 },
          { state: 'PL', admissionType: 'resettlement', persons: 200 },
        ],
      },
      'LT',
      'cli-test',
      NOW,
    );
    const p = {
      userId: 'u',
      username: 'coordinator.lt',
      role: 'solidarity-coordinator' as const,
      jurisdiction: 'LT',
    };
    const file = await createFile(
      deps,
      id,
      { referralRef: 'SYN-1', referredOn: '2026-08-20', nationality: 'SY', procedure: 'expedited' },
      p,
      NOW,
    );
    await recordStep(deps, file, { step: 'registered', on: '2026-09-01' }, p, NOW);
  } finally {
    await store.close();
  }
}, 60_000);

describe('pact admission programmes', () => {
  it("prints the split 1,000/600/400 and LT's overdue decision (registered 1 September 2026 + 3 months = 1 December)", async () => {
    const r = await pact('admission programmes --state LT');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Union Plan period 2026-07-01 to 2028-06-30; 2,000 persons split by pledges');
    expect(r.stdout).toMatch(/^LT\s+500\s+1,000\s+1\s+0\s+0\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^LV\s+300\s+600\s/m);
    expect(r.stdout).toMatch(/^PL\s+200\s+400\s/m);
    expect(r.stdout).toContain('decision due 2026-12-01 OVERDUE: SYN-1 (expedited');
  });

  it("another state's deadlines are not printed; a state that pledges to nothing has no programme", async () => {
    const pl = await pact('admission programmes --state PL');
    expect(pl.stdout).not.toContain('SYN-1');
    expect((await pact('admission programmes --state FR')).stdout).toBe('no admission programme of FR\n');
  });

  it('as JSON', async () => {
    const r = await pact('admission programmes --state LT --format json');
    expect(JSON.parse(r.stdout)[0].split.map((s: { share: number }) => s.share)).toEqual([1000, 600, 400]);
  });
});
