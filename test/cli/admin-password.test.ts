// The first administrator's one-time password (security issue #14, finding 9) never reaches a log stream: when
// stderr is not a terminal it goes into a new file only its owner can read, created exclusively before the
// account exists. On every backend: the account is in the database, the file holds its working password.
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordPath, firstAdministrator, oneTimePasswordFrom } from '../../src/cli/admin-password.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { countUsers, login } from '../../src/store/accounts.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS } from '../store/backends.ts';

const NOW = new Date('2026-12-02T06:00:00Z');
const ctx = (interactive: boolean): CliContext => ({
  stdout: () => {},
  stderr: () => {},
  now: () => NOW,
  interactive,
});

describe('where the administrator password file goes', () => {
  it('PGlite: inside the data folder; PostgreSQL: the working directory; PACT_ADMIN_PASSWORD_FILE wins', () => {
    expect(adminPasswordPath({}, { dataDir: 'some/data' })).toBe(resolve('some/data/admin-password'));
    expect(adminPasswordPath({}, { databaseUrl: 'postgres://x/y' })).toBe(resolve('pact-admin-password'));
    expect(adminPasswordPath({ PACT_ADMIN_PASSWORD_FILE: '/run/secret' }, { dataDir: 'd' })).toBe(
      '/run/secret',
    );
  });
});

describe.each(BACKENDS)('the first administrator on $name', (backend) => {
  let store: Store;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pact-admin-pw-'));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('a file that exists already (a planted file or symbolic link) is refused, and no account is made', async () => {
    store = await backend.open();
    const planted = join(dir, 'planted');
    writeFileSync(planted, 'attacker');
    await expect(firstAdministrator(ctx(false), store.db, NOW, () => planted)).rejects.toThrow(/exists/);
    // a symbolic link to a file the attacker can read: O_EXCL does not follow it
    const target = join(dir, 'readable-by-attacker');
    writeFileSync(target, '');
    const link = join(dir, 'link');
    symlinkSync(target, link);
    await expect(firstAdministrator(ctx(false), store.db, NOW, () => link)).rejects.toThrow(/exists/);
    expect(readFileSync(target, 'utf8')).toBe('');
    expect(readFileSync(planted, 'utf8')).toBe('attacker');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await countUsers(store.db)).toBe(0);
  });

  it('on a terminal: the password is shown there and no file is written', async () => {
    const path = join(dir, 'tty');
    const oneTime = await firstAdministrator(ctx(true), store.db, NOW, () => path);
    expect(existsSync(path)).toBe(false);
    const password = (oneTime as { password: string }).password;
    expect((await login(store.db, 'admin', password, NOW)).username).toBe('admin');
    // back to an empty database for the next case (sessions reference the account; none was made)
    await store.query('delete from credentials');
    await store.query('delete from users');
  });

  it('stderr piped: the password is in a new 0600 file, not in what is printed, and it logs in', async () => {
    const path = join(dir, 'admin-password');
    const oneTime = await firstAdministrator(ctx(false), store.db, NOW, () => path);
    expect(oneTime).toEqual({ file: path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const password = readFileSync(path, 'utf8').trim();
    // 18 random bytes in base64url (accounts.ts: oneTimePassword)
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const who = await login(store.db, 'admin', password, NOW);
    expect(who).toMatchObject({ username: 'admin', role: 'administrator', jurisdiction: 'EU' });
    expect(who.mustChangePassword).toBe(true);
    // what serve prints names the file; the helper of the tests reads the same password from it
    expect(
      oneTimePasswordFrom(`its one-time password is in ${path} (readable by this system account only)`),
    ).toBe(password);
  });

  it('a later start (the administrator exists): nothing is written', async () => {
    const path = join(dir, 'second');
    expect(await firstAdministrator(ctx(false), store.db, NOW, () => path)).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });
});
