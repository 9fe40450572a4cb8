// Backups of the embedded database (issue 21): the data folder as a gzipped tar taken inside the process that
// holds it, between transactions (database.ts `dumpDataDir`), without the folder's lock; a restore only into
// an empty or absent folder, which is then opened (migrations run: a backup of an older version) and checked.
// On a PostgreSQL server the server's own tools do this (pg_dump, WAL archiving): docs/backup.md.
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { PactError } from '../law/errors.ts';
import { type AuditVerification, verifyAudit, verifyRecords } from './audit.ts';
import { isLockEntry, withoutEntries } from './backup-tar.ts';
import { DataFolderInUseError } from './data-folder-lock.ts';
import { openStore, type Store } from './database.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export const POSTGRES_BACKUP_ADVICE =
  'the database is a PostgreSQL server (DATABASE_URL): back it up with its own tools — pg_dump for a copy, a base backup with WAL archiving for point-in-time recovery (docs/backup.md)';

/** Not the embedded database: pact backup / restore do not apply. */
export class NotEmbeddedError extends PactError {
  constructor() {
    super('backup-not-embedded', POSTGRES_BACKUP_ADVICE);
  }
}

/** The gzipped tar of an embedded store's data folder, without its lock. */
export async function backupOf(store: Store): Promise<Uint8Array> {
  if (!store.dumpDataDir) throw new NotEmbeddedError();
  const tar = await store.dumpDataDir();
  return new Uint8Array(await gzipAsync(withoutEntries(tar, isLockEntry), { level: 1 }));
}

/** What a drill compares between a backup and its restore. */
export interface BackupFacts {
  readonly cases: number;
  readonly actions: number;
  readonly audit: AuditVerification;
  /** an encounter or action that no longer matches the hash its audit entry recorded */
  readonly records?: { readonly seq: number; readonly reason: string };
}

export async function backupFacts(store: Store): Promise<BackupFacts> {
  const [row] = await store.query<{ cases: number; actions: number }>(
    'select (select count(*) from cases)::int as cases, (select count(*) from case_actions)::int as actions',
  );
  const audit = await verifyAudit(store.db);
  const records = audit.ok ? await verifyRecords(store.db) : undefined;
  return { cases: row?.cases ?? 0, actions: row?.actions ?? 0, audit, ...(records ? { records } : {}) };
}

export const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Opens a backup in memory (nothing on disk): to check a file just written. */
export async function openBackupInMemory(bytes: Uint8Array): Promise<Store> {
  return openStore({ dataDir: 'memory://', loadDataDir: await tarBlobOf(bytes) });
}

async function tarBlobOf(bytes: Uint8Array): Promise<Blob> {
  if (!isGzip(bytes)) throw new PactError('backup-unreadable', 'this is not a Pact backup (not a gzip file)');
  let tar: Uint8Array;
  try {
    tar = new Uint8Array(await gunzipAsync(bytes));
    // a lock inside (a copy made by other means) would name the original folder's process
    tar = withoutEntries(tar, isLockEntry);
  } catch (e) {
    throw new PactError('backup-unreadable', `this is not a readable Pact backup: ${(e as Error).message}`);
  }
  if (!tarHasVersion(tar))
    throw new PactError('backup-unreadable', 'this is not a Pact backup (no PostgreSQL data folder inside)');
  return new Blob([tar as Uint8Array<ArrayBuffer>]);
}

function tarHasVersion(tar: Uint8Array): boolean {
  // PG_VERSION sits at the top of every data folder; the first entries of PGlite's dump
  const head = new TextDecoder().decode(tar.subarray(0, Math.min(tar.length, 64 * 1024)));
  return head.includes('PG_VERSION');
}

/** Refuses a folder that exists and holds anything; true if it exists (empty). */
export function assertEmptyFolder(dir: string): boolean {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new PactError('restore-target-not-empty', `${resolve(dir)} is a file, not a folder`);
    entries = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (entries.length > 0)
    throw new PactError(
      'restore-target-not-empty',
      `the data folder ${resolve(dir)} is not empty (${entries.length} entries): a restore never overwrites data — set PACT_DATA_DIR to a new or empty folder, or move this one away first`,
    );
  return true;
}

/**
 * Restores a backup into `dir` (absent or empty, else refused) and opens it (migrations run). On failure the
 * folder is left as it was found (absent, or empty).
 */
export async function restoreInto(dir: string, bytes: Uint8Array): Promise<Store> {
  const existed = assertEmptyFolder(dir);
  const blob = await tarBlobOf(bytes);
  try {
    const store = await openStore({ dataDir: dir, loadDataDir: blob, holder: 'pact restore' });
    ownerOnly(dir);
    return store;
  } catch (e) {
    // another process took the folder meanwhile: its files are not ours to remove
    if (e instanceof DataFolderInUseError) throw e;
    if (existed)
      for (const name of readdirSync(dir)) rmSync(resolve(dir, name), { recursive: true, force: true });
    else rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * The restored folder holds the whole database, personal data included: readable and writable by its owner only
 * (folders 0700, files 0600), whatever the process's umask made of PGlite's files (issue 21 review).
 */
export function ownerOnly(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) ownerOnly(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/** A folder `pact backup` may copy: one PGlite made (a mistyped folder must not back up an empty database). */
export function assertDataFolder(dir: string): void {
  try {
    statSync(resolve(dir, 'PG_VERSION'));
  } catch {
    throw new PactError(
      'not-a-data-folder',
      `${resolve(dir)} holds no Pact database (no PG_VERSION): check PACT_DATA_DIR`,
    );
  }
}
