// issue 20: which party this installation is, read from the federation configuration (PACT_FEDERATION: a
// JSON file { "self": { "party": "LT", … }, "peers": [ … ] }, see docs and src/federation/contract.ts).
// Until the exchange's own configuration reader is merged, this small reader is what the Union's view uses:
// the installation configured with party 'EU' is the Union's. Nothing else of the file is read here.
import { readFileSync } from 'node:fs';
import { Party } from './contract.ts';

/** The party of `PACT_FEDERATION`'s self.party, or undefined when no federation is configured or it is unreadable. */
export function selfParty(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Party | undefined {
  const file = env.PACT_FEDERATION;
  if (!file) return undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { self?: { party?: unknown } };
    const r = Party.safeParse(json?.self?.party);
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}
