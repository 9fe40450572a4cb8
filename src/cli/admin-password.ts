// Where the first administrator's one-time password goes (security issue #14, finding 9). Under a supervisor
// (systemd, a container runtime, CI) stderr is the log stream, kept and shipped elsewhere: a password there
// outlives its purpose. So it goes to the terminal only when stderr is one; otherwise into a file only its
// owner can read, and the log gets the file's path.
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countUsers, ensureAdministrator } from '../store/accounts.ts';
import type { Db, OpenOptions } from '../store/database.ts';
import { type CliContext, UsageError } from './context.ts';

/** The file's name in the data folder (PGlite) or the working directory (PostgreSQL). */
export const ADMIN_PASSWORD_FILE = 'admin-password';

/** PACT_ADMIN_PASSWORD_FILE, else beside the data (in PGlite's folder, which it tolerates), else ./. */
export function adminPasswordPath(
  env: Readonly<Record<string, string | undefined>>,
  options: OpenOptions,
): string {
  const chosen = env.PACT_ADMIN_PASSWORD_FILE?.trim();
  if (chosen) return resolve(chosen);
  if (!options.databaseUrl && options.dataDir && !options.dataDir.startsWith('memory://'))
    return resolve(join(options.dataDir, ADMIN_PASSWORD_FILE));
  return resolve(`pact-${ADMIN_PASSWORD_FILE}`);
}

/** The first administrator's one-time password: on the terminal, or in a file only its owner reads. */
export type OneTime = { readonly password: string } | { readonly file: string };

/**
 * On an empty database, creates the administrator. Its password is shown on the terminal when stderr is one;
 * otherwise stderr is a log stream, and the password goes into a new owner-only file (created before the
 * account, so that a file that cannot be written leaves no account nobody can log in to).
 */
export async function firstAdministrator(
  ctx: CliContext,
  db: Db,
  now: Date,
  path: () => string,
): Promise<OneTime | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const file = ctx.interactive ? undefined : SecretFile.create(path());
  let password: string | undefined;
  try {
    password = await ensureAdministrator(db, now);
  } finally {
    if (!password) file?.discard();
  }
  if (!password) return undefined;
  if (!file) return { password };
  file.write(`${password}\n`);
  return { file: file.path };
}

/**
 * A file created exclusively with mode 0600, before the account exists: if it cannot be created (it exists,
 * the folder is not writable), the server stops with one line and no account is made whose password nobody
 * could read. O_EXCL also refuses a symbolic link planted at the path.
 */
export class SecretFile {
  private fd: number | undefined;
  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  static create(path: string): SecretFile {
    try {
      const fd = openSync(path, 'wx', 0o600);
      // the mode is 0600 already unless the umask removed more; say it explicitly anyway
      fchmodSync(fd, 0o600);
      return new SecretFile(path, fd);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'EEXIST'
          ? `${path} exists: it may hold an earlier administrator password; read it, delete it (or set PACT_ADMIN_PASSWORD_FILE to another path), then start again`
          : `cannot create ${path} for the administrator's one-time password (${code ?? String(e)}); set PACT_ADMIN_PASSWORD_FILE to a writable path`,
      );
    }
  }

  write(text: string): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, text);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** Nothing to write (another process created the administrator first): no empty file stays behind. */
  discard(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    try {
      unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}

/**
 * The one-time password from what `pact serve` printed on stderr: read from the file it names, or from the
 * terminal form; undefined until the whole line has arrived. For the programs that start a server and log in
 * (tests, benchmarks).
 */
export function oneTimePasswordFrom(stderr: string): string | undefined {
  const file = /one-time password is in (\S+) \(/.exec(stderr)?.[1];
  if (file) return readFileSync(file, 'utf8').trim();
  return /with the one-time password\n\n {4}(\S+)\n/.exec(stderr)?.[1];
}
