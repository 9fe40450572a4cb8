// issue 20: the federation configuration of installations started together on one machine (processes.ts,
// scripts/federation-dev.ts): an Ed25519 key pair per party (jose) and one federation.json per installation in
// the format every helper agreed on (PACT_FEDERATION, /work/prompts/shared-names.md):
//   { "self": { "party": "LT", "url": "http://127.0.0.1:3101", "privateKeyFile": "lt.private.jwk" },
//     "peers": [ { "party": "PL", "url": "http://127.0.0.1:3102", "publicKey": { …Ed25519 public JWK… } } ] }
// (files relative to the config file's folder). Keys already in the folder are kept (a restarted dev setup
// keeps its identities); the private key's file is readable by its owner only.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface FederationParty {
  readonly party: string;
  readonly url: string;
  /** the folder of its federation.json and keys */
  readonly dir: string;
}

export interface FederationConfig {
  readonly self: { readonly party: string; readonly url: string; readonly privateKeyFile: string };
  readonly peers: readonly { readonly party: string; readonly url: string; readonly publicKey: JWK }[];
}

export const FEDERATION_FILE = 'federation.json';

const privateName = (party: string) => `${party.toLowerCase()}.private.jwk`;
const publicName = (party: string) => `${party.toLowerCase()}.public.jwk`;

/** The party's key pair in `dir` (made there, the private one mode 0600, when absent); its public JWK. */
export async function partyKeys(dir: string, party: string): Promise<JWK> {
  mkdirSync(dir, { recursive: true });
  const priv = join(dir, privateName(party));
  const pub = join(dir, publicName(party));
  if (existsSync(priv) && existsSync(pub)) return JSON.parse(readFileSync(pub, 'utf8')) as JWK;
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  writeFileSync(priv, `${JSON.stringify(await exportJWK(privateKey))}\n`, { mode: 0o600 });
  chmodSync(priv, 0o600);
  const jwk = await exportJWK(publicKey);
  writeFileSync(pub, `${JSON.stringify(jwk)}\n`);
  return jwk;
}

/**
 * Keys for every party and each one's federation.json (self, and every other party as a peer); returns each
 * party's config file path.
 */
export async function writeFederationConfigs(
  parties: readonly FederationParty[],
): Promise<ReadonlyMap<string, string>> {
  const publicKeys = new Map<string, JWK>();
  for (const p of parties) publicKeys.set(p.party, await partyKeys(p.dir, p.party));
  const files = new Map<string, string>();
  for (const p of parties) {
    const config: FederationConfig = {
      self: { party: p.party, url: p.url, privateKeyFile: privateName(p.party) },
      peers: parties
        .filter((o) => o.party !== p.party)
        .map((o) => ({ party: o.party, url: o.url, publicKey: publicKeys.get(o.party) as JWK })),
    };
    const file = join(p.dir, FEDERATION_FILE);
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    files.set(p.party, file);
  }
  return files;
}
