// The pledge summary over HTTP (issue 18; AMMR Arts 56–64): a national solidarity coordinator prints its own
// state's as PDF (the print in the audit log, who and which summary); another state's is forbidden; a case
// officer (no solidarity.pledge) is forbidden; the EU coordinator prints any state's; a year without a cycle is
// a 404. Every backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../documents/pdf.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

describe.each(BACKENDS)('the pledge summary through the API on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    const r = await h.inject({
      method: 'PUT',
      url: '/api/solidarity/2026/pledges/LT',
      headers: h.account('solidarity-coordinator', 'LT').headers,
      payload: { relocatePercent: 50 },
    });
    expect(r.statusCode, r.body).toBe(200);
  }, 60_000);
  afterAll(async () => h?.close());

  const get = (url: string, role: Parameters<Harness['account']>[0], at: string) =>
    h.inject({ url, headers: h.account(role, at).headers });

  it("a national coordinator prints its own state's summary; the print is in the audit log", async () => {
    const r = await get('/api/solidarity/2026/pledges/LT/summary?lang=lt', 'solidarity-coordinator', 'LT');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(r.rawPayload);
    // LT's 50 % split of 115 (as `pact solidarity pledge` shows it): 57 relocated, 58 paid for = EUR 1 160 000
    expect(text).toContain('57 asmenys');
    expect(text).toContain('€ 1 160 000.00');
    const [entry] = await h.store.query<{ actor: string; subject: string }>(
      "select actor, subject from audit_log where action = 'document.printed' order by seq desc limit 1",
    );
    expect(entry).toEqual({
      actor: h.account('solidarity-coordinator', 'LT').username,
      subject: 'pledge-summary/2026/LT',
    });
  });

  it("ATTACK: another state's summary, or a role without solidarity.pledge: 403", async () => {
    expect(
      (await get('/api/solidarity/2026/pledges/PL/summary', 'solidarity-coordinator', 'LT')).statusCode,
    ).toBe(403);
    expect((await get('/api/solidarity/2026/pledges/LT/summary', 'case-officer', 'LT')).statusCode).toBe(403);
  });

  it("the EU coordinator prints any state's; a year without a cycle is a 404; a person's language is a 400", async () => {
    expect(
      (await get('/api/solidarity/2026/pledges/PL/summary', 'eu-solidarity-coordinator', 'EU')).statusCode,
    ).toBe(200);
    expect(
      (await get('/api/solidarity/2030/pledges/LT/summary', 'solidarity-coordinator', 'LT')).statusCode,
    ).toBe(404);
    expect(
      (await get('/api/solidarity/2026/pledges/LT/summary?lang=ar', 'solidarity-coordinator', 'LT'))
        .statusCode,
    ).toBe(400);
  });
});
