// issue 20: who this installation is and whom it talks to (PACT_FEDERATION=/path/federation.json):
//   { "self": { "party": "LT", "url": "http://127.0.0.1:3101", "privateKeyFile": "lt.private.jwk" },
//     "peers": [ { "party": "PL", "url": "http://127.0.0.1:3102", "publicKey": { …Ed25519 public JWK… } } ] }
// Files are relative to the configuration file's folder. A peer's key is only ever taken from here, never
// from a message. `pact federation keygen` writes a key pair (src/cli/commands/federation.ts).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { z } from 'zod';
import { Party } from './contract.ts';
import type { PeerKeys } from './signing.ts';

/** 127.0.0.0/8, ::1 and localhost: the only hosts spoken to over plain http (a dev setup, tests). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * An installation's address: https (messages carry a person's data), plain http only to a loopback host;
 * no trailing slash.
 */
const Url = z
  .url({ protocol: /^https?$/ })
  .refine((u) => !u.endsWith('/'), 'no trailing slash')
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || isLoopback(url.hostname);
  }, 'https required (plain http only to a loopback host: 127.0.0.0/8, ::1, localhost)');

/** An Ed25519 public JWK (RFC 8037): no private part. */
export const PublicJwk = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url'),
  })
  .passthrough()
  .refine((k) => !('d' in k), 'a public key only: remove "d" (the private part) from a peer\'s key');

export const PrivateJwk = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    d: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .passthrough();

export const FederationFile = z
  .object({
    self: z.object({ party: Party, url: Url, privateKeyFile: z.string().min(1) }).strict(),
    peers: z
      .array(z.object({ party: Party, url: Url, publicKey: PublicJwk }).strict())
      .min(1, 'at least one peer'),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.peers.forEach((p, i) => {
      if (p.party === f.self.party)
        ctx.addIssue({ code: 'custom', path: ['peers', i, 'party'], message: 'this installation itself' });
      if (seen.has(p.party))
        ctx.addIssue({ code: 'custom', path: ['peers', i, 'party'], message: `${p.party} twice` });
      seen.add(p.party);
    });
  });
export type FederationFile = z.infer<typeof FederationFile>;

export interface Peer {
  readonly party: Party;
  readonly url: string;
  readonly publicKey: CryptoKey;
  /** RFC 7638 thumbprint of the public key: what two administrators compare over the phone */
  readonly thumbprint: string;
}

/** This installation's identity and its peers, keys imported. */
export interface Federation {
  readonly self: Party;
  readonly url: string;
  readonly privateKey: CryptoKey;
  readonly peers: ReadonlyMap<Party, Peer>;
  /** the key of a configured peer (the verifier's only source of keys) */
  readonly keys: PeerKeys;
}

export class FederationConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FederationConfigError';
  }
}

/** Zod's issues as `field: reason` lines, each naming the field (e.g. `peers.0.publicKey.x`). */
function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
}

/** Builds the federation from its parsed file (`privateJwk` already read). */
export async function federationOf(file: FederationFile, privateJwk: JWK): Promise<Federation> {
  const priv = PrivateJwk.safeParse(privateJwk);
  if (!priv.success)
    throw new FederationConfigError(
      `self.privateKeyFile: not an Ed25519 private JWK (${issues(priv.error)})`,
    );
  const privateKey = (await importJWK(priv.data as JWK, 'EdDSA')) as CryptoKey;
  const peers = new Map<Party, Peer>();
  for (const p of file.peers) {
    const jwk = { kty: p.publicKey.kty, crv: p.publicKey.crv, x: p.publicKey.x };
    peers.set(p.party, {
      party: p.party,
      url: p.url,
      publicKey: (await importJWK(jwk, 'EdDSA')) as CryptoKey,
      thumbprint: await calculateJwkThumbprint(jwk),
    });
  }
  return {
    self: file.self.party,
    url: file.self.url,
    privateKey,
    peers,
    keys: (party) => peers.get(party)?.publicKey,
  };
}

/** Reads PACT_FEDERATION's file; each problem names the field (and the file). */
export async function loadFederation(path: string): Promise<Federation> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new FederationConfigError(
      `PACT_FEDERATION (${path}): cannot read it as JSON (${(e as Error).message})`,
    );
  }
  const file = FederationFile.safeParse(raw);
  if (!file.success) throw new FederationConfigError(`PACT_FEDERATION (${path}): ${issues(file.error)}`);
  const keyPath = resolve(dirname(path), file.data.self.privateKeyFile);
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(keyPath, 'utf8')) as JWK;
  } catch (e) {
    throw new FederationConfigError(
      `PACT_FEDERATION (${path}): self.privateKeyFile: cannot read ${keyPath} (${(e as Error).message})`,
    );
  }
  return federationOf(file.data, jwk);
}

/** A new Ed25519 key pair as JWKs (`pact federation keygen`, and tests). */
export async function newKeyPair(party: Party): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: party, alg: 'EdDSA' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid: party, alg: 'EdDSA' };
  return { privateJwk, publicJwk };
}
