// issue 20: the sender loop (`pact serve` with PACT_FEDERATION): delivers the outbox's due messages, each
// signed, to its peer's POST /federation/v1/messages; stores the peer's signed receipt (src/store/
// federation-delivery.ts). A failure waits and tries again — exponential backoff from
// PACT_FEDERATION_RETRY_SECONDS, capped at 5 minutes, with jitter — until PACT_FEDERATION_MAX_ATTEMPTS
// (default 2000: at least 3.4 days, see DEFAULT_MAX_ATTEMPTS) or at once on a permanent refusal (4xx other than
// 408 and 429, or a receipt that does not verify): then the message is dead, shown to the administrator, who
// may send it again (one message, or every dead message to a peer). A redirect is a failed attempt: a message
// goes to the configured address only.
// A later message of a stream does not wait for an earlier undelivered one: the receiver applies in order.
import type { CaseStore } from '../store/case-store.ts';
import { dueMessages, recordFailure, storeReceipt } from '../store/federation-delivery.ts';
import { envelopeOf } from '../store/federation-outbox.ts';
import type { Party } from './contract.ts';
import type { Federation } from './peers.ts';
import { SignatureRefusedError, signEnvelope, verifyReceipt } from './signing.ts';

export const MESSAGES_PATH = '/federation/v1/messages';
/** The longest one delivery waits for the peer's answer. */
export const SEND_TIMEOUT_MS = 10_000;
/** The longest wait between two attempts. */
export const MAX_BACKOFF_SECONDS = 300;
/**
 * Attempts before a temporary failure makes a message dead. The waits are retry × 2^(n−1) s, capped at 300 s,
 * times 0.5–1 (jitter). Shortest case, PACT_FEDERATION_RETRY_SECONDS 1 and every jitter 0.5: the first 9
 * waits are (1 + 2 + … + 256) × 0.5 = 255.5 s, each later one 150 s; 2000 attempts make 1999 waits, so
 * 255.5 + 1990 × 150 = 298 755.5 s ≈ 3.46 days before the message is dead (with the smallest retry, 0.01 s,
 * 16 waits take under 5 minutes and the other 1983 × 150 s ≈ 3.44 days). Average jitter: about 5.2 days.
 */
export const DEFAULT_MAX_ATTEMPTS = 2000;

export interface SenderOptions {
  /** first wait after a failure, in seconds (PACT_FEDERATION_RETRY_SECONDS, default 1) */
  readonly retrySeconds: number;
  /** attempts before a message is dead (PACT_FEDERATION_MAX_ATTEMPTS, default DEFAULT_MAX_ATTEMPTS) */
  readonly maxAttempts: number;
  /** how often the outbox is looked at, in ms (default 100) */
  readonly pollMs?: number;
  /** 0 ≤ x < 1 (tests make it fixed) */
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
  readonly onError?: (e: unknown) => void;
  /** no loop: the caller calls tick() (tests) */
  readonly manual?: boolean;
}

/** The wait after the `attempts`-th failure: retry × 2^(attempts−1), at most 5 minutes, times 0.5 to 1. */
export function backoffMs(attempts: number, retrySeconds: number, random: number): number {
  const base = Math.min(retrySeconds * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
  return Math.round(base * 1000 * (0.5 + random / 2));
}

/** An error's class or code, never its message (which could quote a person's data). */
const errorClass = (e: unknown): string =>
  String((e as { code?: unknown })?.code ?? (e as Error)?.constructor?.name ?? 'error').slice(0, 80);

/** Why fetch failed, as a label: a timeout, a redirect refused, or the peer unreachable. */
function failureOf(e: unknown): string {
  if ((e as Error)?.name === 'TimeoutError') return 'timeout';
  const cause = (e as { cause?: { message?: unknown } })?.cause?.message;
  if (typeof cause === 'string' && /redirect/i.test(cause)) return 'redirect';
  return 'unreachable';
}

/** 4xx other than 408 (timeout) and 429 (too many): the peer will never take it as it is. */
export const permanent = (status: number) =>
  status >= 400 && status < 500 && status !== 408 && status !== 429;

export interface Sender {
  /** one pass over the due messages; how many were delivered */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

export function startSender(cases: CaseStore, federation: Federation, options: SenderOptions): Sender {
  const db = cases.store.db;
  const clock = cases.services.clock;
  const random = options.random ?? Math.random;
  const doFetch = options.fetch ?? fetch;
  const pollMs = options.pollMs ?? 100;

  async function deliver(row: Awaited<ReturnType<typeof dueMessages>>[number]): Promise<boolean> {
    const envelope = envelopeOf(federation.self, row);
    const peer = federation.peers.get(envelope.to as Party);
    const fail = async (error: string, dead = false) => {
      const attempts = row.attempts + 1;
      const giveUp = dead || attempts >= options.maxAttempts;
      const next = new Date(clock().getTime() + backoffMs(attempts, options.retrySeconds, random()));
      await recordFailure(db, row.id, error, giveUp ? undefined : next);
      return false;
    };
    if (!peer) return fail('peer-not-configured', true);
    const jws = await signEnvelope(envelope, federation.privateKey);
    let response: Response;
    try {
      response = await doFetch(peer.url + MESSAGES_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(jws),
        // a redirect is a failed attempt: the signed message (a person's data) goes to the configured address
        // only, never to wherever a peer, or someone between, points
        redirect: 'error',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (e) {
      return fail(failureOf(e));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return fail(`http-${response.status}`, permanent(response.status));
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      return fail('bad-receipt');
    }
    try {
      const receipt = await verifyReceipt(answer, envelope, federation.keys);
      await storeReceipt(cases, federation, envelope, receipt, answer as never);
      return true;
    } catch (e) {
      // a receipt that does not verify will not verify next time: dead at once, for the administrator to see
      if (e instanceof SignatureRefusedError) return fail(`bad-receipt:${e.reason}`, true);
      // the receipt handler refused, or the database failed: tried again later (the peer answers duplicate)
      options.onError?.(e);
      return fail(`receipt-not-stored:${errorClass(e)}`);
    }
  }

  /** A delivery never throws: whatever fails counts as an attempt, so a message cannot spin the loop. */
  async function deliverSafely(row: Awaited<ReturnType<typeof dueMessages>>[number]): Promise<boolean> {
    try {
      return await deliver(row);
    } catch (e) {
      options.onError?.(e);
      await recordFailure(
        db,
        row.id,
        errorClass(e),
        new Date(clock().getTime() + backoffMs(row.attempts + 1, options.retrySeconds, random())),
      );
      return false;
    }
  }

  async function tick(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await dueMessages(db, clock());
      if (due.length === 0) return sent;
      let delivered = 0;
      // one peer after another would let a dead peer hold the others: each peer's messages go in parallel
      const byPeer = new Map<string, typeof due>();
      for (const row of due) byPeer.set(row.toParty, [...(byPeer.get(row.toParty) ?? []), row]);
      await Promise.all(
        [...byPeer.values()].map(async (rows) => {
          // after a failure, the peer's other messages wait for the next pass (a peer down costs one try)
          for (const row of rows) {
            if (!(await deliverSafely(row))) break;
            delivered += 1;
          }
        }),
      );
      sent += delivered;
      if (delivered === 0) return sent;
    }
  }

  let stopped = false;
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((e) => options.onError?.(e))
      .finally(() => {
        running = undefined;
        if (!stopped) {
          timer = setTimeout(loop, pollMs);
          timer.unref();
        }
      });
  };
  if (!options.manual) loop();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** The sender's options from the environment (a wrong value: an error naming the variable). */
export function senderOptionsOf(env: Readonly<Record<string, string | undefined>>): SenderOptions {
  const num = (name: string, fallback: number, min: number, whole: boolean) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n)))
      throw new Error(`${name}: ${whole ? 'a whole number' : 'a number'} from ${min}`);
    return n;
  };
  return {
    retrySeconds: num('PACT_FEDERATION_RETRY_SECONDS', 1, 0.01, false),
    maxAttempts: num('PACT_FEDERATION_MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS, 1, true),
  };
}
