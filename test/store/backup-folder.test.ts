// issue 21 review: a restored folder is its owner's only (folders 0700, files 0600, whatever the umask made of
// PGlite's files); `pact backup` of a folder with no database (a mistyped PACT_DATA_DIR) is refused instead of
// backing up a new, empty one.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertDataFolder, ownerOnly } from '../../src/store/backup.ts';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('the folders of a backup', () => {
  it('ownerOnly: every folder 0700 and every file 0600, at any depth', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pact-owner-'));
    mkdirSync(join(dir, 'base', '1'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dir, 'PG_VERSION'), '17', { mode: 0o666 });
    writeFileSync(join(dir, 'base', '1', '1259'), 'x', { mode: 0o644 });
    ownerOnly(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'base'))).toBe(0o700);
    expect(mode(join(dir, 'base', '1'))).toBe(0o700);
    expect(mode(join(dir, 'PG_VERSION'))).toBe(0o600);
    expect(mode(join(dir, 'base', '1', '1259'))).toBe(0o600);
  });

  it('assertDataFolder: a folder without PG_VERSION (or none at all) is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pact-nodb-'));
    expect(() => assertDataFolder(dir)).toThrow(/no Pact database/);
    expect(() => assertDataFolder(join(dir, 'typo'))).toThrow(/no Pact database/);
    writeFileSync(join(dir, 'PG_VERSION'), '17');
    expect(() => assertDataFolder(dir)).not.toThrow();
  });
});
