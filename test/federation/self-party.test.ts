// issue 20: which party this installation is — PACT_FEDERATION's self.party, or undefined (no federation, an
// unreadable file, or a party that is not a member state's code nor the Union's).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfParty } from '../../src/federation/self.ts';

const config = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'fed-')), 'federation.json');
  writeFileSync(file, text);
  return { PACT_FEDERATION: file };
};

describe('selfParty', () => {
  it('reads self.party: a member state, or EU for the Union', () => {
    expect(selfParty(config('{"self":{"party":"LT","url":"http://127.0.0.1:3101"},"peers":[]}'))).toBe('LT');
    expect(selfParty(config('{"self":{"party":"EU"}}'))).toBe('EU');
  });
  it('undefined without a federation, with an unreadable file or an unknown party', () => {
    expect(selfParty({})).toBeUndefined();
    expect(selfParty({ PACT_FEDERATION: '/nonexistent/federation.json' })).toBeUndefined();
    expect(selfParty(config('not json'))).toBeUndefined();
    expect(selfParty(config('{"self":{"party":"XX"}}'))).toBeUndefined();
    expect(selfParty(config('{"self":{"party":"DK "}}'))).toBeUndefined();
  });
});
