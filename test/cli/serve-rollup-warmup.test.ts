// issue 21: `pact serve` refreshes the statistics roll-ups in the background at start (store/rollup-warmup.ts), so
// that the first read after an upgrade of a large database does not count every day and every fact itself. The
// server is started on a fresh embedded folder with the sweep off (PACT_SWEEP_SECONDS=0: one sweep at start, then
// none); after SIGTERM the folder holds both roll-ups' progress rows (statistics_rollup_state ids 1 and 2), which
// only a refresh writes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pact.js');

describe('pact serve keeps the statistics roll-ups warm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pact-warm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('at start, both roll-ups are refreshed in the background and logged', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        PACT_DATA_DIR: join(dir, 'data'),
        PACT_SWEEP_SECONDS: '0',
        PACT_ADMIN_PASSWORD_FILE: join(dir, 'admin-password'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 600 && !/statistics rolled up/.test(out); i++)
      await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toMatch(/"msg":"statistics rolled up"/);
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      const rows = await store.query<{ id: number }>('select id from statistics_rollup_state order by id');
      expect(rows.map((r) => Number(r.id))).toEqual([1, 2]);
    } finally {
      await store.close();
    }
  }, 90_000);
});
