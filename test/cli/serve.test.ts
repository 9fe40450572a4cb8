// pact serve refuses a setting it cannot use before it opens anything: one line, exit 2.
import { describe, expect, it } from 'vitest';
import { pactIn } from './run.ts';

describe('pact serve', () => {
  it.each(['abc', '-5', '1e999'])('PACT_SWEEP_SECONDS=%j is refused with exit 2', async (value) => {
    const r = await pactIn('serve --port 0', { PACT_SWEEP_SECONDS: value });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PACT_SWEEP_SECONDS');
  });
  // `true` would trust every hop, so that a client chooses its own address with X-Forwarded-For
  it.each(['true', 'yes', '0', '10.0.0.0/33', 'proxy.example'])(
    'PACT_TRUST_PROXY=%j is refused with exit 2, in one line',
    async (value) => {
      const r = await pactIn('serve --port 0', { PACT_TRUST_PROXY: value });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('PACT_TRUST_PROXY');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    },
  );
});
