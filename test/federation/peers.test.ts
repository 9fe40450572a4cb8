// The federation's configuration (PACT_FEDERATION) and `pact federation keygen`: a wrong file is refused with
// the field named; the private key is readable by its owner only; a peer's key with its private part is refused.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFederation } from '../../src/federation/peers.ts';
import { backoffMs, permanent } from '../../src/federation/sender.ts';
import { pact, pactIn } from '../cli/run.ts';

describe('pact federation keygen and PACT_FEDERATION', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pact-federation-'));

  it('writes an owner-only private key and a public key, which a configuration then loads', async () => {
    for (const party of ['LT', 'PL']) {
      const out = await pact(`federation keygen --party ${party} --out ${dir}`);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('thumbprint');
    }
    expect(statSync(join(dir, 'lt.private.jwk')).mode & 0o777).toBe(0o600);
    const pub = JSON.parse(readFileSync(join(dir, 'pl.public.jwk'), 'utf8'));
    expect(pub.d).toBeUndefined();
    const again = await pact(`federation keygen --party LT --out ${dir}`);
    expect(again.code).toBe(2); // never overwrites a key without --force
    const file = join(dir, 'federation.json');
    writeFileSync(
      file,
      JSON.stringify({
        self: { party: 'LT', url: 'http://127.0.0.1:3101', privateKeyFile: 'lt.private.jwk' },
        peers: [{ party: 'PL', url: 'http://127.0.0.1:3102', publicKey: pub }],
      }),
    );
    const fed = await loadFederation(file);
    expect(fed.self).toBe('LT');
    expect(fed.peers.get('PL')?.url).toBe('http://127.0.0.1:3102');
    expect(fed.keys('PL')).toBeDefined();
    expect(fed.keys('DE')).toBeUndefined();
  });

  it('names the field at fault', async () => {
    const file = join(dir, 'bad.json');
    const pub = JSON.parse(readFileSync(join(dir, 'pl.public.jwk'), 'utf8'));
    const priv = JSON.parse(readFileSync(join(dir, 'lt.private.jwk'), 'utf8'));
    const cases: [unknown, RegExp][] = [
      [{ self: { party: 'XX', url: 'https://a', privateKeyFile: 'k' }, peers: [] }, /self\.party/],
      [
        {
          self: { party: 'LT', url: 'ftp://a', privateKeyFile: 'lt.private.jwk' },
          peers: [{ party: 'PL', url: 'https://b', publicKey: pub }],
        },
        /self\.url/,
      ],
      [
        {
          self: { party: 'LT', url: 'https://a', privateKeyFile: 'lt.private.jwk' },
          peers: [{ party: 'PL', url: 'https://b', publicKey: priv }],
        },
        /peers\.0\.publicKey.*private part/,
      ],
      [
        {
          self: { party: 'LT', url: 'https://a', privateKeyFile: 'lt.private.jwk' },
          peers: [{ party: 'LT', url: 'https://b', publicKey: pub }],
        },
        /peers\.0\.party: this installation itself/,
      ],
      [
        {
          self: { party: 'LT', url: 'https://a', privateKeyFile: 'pl.public.jwk' },
          peers: [{ party: 'PL', url: 'https://b', publicKey: pub }],
        },
        /self\.privateKeyFile/,
      ],
      [
        {
          self: { party: 'LT', url: 'https://a', privateKeyFile: 'missing.jwk' },
          peers: [{ party: 'PL', url: 'https://b', publicKey: pub }],
        },
        /self\.privateKeyFile: cannot read/,
      ],
    ];
    for (const [config, message] of cases) {
      writeFileSync(file, JSON.stringify(config));
      await expect(loadFederation(file)).rejects.toThrow(message);
    }
  });

  it('refuses plain http to a host that is not loopback (a peer or self), naming the field', async () => {
    const file = join(dir, 'plain.json');
    const pub = JSON.parse(readFileSync(join(dir, 'pl.public.jwk'), 'utf8'));
    const config = (self: string, peer: string) => ({
      self: { party: 'LT', url: self, privateKeyFile: 'lt.private.jwk' },
      peers: [{ party: 'PL', url: peer, publicKey: pub }],
    });
    for (const [c, message] of [
      [config('https://lt.example', 'http://pl.example'), /peers\.0\.url: https required/],
      [config('http://10.0.0.5:3101', 'https://pl.example'), /self\.url: https required/],
      [config('https://lt.example', 'http://128.0.0.1'), /peers\.0\.url: https required/],
    ] as const) {
      writeFileSync(file, JSON.stringify(c));
      await expect(loadFederation(file)).rejects.toThrow(message);
    }
    for (const [self, peer] of [
      ['https://lt.example', 'https://pl.example:8443'],
      ['http://localhost:3101', 'http://127.1.2.3:3102'],
      ['http://[::1]:3101', 'https://pl.example'],
    ]) {
      writeFileSync(file, JSON.stringify(config(self as string, peer as string)));
      expect((await loadFederation(file)).peers.get('PL')?.url).toBe(peer);
    }
  });
});

describe('retries', () => {
  it('back off exponentially from the first wait, capped at 5 minutes, with jitter from half to all of it', () => {
    expect(backoffMs(1, 1, 0)).toBe(500);
    expect(backoffMs(1, 1, 0.999_999)).toBe(1_000);
    expect(backoffMs(4, 1, 0.999_999)).toBe(8_000);
    expect(backoffMs(20, 1, 0.999_999)).toBe(300_000);
    expect(backoffMs(20, 1, 0)).toBe(150_000);
  });

  it('give up at once on a 4xx other than 408 and 429', () => {
    expect([400, 401, 403, 404, 409, 413].every(permanent)).toBe(true);
    expect([408, 429, 500, 502, 503].some(permanent)).toBe(false);
  });
});

describe('pact serve with PACT_FEDERATION', () => {
  it('a wrong file or setting stops it before the database opens, with one line naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pact-federation-serve-'));
    writeFileSync(join(dir, 'f.json'), JSON.stringify({ self: { party: 'LT' }, peers: [] }));
    const env = { PACT_DATA_DIR: join(dir, 'data'), PACT_FEDERATION: join(dir, 'f.json') };
    const bad = await pactIn('serve --port 0 --quiet', env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/self\.url/);
    const attempts = await pactIn('serve --port 0 --quiet', { ...env, PACT_FEDERATION_MAX_ATTEMPTS: '0' });
    expect(attempts.code).toBe(2);
    expect(attempts.stderr).toContain('PACT_FEDERATION_MAX_ATTEMPTS');
  });
});
