// The installed command: `npx pact` runs bin/pact.js, which must work from a fresh checkout (no build).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/pact.js', import.meta.url));
const exec = promisify(execFile);

describe('bin/pact.js', () => {
  it('prints the fair-share split and exits 0', async () => {
    const { stdout } = await exec(process.execPath, [
      BIN,
      'fair-shares',
      '--pool',
      '2026',
      '--country',
      'LT',
      '--relocate',
      '50%',
    ]);
    expect(stdout).toMatch(/relocates\s+57 persons/);
  });

  it('exits 2 with one line on stderr for a bad option', async () => {
    const err = await exec(process.execPath, [
      BIN,
      'fair-shares',
      '--relocate',
      '200%',
      '--country',
      'LT',
    ]).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.trim().split('\n')).toHaveLength(1);
  });
});
