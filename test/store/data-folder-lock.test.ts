// The embedded data folder's lock (security issue #14, finding 1): each test plays an opener against a lock
// file left by a live process, a dead one, a process whose pid was reused, another boot, another host, and N
// real processes racing for a folder whose lock is stale. The live processes are real children (`sleep`), so
// the liveness check runs against the kernel, not a mock.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataFolderInUseError,
  LOCK_FILE,
  type LockHolder,
  lockDataFolder,
  readHolder,
  startTimeOf,
} from '../../src/store/data-folder-lock.ts';
import { volume } from '../volume.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BOOT_ID = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

let folder = '';
const lockFile = () => join(folder, LOCK_FILE);
const children: ChildProcess[] = [];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'pact-lock-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** A live process of this machine that is not this one. */
async function liveProcess(): Promise<number> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((r) => child.once('spawn', r));
  return child.pid as number;
}

/** The pid of a process that has ended (the kernel hands pids out in order; it is not reused this soon). */
async function deadPid(): Promise<number> {
  const child = spawn('true', { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return child.pid as number;
}

/** A lock file as another opener would have written it. */
function leaveLock(h: Partial<LockHolder> & { pid: number }): LockHolder {
  const holder: LockHolder = {
    hostname: hostname(),
    bootId: BOOT_ID,
    command: 'pact serve',
    since: '2026-12-02T06:00:00.000Z',
    token: randomBytes(12).toString('hex'),
    ...h,
  };
  writeFileSync(lockFile(), JSON.stringify(holder));
  return holder;
}

function refusal(f: () => unknown): DataFolderInUseError {
  try {
    f();
  } catch (e) {
    if (e instanceof DataFolderInUseError) return e;
    throw e;
  }
  throw new Error('the folder was locked although another process holds it');
}

describe('the data folder lock', () => {
  it('a fresh folder: the lock file names this process; release removes it', () => {
    const lock = lockDataFolder(folder, 'pact serve');
    const h = readHolder(lockFile());
    expect(h).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
      bootId: BOOT_ID,
      command: 'pact serve',
    });
    expect((h as LockHolder).startTime).toBe(startTimeOf(process.pid));
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('a second opener in the same process is refused while the first holds it', () => {
    const lock = lockDataFolder(folder, 'pact serve');
    try {
      const e = refusal(() => lockDataFolder(folder, 'pact user'));
      expect(e.code).toBe('data-folder-in-use');
      expect(e.message).toContain(`in use by process ${process.pid} (pact serve, since `);
    } finally {
      lock.release();
    }
  });

  it('a live holder (another process, its start time matching) is refused, and its lock stays', async () => {
    const pid = await liveProcess();
    const theirs = leaveLock({ pid, startTime: startTimeOf(pid) as string });
    const e = refusal(() => lockDataFolder(folder, 'pact user'));
    expect(e.message).toBe(
      `the data folder ${folder} is in use by process ${pid} (pact serve, since 2026-12-02T06:00:00Z) — stop it first; to work alongside a running server use its API, or a PostgreSQL server (DATABASE_URL)`,
    );
    expect(e.message).not.toContain('\n');
    expect(readHolder(lockFile())).toEqual(theirs);
  });

  it('a dead holder (kill(pid, 0): ESRCH) is stale: the lock is taken over', async () => {
    leaveLock({ pid: await deadPid() });
    const lock = lockDataFolder(folder, 'pact serve');
    expect(readHolder(lockFile())).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('a reused pid (alive, but started at another time than the holder) is stale', async () => {
    const pid = await liveProcess();
    const real = Number(startTimeOf(pid));
    leaveLock({ pid, startTime: String(real - 1) });
    const lock = lockDataFolder(folder, 'pact serve');
    expect(readHolder(lockFile())).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("this process's own pid in a lock it does not hold (a container's pid 1 after a restart) is stale", () => {
    leaveLock({ pid: process.pid, startTime: startTimeOf(process.pid) as string });
    const lock = lockDataFolder(folder, 'pact serve');
    lock.release();
  });

  it('a lock from before the last boot is stale even if its pid lives now', async () => {
    const pid = await liveProcess();
    leaveLock({ pid, bootId: '00000000-0000-0000-0000-000000000000', startTime: startTimeOf(pid) as string });
    lockDataFolder(folder, 'pact serve').release();
  });

  it('a lock from another host is never judged stale (its processes cannot be seen): refused, with the way out', async () => {
    leaveLock({ pid: await deadPid(), hostname: 'another-host' });
    const e = refusal(() => lockDataFolder(folder, 'pact serve'));
    expect(e.message).toContain('on host another-host');
    expect(e.message).toContain(`delete ${lockFile()}`);
  });

  it('an unreadable lock file is refused, not overwritten', () => {
    writeFileSync(lockFile(), 'garbage');
    const e = refusal(() => lockDataFolder(folder, 'pact serve'));
    expect(e.message).toContain('unreadable');
    expect(readFileSync(lockFile(), 'utf8')).toBe('garbage');
  });

  it('a stale lock whose token is a path is unreadable: no breaker file is made outside the folder', async () => {
    leaveLock({ pid: await deadPid(), token: '../../escaped' });
    const e = refusal(() => lockDataFolder(folder, 'pact serve'));
    expect(e.message).toContain('unreadable');
    expect(existsSync(join(folder, '..', '..', 'escaped'))).toBe(false);
  });

  it('release removes only its own lock, never a lock taken over after it', async () => {
    const lock = lockDataFolder(folder, 'pact serve');
    const pid = await liveProcess();
    const theirs = leaveLock({ pid, startTime: startTimeOf(pid) as string });
    lock.release();
    expect(readHolder(lockFile())).toEqual(theirs);
  });

  // issue 21: each contender is a Node process loading TypeScript (about 0.5 s of CPU): npm test races 4 once,
  // the soak run 8 twice
  const N = volume(8, 4);
  it(`${N} processes racing for a folder with a stale lock: exactly one holds it, the others name it`, async () => {
    for (let round = 0; round < volume(2, 1); round++) {
      leaveLock({ pid: await deadPid() });
      const signals = mkdtempSync(join(tmpdir(), 'pact-lock-race-'));
      const go = join(signals, 'go');
      const done = join(signals, 'done');
      const lines: string[][] = [];
      let ready = 0;
      let answered = 0;
      const exits = Array.from({ length: N }, (_, i) => {
        lines[i] = [];
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'test/store/fixtures/lock-contender.ts', folder, go, done],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        children.push(child);
        let buffer = '';
        child.stdout?.setEncoding('utf8').on('data', (c: string) => {
          buffer += c;
          for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            // all loaded: start them together; all answered: the winner may let go
            if (line === 'ready' && ++ready === N) writeFileSync(go, '');
            else if (line !== 'ready') {
              lines[i]?.push(line);
              if (++answered === N) writeFileSync(done, '');
            }
          }
        });
        return new Promise<void>((resolve) =>
          child.once('exit', (code) => {
            // a contender that crashed answers nothing: count it, so that the winner is still let go
            if (code !== 0 && lines[i]?.length === 0) {
              lines[i]?.push(`crashed ${code}`);
              if (++answered === N) writeFileSync(done, '');
            }
            resolve();
          }),
        );
      });
      await Promise.all(exits);
      rmSync(signals, { recursive: true, force: true });
      const outputs = lines.flat();
      const winners = outputs.filter((o) => o.startsWith('won '));
      expect(winners, outputs.join('; ')).toHaveLength(1);
      const winner = (winners[0] as string).slice('won '.length);
      expect(outputs.filter((o) => o === `refused ${winner}`)).toHaveLength(N - 1);
      // the winner released it on its way out
      expect(existsSync(lockFile())).toBe(false);
    }
  }, 30_000);
});
