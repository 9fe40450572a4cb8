// What the server's answer to one sent encounter means for the item (pure, so that it is tested alone):
// recorded (201, or 200 for an answer replayed after a lost one), refused with the server's reasons (a 4xx
// with a problem body), or to be tried again later (no network, the session ended, the server failed).
import type { EncounterResultBody, ProblemBody } from '../../../src/api/contract.ts';
import type { Refusal } from './item.ts';

export type Answer =
  | { readonly kind: 'recorded'; readonly result: EncounterResultBody; readonly replayed: boolean }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /**
   * the session ended or expired, the account was disabled, the session is another user's (401), or the account
   * may not record now — a password to change first, a role changed (403): nothing to correct in the item, sent
   * again after the same user logs in (or is allowed again)
   */
  | { readonly kind: 'login' }
  /** the server failed or is busy (5xx, 429, or an answer that is not the server's): tried again later */
  | { readonly kind: 'server'; readonly status: number };

/** The answer of a status and its parsed body (undefined when it was not JSON). */
export function answerOf(status: number, body: unknown): Answer {
  if ((status === 200 || status === 201) && isResult(body))
    return { kind: 'recorded', result: body, replayed: status === 200 };
  if (status === 401 || status === 403) return { kind: 'login' };
  const p = body as Partial<ProblemBody> | undefined;
  // a refusal is the server's: a 4xx with a problem body (a proxy's page is not one: tried again)
  if (status >= 400 && status < 500 && status !== 408 && status !== 429 && typeof p?.type === 'string')
    return {
      kind: 'refused',
      refusal: {
        status,
        code: p.type.replace(/^urn:pact:problem:/, ''),
        title: p.title ?? '',
        detail: p.detail ?? '',
        params: { ...(p.params ?? {}) },
        errors: (p.errors ?? []).map((e) => ({ ...e, code: e.code ?? '', params: e.params ?? {} })),
      },
    };
  return { kind: 'server', status };
}

function isResult(body: unknown): body is EncounterResultBody {
  const b = body as Partial<EncounterResultBody> | undefined;
  return typeof b?.encounterId === 'string' && Array.isArray(b.caseIds) && Array.isArray(b.obligations);
}

/** The wait before the next try after `failures` failed rounds: 5 s, doubling, at most 5 minutes. */
export const backoff = (failures: number): number =>
  Math.min(5_000 * 2 ** Math.max(0, failures - 1), 300_000);
