// DATABASE_READ_URL and PACT_READ_MAX_LAG_MS (issue 21, src/store/open-from-env.ts): refused with the
// embedded database, checked before anything is opened.
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.ts';
import { storeOptions } from '../../src/store/open-from-env.ts';
import { DEFAULT_MAX_LAG_MS, lsnBytes } from '../../src/store/read-replicas.ts';

describe('read replicas in the environment', () => {
  it('the embedded database refuses DATABASE_READ_URL (no replicas of PGlite)', async () => {
    expect(() => storeOptions({ DATABASE_READ_URL: 'postgres://r@10.0.0.2/pact' })).toThrow(
      /DATABASE_URL is not set: the embedded database \(PGlite\) has no replicas/,
    );
    await expect(openStore({ readUrls: ['postgres://r@10.0.0.2/pact'] })).rejects.toThrow(
      /embedded database/,
    );
  });

  it('one URL or several separated by commas, with the lag bound (default 5,000 ms)', () => {
    const o = storeOptions({
      DATABASE_URL: 'postgres://p:secret@10.0.0.1/pact',
      DATABASE_READ_URL: ' postgres://r:secret@10.0.0.2/pact , postgresql://r@10.0.0.3:5433/pact,',
    });
    expect(o.readUrls).toEqual(['postgres://r:secret@10.0.0.2/pact', 'postgresql://r@10.0.0.3:5433/pact']);
    expect(o.maxReadLagMs).toBe(DEFAULT_MAX_LAG_MS);
    expect(o.label).not.toContain('secret');
    expect(
      storeOptions({
        DATABASE_URL: 'postgres://p@h/pact',
        DATABASE_READ_URL: 'postgres://r@h2/pact',
        PACT_READ_MAX_LAG_MS: '250',
      }).maxReadLagMs,
    ).toBe(250);
    expect(storeOptions({ DATABASE_URL: 'postgres://p@h/pact' }).readUrls).toBeUndefined();
  });

  it('a URL that is not postgres:// or a lag that is not whole milliseconds is refused', () => {
    const env = { DATABASE_URL: 'postgres://p@h/pact' };
    expect(() => storeOptions({ ...env, DATABASE_READ_URL: 'mysql://r@h2/pact' })).toThrow(/postgres:\/\//);
    expect(() => storeOptions({ ...env, DATABASE_READ_URL: 'not a url' })).toThrow(/postgres:\/\//);
    expect(() =>
      storeOptions({ ...env, DATABASE_READ_URL: 'postgres://r@h2/pact', PACT_READ_MAX_LAG_MS: '1.5s' }),
    ).toThrow(/PACT_READ_MAX_LAG_MS/);
  });

  it('LSNs compare as 64-bit positions (the high half counts 2^32 bytes)', () => {
    expect(lsnBytes('0/30000A0')).toBe(0x30000a0n);
    expect(lsnBytes('1/0') > lsnBytes('0/FFFFFFFF')).toBe(true);
    expect(() => lsnBytes('nonsense')).toThrow();
  });
});
