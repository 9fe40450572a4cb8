// The desk's group print through the API (issue 18), on every backend: the refusal of entry forms of an
// encounter's persons (SBC Art. 14(2), Annex V Part B) issued on each case and answered as ONE PDF, each form
// from a new page with its own footer; a retry with the same key issues nothing new and gives the same bytes;
// a group where a person has no reason recorded is refused whole (422, the cases named), nothing issued; and
// the attacks fail: another state's officer, a role that may not issue.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/store/database.ts';
import { pdfPages } from '../documents/pdf.ts';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const refusedGroup = (ref: string, n: number, refusal?: Record<string, unknown>) => ({
  ref,
  state: 'LT',
  occurredAt: '2026-12-08T01:30:00+02:00',
  kind: 'entry-prevented-refused',
  groupSize: n + 1,
  persons: Array.from({ length: n }, (_, i) => ({
    nationality: 'IQ',
    sex: i % 2 ? 'female' : 'male',
    birthYear: 1990 + i,
    identity: { familyName: `Testgroup${i}`, givenNames: 'Synthetic' },
  })),
  ...(refusal ? { refusal } : {}),
});

describe.each(BACKENDS)('the group print of refusal forms on $name', (backend) => {
  let h: Harness;
  const guard = () => h.account('border-guard', 'LT').headers;
  const record = async (key: string, body: unknown) => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...guard(), 'idempotency-key': key },
      payload: body as Record<string, unknown>,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { encounterId: string; caseIds: string[] };
  };
  const print = (encounterId: string, key: string, lang = 'en', headers = guard()) =>
    h.inject({
      method: 'POST',
      url: `/api/encounters/${encounterId}/documents/refusal-of-entry?lang=${lang}`,
      headers: { ...headers, 'idempotency-key': key },
    });
  const issuedCount = async (caseIds: readonly string[]) =>
    (
      await rowsOf<{ n: number }>(
        h.store.db,
        sql`select count(*)::int as n from case_actions where type = 'document.issued' and case_id in (${sql.join(
          caseIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      )
    )[0]?.n;

  let group = { encounterId: '', caseIds: [] as string[] };
  beforeAll(async () => {
    h = await startHarness(backend);
    group = await record(
      'group-enc-1',
      refusedGroup('GROUP-1', 3, { reasons: ['A', 'E'], directedTo: 'Medininkai BCP' }),
    );
  }, 60_000);
  afterAll(async () => h?.close());

  it('issues a form on each case and answers one PDF: a form per person, each with its own footer', async () => {
    const r = await print(group.encounterId, 'group-print-1');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.headers['content-type']).toBe('application/pdf');
    // the encounter's persons in the order of their case ids, all three in this print
    const caseIds = [...group.caseIds].sort();
    expect(r.headers['pact-group']).toBe('0-2/3');
    const documentIds = String(r.headers['pact-document-ids']).split(',');
    expect(documentIds).toHaveLength(3);
    const pages = await pdfPages(r.rawPayload);
    // each form is two pages (its footer counts 1/2, 2/2); the three forms in the order of the headers
    expect(pages).toHaveLength(6);
    for (const [i, id] of documentIds.entries()) {
      expect(pages[2 * i]).toContain(id);
      expect(pages[2 * i]).toContain('1/2');
      expect(pages[2 * i + 1]).toContain(id);
      expect(pages[2 * i + 1]).toContain('2/2');
      expect(pages[2 * i]).toContain('Refusal of entry at the border');
      expect(pages[2 * i + 1]).toContain('Medininkai BCP');
    }
    const names = pages.filter((_, i) => i % 2 === 0).join(' ');
    for (const n of [0, 1, 2]) expect(names).toContain(`TESTGROUP${n}`);
    // each form is a fact of its own case, and its kept bytes are the form on the group's pages
    for (const [i, caseId] of caseIds.entries()) {
      const list = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: guard() })).json();
      expect(list.issued).toEqual([
        expect.objectContaining({ id: documentIds[i], kind: 'refusal-of-entry', language: 'en' }),
      ]);
      const single = await h.inject({
        url: `/api/cases/${caseId}/documents/issued/${documentIds[i]}`,
        headers: guard(),
      });
      expect((await pdfPages(single.rawPayload)).join('\n')).toBe(pages.slice(2 * i, 2 * i + 2).join('\n'));
    }
  });

  it('the same key again issues nothing new and gives the same bytes, even after a later action on a case', async () => {
    const first = await print(group.encounterId, 'group-print-1');
    expect(first.statusCode).toBe(200);
    const caseId = group.caseIds[0] as string;
    const v = (await h.inject({ url: `/api/cases/${caseId}`, headers: guard() })).json().case.version;
    const wish = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...guard(), 'idempotency-key': 'group-wish-1' },
      payload: {
        expectedVersion: v,
        command: {
          type: 'identity.recorded',
          // at the test clock's time (the issue's): not before the case's last action
          at: '2026-12-09T08:00:00Z',
          identity: { placeOfBirth: 'Basra' },
        },
      },
    });
    expect(wish.statusCode, wish.body).toBe(201);
    const again = await print(group.encounterId, 'group-print-1');
    expect(again.statusCode).toBe(200);
    expect(again.headers['pact-document-ids']).toBe(first.headers['pact-document-ids']);
    expect(Buffer.compare(again.rawPayload, first.rawPayload)).toBe(0);
    expect(await issuedCount(group.caseIds)).toBe(3);
  });

  it('a print holds at most 50 persons: the next part from a number; past the last, 404', async () => {
    const r = await h.inject({
      method: 'POST',
      url: `/api/encounters/${group.encounterId}/documents/refusal-of-entry?lang=en&from=1`,
      headers: { ...guard(), 'idempotency-key': 'group-print-part-2' },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.headers['pact-group']).toBe('1-2/3');
    expect(String(r.headers['pact-document-ids']).split(',')).toHaveLength(2);
    const past = await h.inject({
      method: 'POST',
      url: `/api/encounters/${group.encounterId}/documents/refusal-of-entry?lang=en&from=3`,
      headers: { ...guard(), 'idempotency-key': 'group-print-part-3' },
    });
    expect(past.statusCode).toBe(404);
  });

  it('SBC Art. 14(1): once a person of the group asked for international protection, no refusal form is printed for the group', async () => {
    const g = await record('group-enc-wish', refusedGroup('GROUP-WISH', 2, { reasons: ['C'] }));
    const caseId = [...g.caseIds].sort()[1] as string;
    const v = (await h.inject({ url: `/api/cases/${caseId}`, headers: guard() })).json().case.version;
    const wish = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...guard(), 'idempotency-key': 'group-wish-2' },
      payload: {
        expectedVersion: v,
        command: { type: 'asylum-wish.expressed', at: '2026-12-09T08:00:00Z', where: 'post', to: 'guard' },
      },
    });
    expect(wish.statusCode, wish.body).toBe(201);
    const r = await print(g.encounterId, 'group-print-wish');
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0].params.cases).toEqual([caseId]);
    expect(await issuedCount(g.caseIds)).toBe(0);
  });

  it('a group recorded without reasons is refused whole (422, its cases named): nothing is issued', async () => {
    const bare = await record('group-enc-2', refusedGroup('GROUP-2', 2));
    const r = await print(bare.encounterId, 'group-print-2');
    expect(r.statusCode).toBe(422);
    const problem = r.json();
    expect(problem.errors[0].code).toBe('documents-unavailable-in-group');
    expect([...problem.errors[0].params.cases].sort()).toEqual([...bare.caseIds].sort());
    expect(problem.detail).toContain('no refusal of entry is recorded');
    expect(await issuedCount(bare.caseIds)).toBe(0);
  });

  it('the reasons are refused with another kind of encounter (400, the schema)', async () => {
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...guard(), 'idempotency-key': 'group-enc-3' },
      payload: { ...refusedGroup('GROUP-3', 1, { reasons: ['A'] }), kind: 'apprehended-irregular-crossing' },
    });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json())).toContain('refusal-needs-refused-kind');
  });

  it("another state's guard finds no such encounter (404); a monitor may not issue (403); nothing is issued", async () => {
    const before = await issuedCount(group.caseIds);
    expect(
      (await print(group.encounterId, 'group-pl', 'en', h.account('border-guard', 'PL').headers)).statusCode,
    ).toBe(404);
    expect(
      (await print(group.encounterId, 'group-monitor', 'en', h.account('monitor', 'LT').headers)).statusCode,
    ).toBe(403);
    expect((await print('00000000-0000-4000-8000-000000000000', 'group-none')).statusCode).toBe(404);
    expect(await issuedCount(group.caseIds)).toBe(before);
  });
});
