// `pact stats eurostat`: the CSV's columns on an empty database, and one line with exit 2 for a bad month.
// (The counts themselves are tested through the store and the public API: test/api/eurostat.test.ts.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pactIn } from './run.ts';

const env = () => ({ PACT_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'pact-stats-')), 'data') });

describe('pact stats eurostat', () => {
  it("prints Eurostat's migr_asyappctzm columns", async () => {
    const r = await pactIn('stats eurostat --state LT --from 2026-06 --to 2026-12', env());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('freq,unit,citizen,sex,age,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n');
  }, 30_000);

  it('a month that does not exist, or --from after --to: exit 2 with one line', async () => {
    const bad = await pactIn('stats eurostat --state LT --from 2026-13 --to 2026-12', env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a month/);
    const order = await pactIn('stats eurostat --state LT --from 2026-12 --to 2026-06', env());
    expect(order.code).toBe(2);
    expect(order.stderr).toMatch(/--from is after --to/);
  }, 30_000);
});
