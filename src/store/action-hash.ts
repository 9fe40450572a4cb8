// What a case action's audit entry binds of its row (docs/audit.md, "Case log"): `payloadSha256`, the hash of
// the payload salted with the row's own random salt (`case_actions.salt`), and `keptSha256`, the hash of what
// the retention sweep keeps of it (`withoutIdentity`, src/domain/retention.ts). The sweep nulls the salt when
// it erases the identity: the audit then holds no hash of the identity that guesses could be tried against,
// and an erased row can still differ from what was recorded by the identity only.
import { randomBytes } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { withoutIdentity } from '../domain/retention.ts';
import { sha256 } from './audit.ts';

/** A new row's salt: 16 random bytes, hex. */
export const actionSalt = (): string => randomBytes(16).toString('hex');

/** The salted hash of a payload (entries written before salts: salt '' gives the unsalted hash they hold). */
export const payloadSha256 = (salt: string, payload: unknown): string =>
  sha256(`${salt}${stringify(payload) ?? ''}`);

/** The hash of what the sweep keeps of a payload. */
export const keptSha256 = (payload: unknown): string => sha256(stringify(withoutIdentity(payload)) ?? '');

/** The payload as the sweep leaves it. */
export const keptPayload = (payload: unknown): unknown => withoutIdentity(payload);
