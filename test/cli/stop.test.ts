// SIGTERM ends `pact serve` within a bounded time even when the database hangs (issue #14, finding 4): a
// TCP proxy between the server and PostgreSQL stops passing anything while a request waits on the database;
// the process must still exit (STOP_TIMEOUT_MS for the requests in flight, the same for the database, then
// bin/pact.js ends the process). PostgreSQL only (PACT_TEST_DATABASE_URL).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { STOP_TIMEOUT_MS } from '../../src/cli/commands/serve.ts';
import { proxiedDatabase } from '../api/tcp-proxy.ts';

const base = process.env.PACT_TEST_DATABASE_URL;
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pact.js');

describe.skipIf(!base)('pact serve and SIGTERM', () => {
  const db = proxiedDatabase(base ?? 'postgres://127.0.0.1:5432/x');
  const { proxy } = db;

  afterAll(() => db.drop());

  it('exits within a bounded time while a request waits on a database that hangs', async () => {
    const url = await db.start();
    let err = '';
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PACT_SWEEP_SECONDS: '0',
        // the first administrator's password file: a new temporary path, never the working directory (the
        // repository), where a file left by an earlier run would stop the first start
        PACT_ADMIN_PASSWORD_FILE: join(mkdtempSync(join(tmpdir(), 'pact-stop-')), 'admin-password'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (d) => {
      err += d;
    });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let i = 0; i < 300 && !/Pact serves/.test(err); i++) await new Promise((r) => setTimeout(r, 100));
    const address = /Pact serves (http:\/\/\S+)/.exec(err)?.[1];
    expect(address).toBeTruthy();
    // let the first deadline sweep finish, then the database hangs with a request waiting on it
    await new Promise((r) => setTimeout(r, 500));
    proxy.hang();
    const waiting = fetch(`${address}/readyz`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    child.kill('SIGTERM');
    const bound = 3 * STOP_TIMEOUT_MS + 5_000;
    const outcome = await Promise.race([
      exited.then(() => 'exited'),
      new Promise((r) => setTimeout(() => r('still running'), bound)),
    ]);
    expect(outcome).toBe('exited');
    expect(Date.now() - started).toBeLessThan(bound);
    await waiting;
  }, 60_000);
});
