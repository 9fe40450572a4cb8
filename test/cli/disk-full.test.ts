// A full disk stops `pact serve` so that a supervisor restarts it, instead of leaving a process that
// answers nothing (issue #14, finding 4). A real `pact serve` on PGlite in a small tmpfs the test mounts (it
// needs root, as in CI; skipped otherwise); the test fills the file system and makes the server write.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { oneTimePasswordFrom } from '../../src/cli/admin-password.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pact.js');

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=120m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const root = mkdtempSync(join(tmpdir(), 'pact-disk-full-'));
const mnt = join(root, 'mnt');
mkdirSync(mnt);
const mounted = process.getuid?.() === 0 && tryMount(mnt);

afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mnt]);
  rmSync(root, { recursive: true, force: true });
});

/** Fills the file system until it refuses (ENOSPC). */
function fill(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const block = Buffer.alloc(1024 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
}

describe.skipIf(!mounted)('pact serve on a full disk (tmpfs)', () => {
  it('answers 503, logs one line without the statement and exits non-zero within seconds', async () => {
    let out = '';
    let err = '';
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, PACT_DATA_DIR: join(mnt, 'db'), PACT_SWEEP_SECONDS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    for (let i = 0; i < 300 && !/one-time password is in \S+ \(/.test(err); i++)
      await new Promise((r) => setTimeout(r, 100));
    const address = /Pact serves (http:\/\/\S+)/.exec(err)?.[1];
    // piped stderr: the password is in an owner-only file, which the line names
    const password = oneTimePasswordFrom(err);
    expect(address && password).toBeTruthy();
    fill(mnt);
    // a login writes a session: the database must extend a file and cannot
    const started = Date.now();
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(503);
    expect(login.headers.get('retry-after')).toBeTruthy();
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r('still running'), 10_000)),
    ]);
    expect(code).toBe(75);
    expect(Date.now() - started).toBeLessThan(10_000);
    const fatal = out.split('\n').filter((l) => l.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toContain('53100');
    // no statement, no parameter, no password in the log
    for (const leak of ['insert into', 'INSERT INTO', password as string]) expect(out).not.toContain(leak);
    expect(err).not.toMatch(/insert into/i);
  }, 60_000);
});
