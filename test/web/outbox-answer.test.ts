// Issue 19: what the server's answer to a sent encounter means for the outbox item (web/src/outbox/answer.ts)
// and the summary kept once it is recorded (no person's details). Synthetic persons only.
import { describe, expect, it } from 'vitest';
import { answerOf, backoff } from '../../web/src/outbox/answer.ts';
import { summarize } from '../../web/src/outbox/item.ts';

const result = { encounterId: 'e1', caseIds: ['c1'], unidentified: 0, obligations: [] };
const problem = (code: string, status: number) => ({
  type: `urn:pact:problem:${code}`,
  title: 'Conflict',
  status,
  detail: 'refused',
});

describe('the answer to one sent encounter', () => {
  it('201 is recorded; 200 is the answer replayed after a lost one, recorded too', () => {
    expect(answerOf(201, result)).toEqual({ kind: 'recorded', result, replayed: false });
    expect(answerOf(200, result)).toEqual({ kind: 'recorded', result, replayed: true });
  });
  it('401 (session ended, account disabled, another user’s session) and 403 (a password to change first, a role changed) wait for the user: nothing in the item to correct', () => {
    expect(answerOf(401, problem('unauthorized', 401))).toEqual({ kind: 'login' });
    expect(answerOf(401, problem('session-of-another-user', 401))).toEqual({ kind: 'login' });
    expect(answerOf(403, problem('password-change-first', 403))).toEqual({ kind: 'login' });
  });
  it('400, 409, 422 with a problem body are refusals, with the code and the field errors kept', () => {
    for (const status of [400, 409, 422]) expect(answerOf(status, problem('x', status)).kind).toBe('refused');
    const r = answerOf(409, { ...problem('duplicate-reference', 409), params: { ref: 'A' } });
    expect(r.kind === 'refused' && r.refusal.code).toBe('duplicate-reference');
    expect(r.kind === 'refused' && r.refusal.params).toEqual({ ref: 'A' });
  });
  it('5xx, 429, and a 4xx that is not the server’s problem (a proxy’s page) are tried again', () => {
    expect(answerOf(503, problem('database-unavailable', 503))).toEqual({ kind: 'server', status: 503 });
    expect(answerOf(429, problem('rate', 429))).toEqual({ kind: 'server', status: 429 });
    expect(answerOf(404, undefined)).toEqual({ kind: 'server', status: 404 });
  });
  it('backs off 5 s, 10 s, 20 s … and never waits more than 5 minutes', () => {
    expect([1, 2, 3].map(backoff)).toEqual([5_000, 10_000, 20_000]);
    expect(backoff(20)).toBe(300_000);
  });
});

describe('the summary kept of a recorded encounter', () => {
  it('counts asylum seekers and unaccompanied minors, and holds no person’s details', () => {
    const s = summarize({
      ref: 'R1',
      state: 'LT',
      occurredAt: '2026-12-09T08:00:00Z',
      kind: 'apprehended-irregular-crossing',
      groupSize: 4,
      persons: [
        { nationality: 'IQ', sex: 'male', birthYear: 2010, minor: true, unaccompanied: true },
        {
          nationality: 'SY',
          sex: 'female',
          identity: { familyName: 'Synthetic' },
          asylumWish: { at: '2026-12-09T08:00:00Z', where: 'post', to: 'guard' },
        },
        { nationality: 'AF', sex: 'unknown' },
      ],
    });
    expect(s).toEqual({
      ref: 'R1',
      occurredAt: '2026-12-09T08:00:00Z',
      kind: 'apprehended-irregular-crossing',
      groupSize: 4,
      identified: 3,
      asylumSeekers: 1,
      unaccompaniedMinors: 1,
    });
    expect(JSON.stringify(s)).not.toMatch(/IQ|SY|AF|Synthetic|2010/);
  });
});
