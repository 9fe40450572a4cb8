// issue 20: every message between installations is a flattened JWS (RFC 7515 §7.2.2) signed by its sender with
// its Ed25519 key (EdDSA, RFC 8037), and answered with a receipt signed the same way by its receiver. The key id
// (`kid`) is the signer's party; the verifier takes the key of that party from its own configuration of peers
// (src/federation/peers.ts), never from the message. Nothing here reads a clock or the database.
import { type CryptoKey, FlattenedSign, flattenedVerify, type JWSHeaderParameters } from 'jose';
import { z } from 'zod';
import { Envelope, type Party, Receipt } from './contract.ts';

export const MESSAGE_TYP = 'pact-message+jws';

/**
 * The largest signed message (the JSON of its flattened JWS, in bytes) a receiver takes: the body limit of
 * POST /federation/v1/messages (src/api/routes/federation.ts) and the outbox's check before a message is
 * written (src/store/federation-outbox.ts), so that no action commits a message its peer would refuse.
 */
export const SIGNED_MESSAGE_LIMIT = 4 * 1024 * 1024;

/** Room for the protected header, the signature and the JSON around them (theirs is under 300 bytes). */
const JWS_ALLOWANCE = 1024;

/** The size of the flattened JWS of a payload of `payloadBytes` bytes, at most (base64url: 4 per 3 bytes). */
export function signedSize(payloadBytes: number): number {
  return Math.ceil(payloadBytes / 3) * 4 + JWS_ALLOWANCE;
}
export const RECEIPT_TYP = 'pact-receipt+jws';

/** A flattened JWS in its JSON form (the body of POST /federation/v1/messages, and its answer). */
export const FlattenedJws = z
  .object({
    protected: z.string().min(1).max(2_000),
    payload: z.string().min(1),
    signature: z.string().min(1).max(200),
  })
  .strict();
export type FlattenedJws = z.infer<typeof FlattenedJws>;

/** Why a signed message or receipt was refused: a code (docs/federation.md), never the payload. */
export type RefusalReason =
  | 'malformed' // not a flattened JWS, or a header that is not ours
  | 'unknown-peer' // the kid names no configured peer
  | 'bad-signature' // the signature does not verify with the key of the peer the kid names
  | 'wrong-kid' // the signer is not the party the payload says it comes from
  | 'bad-envelope' // the verified payload is not an Envelope (or a Receipt)
  | 'not-for-us'; // addressed to another installation (a replay of a message signed for someone else)

export class SignatureRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** the party the header claims (a configured peer's code only), for the log */
    readonly peer: Party | undefined,
    detail: string,
  ) {
    super(detail);
    this.name = 'SignatureRefusedError';
  }
}

/** The keys a verifier knows: each peer's public key. */
export type PeerKeys = (party: Party) => CryptoKey | undefined;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function sign(value: unknown, kid: Party, typ: string, key: CryptoKey): Promise<FlattenedJws> {
  const jws = await new FlattenedSign(encoder.encode(JSON.stringify(value)))
    .setProtectedHeader({ alg: 'EdDSA', kid, typ })
    .sign(key);
  return { protected: jws.protected as string, payload: jws.payload, signature: jws.signature };
}

/** Signs an envelope as its sender (`kid` = envelope.from). */
export function signEnvelope(envelope: Envelope, key: CryptoKey): Promise<FlattenedJws> {
  return sign(Envelope.parse(envelope), envelope.from, MESSAGE_TYP, key);
}

/** Signs a receipt as the message's receiver (`kid` = receipt.to). */
export function signReceipt(receipt: Receipt, key: CryptoKey): Promise<FlattenedJws> {
  return sign(Receipt.parse(receipt), receipt.to, RECEIPT_TYP, key);
}

/** The protected header, read before the signature is checked (only to choose the key). */
function headerOf(jws: FlattenedJws, typ: string): { kid: Party; header: JWSHeaderParameters } {
  let header: JWSHeaderParameters;
  try {
    header = JSON.parse(Buffer.from(jws.protected, 'base64url').toString('utf8')) as JWSHeaderParameters;
  } catch {
    throw new SignatureRefusedError('malformed', undefined, 'the protected header is not base64url JSON');
  }
  if (header === null || typeof header !== 'object' || header.alg !== 'EdDSA' || header.typ !== typ)
    throw new SignatureRefusedError('malformed', undefined, `the header must be {alg: EdDSA, typ: ${typ}}`);
  if (typeof header.kid !== 'string')
    throw new SignatureRefusedError('malformed', undefined, 'the header names no kid');
  return { kid: header.kid as Party, header };
}

async function verified(
  input: unknown,
  typ: string,
  keys: PeerKeys,
): Promise<{ kid: Party; value: unknown }> {
  const parsed = FlattenedJws.safeParse(input);
  if (!parsed.success)
    throw new SignatureRefusedError(
      'malformed',
      undefined,
      'not a flattened JWS {protected, payload, signature}',
    );
  const jws = parsed.data;
  const { kid } = headerOf(jws, typ);
  const key = keys(kid);
  if (!key) throw new SignatureRefusedError('unknown-peer', undefined, 'the kid names no configured peer');
  let payload: Uint8Array;
  try {
    ({ payload } = await flattenedVerify(jws, key, { algorithms: ['EdDSA'] }));
  } catch {
    throw new SignatureRefusedError('bad-signature', kid, `the signature does not verify with ${kid}'s key`);
  }
  try {
    return { kid, value: JSON.parse(decoder.decode(payload)) };
  } catch {
    throw new SignatureRefusedError('bad-envelope', kid, 'the payload is not JSON');
  }
}

/**
 * Verifies a message as its receiver `self`: signed by a configured peer, that peer is the envelope's `from`,
 * the payload is an Envelope, and it is addressed to `self`. Throws SignatureRefusedError otherwise.
 */
export async function verifyEnvelope(input: unknown, self: Party, keys: PeerKeys): Promise<Envelope> {
  const { kid, value } = await verified(input, MESSAGE_TYP, keys);
  const envelope = Envelope.safeParse(value);
  if (!envelope.success)
    throw new SignatureRefusedError('bad-envelope', kid, 'the payload is not an envelope');
  if (envelope.data.from !== kid)
    throw new SignatureRefusedError('wrong-kid', kid, `signed by ${kid}, but from ${envelope.data.from}`);
  if (envelope.data.to !== self)
    throw new SignatureRefusedError('not-for-us', kid, `addressed to ${envelope.data.to}, not ${self}`);
  return envelope.data;
}

/**
 * Verifies the receipt of `message` as its sender: signed by the message's receiver, for this message id, from
 * this installation. Throws SignatureRefusedError otherwise.
 */
export async function verifyReceipt(input: unknown, message: Envelope, keys: PeerKeys): Promise<Receipt> {
  const { kid, value } = await verified(input, RECEIPT_TYP, keys);
  const receipt = Receipt.safeParse(value);
  if (!receipt.success) throw new SignatureRefusedError('bad-envelope', kid, 'the payload is not a receipt');
  if (kid !== message.to || receipt.data.to !== message.to)
    throw new SignatureRefusedError('wrong-kid', kid, `a receipt of ${message.to} was signed by ${kid}`);
  if (
    receipt.data.messageId !== message.id ||
    receipt.data.from !== message.from ||
    receipt.data.kind !== message.kind
  )
    throw new SignatureRefusedError('not-for-us', kid, 'the receipt is of another message');
  return receipt.data;
}
