// The tar filter of backups (src/store/backup-tar.ts): the data folder's lock and its helper files never go
// into a backup, every other entry goes in unchanged and in order.
import { describe, expect, it } from 'vitest';
import { isLockEntry, tarNames, withoutEntries } from '../../src/store/backup-tar.ts';

/** A ustar entry: a 512-byte header (name, octal size, type '0') and the content padded to 512. */
function entry(name: string, content: string): Uint8Array {
  const body = new TextEncoder().encode(content);
  const header = new Uint8Array(512);
  header.set(new TextEncoder().encode(name), 0);
  header.set(new TextEncoder().encode(`${body.length.toString(8).padStart(11, '0')}\0`), 124);
  header[156] = '0'.charCodeAt(0);
  header.set(new TextEncoder().encode('ustar\0'), 257);
  const out = new Uint8Array(512 + Math.ceil(body.length / 512) * 512);
  out.set(header, 0);
  out.set(body, 512);
  return out;
}

const tarOf = (...parts: Uint8Array[]) => {
  const size = parts.reduce((n, p) => n + p.length, 0) + 1024;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('backup tar', () => {
  it('drops /pact.lock and its breaker and temporary files, keeps the rest byte for byte', () => {
    const version = entry('/PG_VERSION', '18\n');
    const table = entry('/base/5/1259', 'x'.repeat(700));
    const tar = tarOf(
      version,
      entry('/pact.lock', '{"pid":1}'),
      table,
      entry('/pact.lock.breaking-ab12', '{}'),
      entry('/pact.lock.3f2a.tmp', '{}'),
    );
    const kept = withoutEntries(tar, isLockEntry);
    expect(tarNames(kept)).toEqual(['/PG_VERSION', '/base/5/1259']);
    expect(kept).toEqual(tarOf(version, table));
  });

  it('a file merely named like the lock deeper in the folder is kept', () => {
    expect(isLockEntry('/base/pact.lock')).toBe(false);
    expect(isLockEntry('pact.lock')).toBe(true);
    expect(isLockEntry('/pact.locksmith')).toBe(false);
  });

  it('a truncated tar is refused, not half-copied', () => {
    const tar = entry('/base/5/1259', 'x'.repeat(700)).subarray(0, 800);
    expect(() => withoutEntries(tar, isLockEntry)).toThrow(/ends inside an entry/);
  });
});
