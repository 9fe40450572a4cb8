// issue 20: the harness of several installations as separate processes (processes.ts) does what the
// federation tests rely on: two `pact serve` processes on their own folders and ports, an account of each
// logged in, an encounter recorded in each, one server's clock moved a day ahead (and only that one), a
// SIGKILL and a restart on the same folder that keeps what was recorded. Synthetic persons only.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Installations, startInstallations } from './processes.ts';

const DAY = 86_400_000;

/** An encounter of two synthetic persons a few hours before the real now (the server refuses the future). */
function encounter(state: string, ref: string) {
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  return {
    ref,
    state,
    occurredAt: at(3),
    kind: 'apprehended-irregular-crossing',
    groupSize: 2,
    persons: [
      {
        nationality: 'IQ',
        sex: 'male',
        birthYear: 1990,
        asylumWish: { at: at(2), where: 'station', to: 'border guard' },
      },
      { nationality: 'IQ', sex: 'female', birthYear: 1991 },
    ],
  };
}

const serverTime = (headers: Headers) => Date.parse(headers.get('x-pact-server-time') ?? '');

describe('installations as separate processes (test/federation/processes.ts)', () => {
  let net: Installations;
  beforeAll(async () => {
    net = await startInstallations([{ party: 'LT' }, { party: 'PL' }], { federation: false });
  }, 60_000);
  afterAll(() => net?.close(), 30_000);

  it('starts each on its own port and folder, records an encounter in each, moves one clock, survives a SIGKILL', async () => {
    const [lt, pl] = [net.get('LT'), net.get('PL')];
    expect(lt.port).not.toBe(pl.port);
    expect(lt.dataDir).not.toBe(pl.dataDir);
    expect(lt.federationFile).toBeUndefined();

    const ltGuard = lt.session('border-guard');
    const plGuard = pl.session('border-guard');
    expect((await ltGuard.call('GET', '/api/auth/me')).body).toMatchObject({ username: 'border-guard.lt' });
    // a guard of LT has no account at PL: each installation has its own accounts
    const foreign = await pl.session('border-guard').call('GET', '/api/auth/me', undefined, ltGuard.headers);
    expect(foreign.status).toBe(401);

    const ltBody = encounter('LT', 'FED-H-1');
    const ltEnc = await ltGuard.call<{ encounterId: string }>('POST', '/api/encounters', ltBody, {
      'idempotency-key': 'fed-h-lt-1',
    });
    expect(ltEnc.status).toBe(201);
    const plEnc = await plGuard.call('POST', '/api/encounters', encounter('PL', 'FED-H-1'), {
      'idempotency-key': 'fed-h-pl-1',
    });
    expect(plEnc.status).toBe(201);

    // the test clock: LT a day ahead, PL on the real time
    await lt.setClockOffset(DAY);
    const ltNow = serverTime((await ltGuard.call('GET', '/api/auth/me')).headers);
    const plNow = serverTime((await plGuard.call('GET', '/api/auth/me')).headers);
    expect(Math.abs(ltNow - (Date.now() + DAY))).toBeLessThan(5_000);
    expect(Math.abs(plNow - Date.now())).toBeLessThan(5_000);
    expect(lt.log()).toMatch(/clock is offset/);

    // SIGKILL, and again on the same folder and port: the encounter is there (the same key is a replay)
    await lt.kill();
    expect(lt.running).toBe(false);
    await expect(fetch(`${lt.url}/readyz`)).rejects.toThrow();
    await lt.start();
    const replay = await ltGuard.call<{ encounterId: string }>('POST', '/api/encounters', ltBody, {
      'idempotency-key': 'fed-h-lt-1',
    });
    expect(replay.status).toBe(200);
    expect(replay.body.encounterId).toBe(ltEnc.body.encounterId);
    // the offset file outlives the restart
    expect(Math.abs(serverTime(replay.headers) - (Date.now() + DAY))).toBeLessThan(5_000);
    await lt.setClockOffset(0);
    expect(
      Math.abs(serverTime((await ltGuard.call('GET', '/api/auth/me')).headers) - Date.now()),
    ).toBeLessThan(5_000);

    // SIGTERM: a clean stop
    await pl.stop();
    expect(pl.running).toBe(false);
    expect(pl.log()).toMatch(/stopping: finishing the requests in flight/);
  }, 60_000);

  it('writes a federation.json per installation with every other party as a peer (no start needed to check)', async () => {
    const { writeFederationConfigs } = await import('./config.ts');
    const dirs = ['LT', 'PL', 'EU'].map((party, i) => ({
      party,
      url: `http://127.0.0.1:${3101 + i}`,
      dir: `${net.get('LT').dir}/fed-${party.toLowerCase()}`,
    }));
    const files = await writeFederationConfigs(dirs);
    const lt = JSON.parse(readFileSync(files.get('LT') ?? '', 'utf8'));
    expect(lt.self).toEqual({ party: 'LT', url: 'http://127.0.0.1:3101', privateKeyFile: 'lt.private.jwk' });
    expect(lt.peers.map((p: { party: string }) => p.party)).toEqual(['PL', 'EU']);
    const plPublic = JSON.parse(readFileSync(`${dirs[1]?.dir}/pl.public.jwk`, 'utf8'));
    expect(lt.peers[0].publicKey).toEqual(plPublic);
    expect(plPublic).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(plPublic.d).toBeUndefined();
    const priv = `${dirs[0]?.dir}/lt.private.jwk`;
    expect(existsSync(priv)).toBe(true);
    expect(statSync(priv).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(priv, 'utf8')).d).toEqual(expect.any(String));
  });
});

describe('eventually (test/federation/wait.ts)', () => {
  it('asks again until the check passes, and fails with the last error when the time is up', async () => {
    const { eventually } = await import('./wait.ts');
    let n = 0;
    await expect(
      eventually(
        () => {
          n += 1;
          if (n < 3) throw new Error(`not yet ${n}`);
          return n;
        },
        { intervalMs: 1 },
      ),
    ).resolves.toBe(3);
    await expect(
      eventually(
        () => {
          throw new Error('never');
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow('never');
  });
});
