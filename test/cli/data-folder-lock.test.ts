// Two real processes on one embedded data folder (security issue #14, finding 1). Before the lock both
// `pact serve` started and acknowledged writes, and the folder no longer opened afterwards; a CLI write beside
// a running server printed success and vanished. Now: the second opener (server or CLI) exits 2 with one line
// naming the holder, a SIGKILLed server's lock is recognised as stale, a graceful stop removes it. Along the
// way, the first administrator's password (finding 9): stderr is piped here, so it must not appear there.
// One folder for every step (a new PGlite folder costs 3–6 s of initdb).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUsers } from '../../src/store/accounts.ts';
import { LOCK_FILE, readHolder } from '../../src/store/data-folder-lock.ts';
import { openStore } from '../../src/store/database.ts';
import { seedDataDir } from '../setup/seeded-data-dir.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'pact-lock-cli-'));
const DATA = join(root, 'data');
const children = new Set<ChildProcess>();

// the folder starts as a migrated, empty database (no initdb in the test): still a first start, no account yet
beforeAll(() => seedDataDir(DATA), 60_000);

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function env(): Record<string, string | undefined> {
  const e: Record<string, string | undefined> = {
    ...process.env,
    PACT_DATA_DIR: DATA,
    PACT_SWEEP_SECONDS: '0',
  };
  delete e.DATABASE_URL;
  delete e.PACT_ADMIN_PASSWORD_FILE;
  return e;
}

interface Run {
  readonly proc: ChildProcess;
  readonly stderr: () => string;
  readonly stdout: () => string;
  readonly exit: Promise<number | null>;
}

function pact(args: string[]): Run {
  const proc = spawn(process.execPath, ['bin/pact.js', ...args], {
    cwd: ROOT,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => {
    err += c;
  });
  const exit = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      children.delete(proc);
      resolve(code);
    }),
  );
  return { proc, stderr: () => err, stdout: () => out, exit };
}

/** `pact serve`, resolved once it serves (and, on a first start, has named the password file). */
async function serve(first: boolean): Promise<Run & { url: string }> {
  const r = pact(['serve', '--port', '0', '--quiet']);
  const started = Date.now();
  for (;;) {
    const url = /Pact serves (http:\/\/\S+)/.exec(r.stderr())?.[1];
    if (url && (!first || /one-time password is in \S+ \(/.test(r.stderr()))) return { ...r, url };
    if (r.proc.exitCode !== null) throw new Error(`pact serve exited ${r.proc.exitCode}:\n${r.stderr()}`);
    if (Date.now() - started > 60_000) throw new Error(`pact serve did not start:\n${r.stderr()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function post(url: string, body: unknown, cookie = ''): Promise<{ status: number; cookie: string }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  await r.text();
  return {
    status: r.status,
    cookie: r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

const NEW_PASSWORD = 'violet-harbour-lantern-kettle-37';

describe('one process per embedded data folder', () => {
  it('a second server and a CLI write are refused while a server runs; a SIGKILLed lock is stale; SIGTERM removes it', async () => {
    // 1. the first server; piped stderr: the password is in an owner-only file in the data folder
    const first = await serve(true);
    const file = join(DATA, 'admin-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(first.stderr()).not.toContain(password);
    expect(first.stderr()).toContain(`one-time password is in ${file} (`);
    const admin = await post(`${first.url}/api/auth/login`, { username: 'admin', password });
    expect(admin.status).toBe(200);
    // a write acknowledged by the first server: the administrator's own password
    const changed = await post(
      `${first.url}/api/auth/password`,
      { oldPassword: password, newPassword: NEW_PASSWORD },
      admin.cookie,
    );
    expect(changed.status).toBe(204);
    const pid = first.proc.pid as number;
    expect(readHolder(join(DATA, LOCK_FILE))).toMatchObject({ pid, command: 'pact serve' });

    // 2. a second server on the folder: exit 2, one line naming the first
    const second = pact(['serve', '--port', '0', '--quiet']);
    expect(await second.exit).toBe(2);
    const line = second.stderr().trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(`the data folder ${DATA} is in use by process ${pid} (pact serve, since `);

    // 3. a CLI write beside it: exit 2, the same line, no password printed (no account made)
    const add = pact(['user', 'add', 'lock.test', '--role', 'border-guard', '--state', 'LT']);
    expect(await add.exit).toBe(2);
    expect(add.stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(add.stderr()).toContain(`in use by process ${pid} (pact serve, since `);
    expect(add.stdout()).toBe('');

    // 4. SIGKILL: the lock stays behind, and a new server recognises it as stale
    first.proc.kill('SIGKILL');
    await first.exit;
    expect(readHolder(join(DATA, LOCK_FILE))).toMatchObject({ pid });
    const third = await serve(false);
    // what the first server acknowledged before the kill is there: the new password logs in, the old does not
    expect(
      (await post(`${third.url}/api/auth/login`, { username: 'admin', password: NEW_PASSWORD })).status,
    ).toBe(200);
    expect((await post(`${third.url}/api/auth/login`, { username: 'admin', password })).status).toBe(401);
    expect(readHolder(join(DATA, LOCK_FILE))).toMatchObject({ pid: third.proc.pid });

    // 5. SIGTERM: a graceful stop (exit 0) removes the lock
    third.proc.kill('SIGTERM');
    expect(await third.exit).toBe(0);
    expect(existsSync(join(DATA, LOCK_FILE))).toBe(false);

    // the refused `user add` wrote nothing; the folder opens (it was never written by two processes)
    const store = await openStore({ dataDir: DATA });
    try {
      expect((await listUsers(store.db)).map((u) => u.username)).toEqual(['admin']);
    } finally {
      await store.close();
    }
  }, 120_000);
});
