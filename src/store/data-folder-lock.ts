// One process per embedded data folder (security issue #14, finding 1). PGlite does not lock its folder: two
// processes on one folder both start, both acknowledge writes, and the folder no longer opens afterwards. So
// every opener of a real folder takes `pact.lock` inside it first (PGlite was checked to accept a foreign file
// in its folder, both at initdb and on reopen) and a second opener is refused, naming the holder.
//
// Own module rather than a library: `proper-lockfile` (mkdir + mtime refresh) neither records who holds the
// lock nor checks whether that process still lives, and an OS lock (flock) needs a native addon. The rules:
// - The lock file is complete the moment it appears: written to a temporary file, fsynced, then hard-linked to
//   its name (link() fails if the name exists — the atomic "create exclusively" step). Where the file system
//   has no hard links, open(…, 'wx') is the fallback.
// - It holds {pid, hostname, bootId, startTime, command, since, token}. A holder is dead when: same host and
//   another boot (the machine restarted); or kill(pid, 0) says ESRCH; or the pid lives but its start time
//   (/proc/<pid>/stat field 22) differs from the recorded one — the pid was reused by another process (in a
//   container the server is often pid 1 after every restart); or the pid is this very process but the token is
//   not one this process holds. A lock from another host is never judged dead (its processes cannot be seen).
// - A stale lock is replaced under a breaker file named after the stale holder's token, itself a lock of the
//   same kind: only the opener holding `pact.lock.breaking-<token>` may remove `pact.lock`, and only after
//   reading that the token is still the stale one. Nobody else can change `pact.lock` while it holds that
//   token (the holder is dead, and taking over needs the same breaker), so the removal never hits a fresh lock.
//   Then every opener races for the free name again through link(): exactly one wins.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { PactError } from '../law/errors.ts';

/** The lock's name inside the data folder. */
export const LOCK_FILE = 'pact.lock';

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** /proc/sys/kernel/random/boot_id where readable: a lock from before a restart is stale. */
  readonly bootId?: string;
  /** /proc/<pid>/stat field 22 (clock ticks after boot) where readable: guards against a reused pid. */
  readonly startTime?: string;
  /** What holds it, e.g. "pact serve" (the command's name only, never its arguments). */
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** Random: tells this holding apart from any other by the same pid. */
  readonly token: string;
}

export interface DataFolderLock {
  /** The lock file's path. */
  readonly file: string;
  /** Removes the lock file if it is still this holder's; idempotent. */
  release(): void;
}

/** Another process (or this one, through another open) holds the data folder. */
export class DataFolderInUseError extends PactError {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | undefined,
    lockFile: string,
  ) {
    super('data-folder-in-use', inUseMessage(folder, holder, lockFile));
  }
}

function inUseMessage(folder: string, h: LockHolder | undefined, lockFile: string): string {
  const advice =
    'stop it first; to work alongside a running server use its API, or a PostgreSQL server (DATABASE_URL)';
  if (!h)
    return `the data folder ${folder} is locked, but its lock file ${lockFile} is unreadable — if no Pact process uses the folder, delete that file`;
  const since = h.since.replace(/\.\d{3}Z$/, 'Z');
  const host = h.hostname === hostname() ? '' : ` on host ${h.hostname}`;
  const foreign = h.hostname === hostname() ? '' : `; if that process no longer runs, delete ${lockFile}`;
  return `the data folder ${folder} is in use by process ${h.pid}${host} (${h.command}, since ${since}) — ${advice}${foreign}`;
}

/** Tokens of the locks this process holds, by lock file: the liveness check for holders with our own pid. */
const heldHere = new Map<string, string>();
let exitHookInstalled = false;

/**
 * Takes the data folder's lock or throws DataFolderInUseError naming the holder. `command` says what takes
 * it ("pact serve"). The folder must exist.
 */
export function lockDataFolder(folder: string, command: string): DataFolderLock {
  const file = join(resolve(folder), LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    ...optional('bootId', bootId()),
    ...optional('startTime', startTimeOf(process.pid)),
    command,
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  const refusal = acquire(file, me, 0);
  if (refusal)
    throw new DataFolderInUseError(resolve(folder), refusal === 'unreadable' ? undefined : refusal, file);
  heldHere.set(file, me.token);
  sweepBreakers(file);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // best effort when the process ends without closing the store (an uncaught error, process.exit)
    process.on('exit', () => {
      for (const [f, token] of heldHere) removeIfMine(f, token);
    });
  }
  let released = false;
  return {
    file,
    release: () => {
      if (released) return;
      released = true;
      removeIfMine(file, me.token);
      heldHere.delete(file);
    },
  };
}

/** The breaker chain may nest this deep (a taker crashing inside the microseconds of its takeover). */
const MAX_DEPTH = 3;
const ATTEMPTS = 50;

/**
 * Takes `file` for `me`. Returns undefined when taken, else the live holder (or 'unreadable' for a lock
 * file that does not parse: never written that way by Pact, so a person must look at it).
 */
function acquire(file: string, me: LockHolder, depth: number): LockHolder | 'unreadable' | undefined {
  let last: LockHolder | 'unreadable' | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusively(file, `${JSON.stringify(me)}\n`)) return undefined;
    const current = readHolder(file);
    if (current === 'gone') {
      pause(1);
      continue;
    }
    if (current === 'unreadable' || isAlive(current)) return current;
    if (depth >= MAX_DEPTH) return current;
    // stale: only the holder of the breaker named after its token may remove it
    const breaker = `${file}.breaking-${current.token}`;
    const busy = acquire(breaker, me, depth + 1);
    if (busy) {
      // another opener is replacing it right now: wait a moment, then look again
      last = busy;
      pause(2 + attempt);
      continue;
    }
    try {
      const again = readHolder(file);
      if (typeof again === 'object' && again.token === current.token) unlinkQuietly(file);
    } finally {
      removeIfMine(breaker, me.token);
    }
  }
  return last ?? readHolderOr(file);
}

function readHolderOr(file: string): LockHolder | 'unreadable' {
  const h = readHolder(file);
  return h === 'gone' ? 'unreadable' : h;
}

/** Creates `file` with `content`, complete when it appears; false if the name exists. */
function createExclusively(file: string, content: string): boolean {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeDurably(temp, content, 'wx');
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
    // no hard links here: create exclusively in place (a reader may see it empty for an instant)
    try {
      writeDurably(file, content, 'wx');
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    unlinkQuietly(temp);
  }
}

function writeDurably(file: string, content: string, flags: string): void {
  const fd = openSync(file, flags, 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The holder recorded in `file`; 'gone' if there is no such file. */
export function readHolder(file: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    // pid 0 or negative would signal a whole process group in kill(): never trust it
    if (!Number.isSafeInteger(h.pid) || (h.pid as number) <= 0) return 'unreadable';
    if (typeof h.hostname !== 'string' || typeof h.since !== 'string') return 'unreadable';
    // the token names the breaker file: hex only, never a path
    if (typeof h.token !== 'string' || !/^[0-9a-f]{1,64}$/.test(h.token)) return 'unreadable';
    return { ...h, command: typeof h.command === 'string' ? h.command : 'unknown' } as LockHolder;
  } catch {
    // the fallback without hard links may show a file that is still being written
    return Date.now() - mtimeOf(file) < 2_000 ? 'gone' : 'unreadable';
  }
}

/** Whether the process that wrote the lock still runs (see the header for the rules). */
export function isAlive(h: LockHolder): boolean {
  if (h.hostname !== hostname()) return true;
  const boot = bootId();
  if (h.bootId && boot && h.bootId !== boot) return false;
  if (h.pid === process.pid) return [...heldHere.values()].includes(h.token);
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = startTimeOf(h.pid);
  if (h.startTime && started && started !== h.startTime) return false;
  return true;
}

/** /proc/<pid>/stat field 22, the start time in clock ticks after boot; undefined off Linux. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // field 2 (the command) is in parentheses and may hold spaces or parentheses: count after the last ')'
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .trim()
      .split(' ');
    return fields[22 - 3];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function removeIfMine(file: string, token: string): void {
  try {
    const h = readHolder(file);
    if (typeof h === 'object' && h.token === token) unlinkQuietly(file);
  } catch {
    // best effort (the folder may be gone)
  }
}

/**
 * Breakers left by openers that died inside a takeover; none is needed once the lock has a live holder. Only
 * the breakers' own names: a temporary file beside them is another opener's lock in the making.
 */
function sweepBreakers(file: string): void {
  const breaker = new RegExp(`^${basename(file).replace(/\./g, '\\.')}(\\.breaking-[0-9a-f]+)+$`);
  try {
    for (const name of readdirSync(join(file, '..')))
      if (breaker.test(name)) unlinkQuietly(join(file, '..', name));
  } catch {
    // best effort
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
