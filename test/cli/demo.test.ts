// pact demo: what it refuses before it builds anything (one line, exit 2), and what its help promises. The
// scenario itself is tested through the API in test/api/demo.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pact } from './run.ts';

describe('pact demo', () => {
  it.each(['-1', 'abc', '1.5', '1234567890'])('--seed %j is refused with exit 2', async (seed) => {
    const r = await pact(`demo --no-serve --seed ${seed}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed');
  });

  it('refuses a data folder that is not empty (a demonstration never writes into existing data)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pact-demo-test-'));
    writeFileSync(join(dir, 'something'), 'x');
    const r = await pact(`demo --no-serve --data-dir ${dir}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not empty');
    expect(r.stdout).toBe('');
  });

  it('refuses a data folder that is a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pact-demo-test-'));
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    const r = await pact(`demo --no-serve --data-dir ${file}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a folder');
  });

  it('--help names the seed, the data folder and the demo accounts', async () => {
    const r = await pact('demo --help');
    expect(r.code).toBe(0);
    for (const text of [
      '--seed',
      '--data-dir',
      '--no-serve',
      'monitor',
      'border-guard',
      'pact-demo-password',
    ])
      expect(r.stdout).toContain(text);
  });
});
