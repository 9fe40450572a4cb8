// `pact solidarity`, as the README shows it: the 2026 cycle, Lithuania's half-and-half pledge, a deduction
// request, the synthetic candidates of docs/examples, the matching (dry run, then for real), the transfers,
// the balances and the simulator. Exit 2 with one line for what cannot be done.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts). */
const session = fileSession();

const NOW = new Date('2026-11-25T10:00:00Z');
let env: Record<string, string>;
const pact = (args: string) => pactIn(args, env, NOW, session);

beforeAll(async () => {
  env = { PACT_DATA_DIR: await seededDataDir('pact-solidarity-') };
}, 60_000);

describe('pact solidarity', () => {
  it('cycle 2026: the Council act of 19 December 2025, 21,000 relocations or EUR 420,000,000, the four benefitting states', async () => {
    const r = await pact('solidarity cycle 2026');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Council act (Council Implementing Decision (EU) 2025/2642, 2025-12-19): 21,000 relocations or EUR 420,000,000.00',
    );
    expect(r.stdout).toContain('benefitting states: CY, GR, IT, ES');
    expect(r.stdout).toMatch(/^Union\s+21,000\s+0/m);
  }, 30_000);

  it('pledge LT --relocate 50%: 57 relocated and 58 paid for (EUR 1,160,000), no shortfall', async () => {
    const r = await pact('solidarity pledge LT --relocate 50%');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^LT\s+0\.548 %\s+115\s+57\s+1,160,000\.00\s+0\.00/m);
  });

  it('deduction request, AMMR Art. 62(1): Lithuania, not identified in 2026, only with its reasoning ("or considers itself"); Poland may', async () => {
    const lt = await pact('solidarity deduction request LT --article 62 --percent 10');
    expect(lt.code).toBe(2);
    expect(lt.stderr).toMatch(/LT is not identified as facing a significant migratory situation in 2026/);
    const reasoned = await pact(
      'solidarity deduction request LT --article 62 --percent 10 --on 2026-07-15 --reasoning arrivals-at-the-Belarus-border-tripled',
    );
    expect(reasoned.code).toBe(0);
    const pl = await pact('solidarity deduction request PL --article 62 --percent 100 --on 2026-07-15');
    expect(pl.code).toBe(0);
  });

  it('candidates and the matching: of the 12 synthetic candidates, 7 can move to Lithuania; 5 cannot, each with its reason', async () => {
    expect((await pact('solidarity candidates docs/examples/relocation-candidates.csv')).stdout).toBe(
      '12 candidates added for 2026\n',
    );
    const dry = await pact('solidarity match 2026 --dry-run --format csv');
    const rows = parse(dry.stdout, { columns: true }) as Record<string, string>[];
    // docs/examples/relocation-candidates.csv: IT-C-0006 and GR-C-0003 have security hits (Art. 67(2)), GR-C-0002 is
    // GR-C-0003's family, IT-C-0008 got protection in 2021 (more than 3 years before 19 Dec 2025), ES-C-0001 did
    // not consent; the 7 others fit Lithuania's 57 places (no criteria)
    const unmatched = Object.fromEntries(
      rows.filter((x) => x.outcome === 'unmatched').map((x) => [x.candidate, x.reason]),
    );
    expect(unmatched).toEqual({
      'IT-C-0006': 'security-hit',
      'GR-C-0003': 'security-hit',
      'GR-C-0002': 'family-member-security-hit',
      'IT-C-0008': 'beneficiary-protection-too-old',
      'ES-C-0001': 'beneficiary-without-consent',
    });
    expect(rows.filter((x) => x.outcome === 'matched').every((x) => x.state === 'LT')).toBe(true);
    const real = await pact('solidarity match 2026');
    expect(real.stdout).toContain('7 relocations proposed');
  });

  it('transfers: proposed on 25 November, Lithuania answers by the end of 2 December (1 week, Art. 67(9))', async () => {
    const list = parse((await pact('solidarity transfers --format csv')).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    expect(list).toHaveLength(7);
    expect(list[0]?.confirm_by).toBe('2026-12-02 24:00 (LT)');
    const id = list[0]?.id ?? '';
    expect((await pact(`solidarity transfer ${id} confirm`)).stdout).toMatch(
      /confirmed; the transfer is due by/,
    );
    expect((await pact(`solidarity transfer ${id} transferred`)).code).toBe(0);
    const again = await pact(`solidarity transfer ${id} confirm`);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/transferred cannot be confirm/);
  });

  it('balance --state LT: 57 to relocate, 1 relocated, 56 left', async () => {
    const csv = parse((await pact('solidarity balance --state LT --format csv')).stdout, {
      columns: true,
    }) as Record<string, string>[];
    expect(csv[0]).toMatchObject({
      state: 'LT',
      relocations_due: '57',
      relocated: '1',
      outstanding_relocations: '56',
    });
  });

  it('simulate: Lithuania relocating everything on a 30,000 pool: share 164, relocates 164', async () => {
    const r = await pact('solidarity simulate --relocations 30000 --pledge LT=100% --format csv');
    const lt = (parse(r.stdout, { columns: true }) as Record<string, string>[]).find((x) => x.state === 'LT');
    expect(lt).toMatchObject({
      share_adopted: '115',
      share_scenario: '164',
      relocations_adopted: '57',
      relocations_scenario: '164',
    });
  });

  it('bad input: an unknown step, a percentage over 100, an unknown year', async () => {
    expect((await pact('solidarity transfer x fly')).code).toBe(2);
    expect((await pact('solidarity pledge LT --relocate 150%')).code).toBe(2);
    const y = await pact('solidarity cycle 2031');
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/no pool for 2031/);
  });
});
