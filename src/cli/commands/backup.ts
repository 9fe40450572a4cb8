// `pact backup FILE` and `pact restore FILE` (issue 21): backups of the embedded database (PACT_DATA_DIR).
// - backup: while `pact serve` holds the folder, through that server (--url, an administrator's API token with
//   the export scope in PACT_TOKEN): the server takes the copy between transactions. When no process holds the
//   folder, this command opens it itself (taking its lock) and copies it. The file is owner-only (it is the
//   whole database, personal data included), never overwritten without --force; the copy written is then
//   opened in memory and its counts and audit chain printed.
// - restore: only into an empty or absent folder; opens it (migrations run), verifies the audit chain as
//   `pact audit verify` does, and prints the same counts, so that a drill compares the two outputs.
// On PostgreSQL (DATABASE_URL) both refuse and point to pg_dump and WAL archiving (docs/backup.md).
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { Command, Option } from 'commander';
import { PactError } from '../../law/errors.ts';
import {
  assertDataFolder,
  type BackupFacts,
  backupFacts,
  backupOf,
  NotEmbeddedError,
  openBackupInMemory,
  restoreInto,
} from '../../store/backup.ts';
import { DataFolderInUseError } from '../../store/data-folder-lock.ts';
import { openStore, type Store } from '../../store/database.ts';
import { storeOptions } from '../../store/open-from-env.ts';
import { type CliContext, UsageError } from '../context.ts';
import { writePrivateFile } from '../private-file.ts';
import { letGo } from '../store-session.ts';

/** The counts and the chain, one fact a line: the same lines from backup and restore. */
export function factsText(f: BackupFacts): string {
  const chain = f.audit.ok
    ? f.records
      ? `audit log intact (${f.audit.entries} entries), but ${f.records.seq > 0 ? `entry ${f.records.seq}: ` : ''}${f.records.reason}`
      : `audit log intact: ${f.audit.entries} entries; head ${f.audit.head}`
    : `audit log BROKEN at entry ${f.audit.problem?.seq}: ${f.audit.problem?.reason}`;
  return `cases: ${f.cases}\nactions: ${f.actions}\naudit entries: ${f.audit.entries}\n${chain}\n`;
}

const intact = (f: BackupFacts) => f.audit.ok && !f.records;

async function withFacts(open: Promise<Store>): Promise<BackupFacts> {
  const store = await open;
  try {
    return await backupFacts(store);
  } finally {
    await store.close();
  }
}

interface BackupOptions {
  readonly force?: boolean;
  readonly url?: string;
}

export function backupCommand(ctx: CliContext): Command {
  return new Command('backup')
    .description(
      "write a backup of the embedded database (PACT_DATA_DIR) to FILE, owner-only; while `pact serve` runs, through it: --url and an administrator's API token (export scope) in PACT_TOKEN",
    )
    .argument('<file>', 'the backup file to write (a gzipped tar)')
    .option('--force', 'overwrite FILE if it exists')
    .addOption(new Option('--url <url>', 'the running server (e.g. http://127.0.0.1:8080)').env('PACT_URL'))
    .action(async (file: string, opts: BackupOptions) => {
      const env = ctx.env ?? {};
      if (env.DATABASE_URL?.trim()) throw new NotEmbeddedError();
      if (existsSync(file) && !opts.force)
        throw new UsageError(`${file} exists: a backup never overwrites a file without --force`);
      if (!opts.url) await letGo(ctx);
      const bytes = opts.url ? await fromServer(opts.url, env.PACT_TOKEN) : await fromFolder(env);
      // the whole database: owner-only, and complete or absent (a partial file is never left under the name)
      const partial = `${file}.partial`;
      try {
        writePrivateFile(partial, bytes);
        renameSync(partial, file);
      } catch (e) {
        rmSync(partial, { force: true });
        throw e;
      }
      ctx.stdout(`backup written: ${file} (${bytes.length} bytes, readable by its owner only)\n`);
      const facts = await withFacts(openBackupInMemory(bytes));
      ctx.stdout(factsText(facts));
      if (!intact(facts)) ctx.setExitCode?.(1);
    });
}

async function fromFolder(env: Readonly<Record<string, string | undefined>>): Promise<Uint8Array> {
  const options = storeOptions(env);
  if (options.dataDir && !options.dataDir.startsWith('memory://')) assertDataFolder(options.dataDir);
  let store: Store;
  try {
    store = await openStore({ ...options, holder: 'pact backup' });
  } catch (e) {
    if (e instanceof DataFolderInUseError)
      throw new PactError(
        'data-folder-in-use',
        `${e.message}\nwhile a server runs, back up through it: pact backup FILE --url http://<its address> with PACT_TOKEN set to an administrator's API token (export scope)`,
      );
    throw e;
  }
  try {
    return await backupOf(store);
  } finally {
    await store.close();
  }
}

async function fromServer(url: string, token: string | undefined): Promise<Uint8Array> {
  if (!token?.trim())
    throw new UsageError("--url needs PACT_TOKEN: an administrator's API token with the export scope");
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new UsageError(`--url: not a URL: ${url}`);
  }
  let r: Response;
  try {
    r = await fetch(new URL('/api/backup', base), {
      method: 'POST',
      headers: { authorization: `Bearer ${token.trim()}` },
    });
  } catch (e) {
    throw new PactError('server-unreachable', `cannot reach ${base.origin}: ${(e as Error).message}`);
  }
  if (!r.ok) {
    const text = await r.text();
    let detail = text.slice(0, 300);
    try {
      detail = (JSON.parse(text) as { detail?: string }).detail ?? detail;
    } catch {
      // not problem+json
    }
    throw new PactError('backup-refused', `the server refused the backup (${r.status}): ${detail}`);
  }
  return new Uint8Array(await r.arrayBuffer());
}

export function restoreCommand(ctx: CliContext): Command {
  return new Command('restore')
    .description(
      'restore a backup into PACT_DATA_DIR (an empty or absent folder only), run the migrations, verify the audit chain and print the counts',
    )
    .argument('<file>', 'a file written by pact backup')
    .action(async (file: string) => {
      const env = ctx.env ?? {};
      if (env.DATABASE_URL?.trim()) throw new NotEmbeddedError();
      const options = storeOptions(env);
      const dir = options.dataDir as string;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
      }
      await letGo(ctx);
      const facts = await withFacts(restoreInto(dir, bytes));
      ctx.stdout(`restored into ${dir}\n${factsText(facts)}`);
      if (!intact(facts)) ctx.setExitCode?.(1);
    });
}
