// Issue 18, MUST HOLD: "Issuing a decision notice records the notification and starts the appeal window from
// it" — on every backend. The decision document issued with its notification records document.issued,
// document.notified and decision.notified; the appeal obligation opens with its due time counted from the
// notification (APR Art. 67(8)), not from the decision or the issue; a second notification does not restart
// it; a notification recorded later through POST …/documents/issued/ID/notification does the same. The
// window is a TEST value an administrator confirms (as test/api/appeal-windows.test.ts), not national law.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/store/database.ts';
import { pdfText } from '../documents/pdf.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

const REASONS =
  'Facts: the applicant named no persecution or serious harm on return. Law: Article 39 of Regulation (EU) 2024/1348 (test reasons).';

// Notified on Tuesday 12 January 2027 at 00:30 Vilnius time (UTC+2) = 11 January 22:30 UTC. The window of
// Art. 67(7)(b) confirmed for the test: 14 days. The day of notification is not counted (Regulation 1182/71
// Art. 3(1)): 13 … 26 January; Tuesday 26 January is a working day, so the window ends at the end of that
// day: 2027-01-27 00:00 Vilnius = 2027-01-26T22:00:00Z (from the decision, 9 December, it would have ended
// in December: the notification, not the decision, starts it).
const NOTIFIED_AT = '2027-01-11T22:30:00.000Z';
const WINDOW_ENDS = '2027-01-26T22:00:00.000Z';

describe.each(BACKENDS)('a decision notice starts the appeal window on $name', (backend) => {
  let h: Harness;
  const officer = () => h.account('case-officer', 'LT').headers;

  /** A case walked to a rejection with its reasons (interviewed first: APR Art. 12). */
  async function rejectedCase(ref: string, reasons: string | undefined = REASONS): Promise<string> {
    h.clock.set('2026-12-09T08:00:00Z');
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': `${ref}-enc` },
      payload: encounterBody('LT', ref, 1),
    });
    expect(r.statusCode, r.body).toBe(201);
    const caseId: string = r.json().caseIds[0];
    const steps: [string, Record<string, unknown>][] = [
      [
        'screening-officer',
        { type: 'screening.completed', at: '2026-12-08T09:30:00+02:00', outcome: 'asylum' },
      ],
      ['screening-officer', { type: 'application.registered', at: '2026-12-08T09:45:00+02:00' }],
      ['case-officer', { type: 'application.lodged', at: '2026-12-08T10:00:00+02:00' }],
      [
        'case-officer',
        {
          type: 'interview.recorded',
          at: '2026-12-08T11:00:00+02:00',
          language: 'ar',
          interpreter: true,
          languageUnderstood: true,
          recordRef: 'INT-TEST-API',
          reportCommentOffered: true,
          interviewer: 'officer-1',
        },
      ],
      [
        'case-officer',
        {
          type: 'decision.issued',
          at: '2026-12-09T09:00:00+02:00',
          decision: 'unfounded',
          ...(reasons ? { reasons } : {}),
        },
      ],
    ];
    for (const [i, [role, command]] of steps.entries()) {
      const v = (await h.inject({ url: `/api/cases/${caseId}`, headers: officer() })).json().case.version;
      const res = await h.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        headers: { ...h.account(role as 'case-officer', 'LT').headers, 'idempotency-key': `${ref}-${i}` },
        payload: { expectedVersion: v, command: { ...command, lateEntryReason: 'test data entered later' } },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    return caseId;
  }

  const log = (caseId: string) =>
    rowsOf<{ type: string; at: string | Date; payload: Record<string, unknown> }>(
      h.store.db,
      sql`select type, at, payload from case_actions where case_id = ${caseId}::uuid order by seq`,
    );
  const appeals = (caseId: string) =>
    rowsOf<{ due_at: string | Date; status: string }>(
      h.store.db,
      sql`select due_at, status from obligations where case_id = ${caseId}::uuid and kind = 'appeal'`,
    );
  const iso = (v: string | Date) => new Date(v).toISOString();

  beforeAll(async () => {
    h = await startHarness(backend);
    // an administrator confirms Lithuania's Art. 67(7)(b) window: 14 days (a TEST value)
    const put = await h.inject({
      method: 'PUT',
      url: '/api/settings/appeal-windows',
      headers: h.account('administrator', 'LT').headers,
      payload: {
        window: 'window-other',
        since: '2026-06-12',
        amount: 14,
        unit: 'days',
        source: 'test act No 1 (synthetic)',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
  }, 60_000);
  afterAll(async () => h?.close());

  it('issued with its notification: both recorded, the appeal window from the notification, stated on the PDF; a second notification does not restart it', async () => {
    const caseId = await rejectedCase('DEC-API-1');
    h.clock.set(NOTIFIED_AT);
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/decision?lang=en`,
      headers: { ...officer(), 'idempotency-key': 'dec-api-issue-1' },
      payload: { notification: { means: 'in-person', language: 'ar', at: NOTIFIED_AT } },
    });
    expect(r.statusCode, r.body).toBe(201);
    const issued = r.json();
    expect(issued.notifiedAt).toBe(NOTIFIED_AT);
    expect(issued.opened).toEqual([expect.objectContaining({ kind: 'appeal' })]);
    expect(iso(issued.opened[0].dueAt)).toBe(WINDOW_ENDS);

    const types = (await log(caseId)).map((a) => a.type);
    expect(types.slice(-3)).toEqual(['document.issued', 'document.notified', 'decision.notified']);
    const notified = (await log(caseId)).find((a) => a.type === 'decision.notified');
    expect(iso(notified?.at ?? '')).toBe(NOTIFIED_AT);
    expect(notified?.payload).toMatchObject({ means: 'in-person', language: 'ar' });
    const open = await appeals(caseId);
    expect(open).toHaveLength(1);
    expect(iso(open[0]?.due_at ?? '')).toBe(WINDOW_ENDS);
    expect(open[0]?.status).toBe('open');

    // the PDF states the period, the notification and the window's end, in Vilnius time
    const pdf = await h.inject({ url: r.headers.location as string, headers: officer() });
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Time limit for the appeal (Article 67(7)(b)) 14 days');
    expect(text).toContain('2027-01-12 00:30 (Europe/Vilnius)');
    expect(text).toContain('Last moment to lodge the appeal 2027-01-26 24:00 (Europe/Vilnius)');
    expect(text).toContain('Article 39 of Regulation (EU) 2024/1348');

    // a reprint handed over again two days later: the decision's notification is not recorded again
    h.clock.set('2027-01-13T09:00:00Z');
    const again = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/decision?lang=en`,
      headers: { ...officer(), 'idempotency-key': 'dec-api-issue-2' },
      payload: { notification: { means: 'in-person', language: 'ar', at: '2027-01-13T09:00:00Z' } },
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().opened).toEqual([]);
    expect(again.json().notes.join(' ')).toContain('not recorded again');
    expect((await log(caseId)).filter((a) => a.type === 'decision.notified')).toHaveLength(1);
    const still = await appeals(caseId);
    expect(still).toHaveLength(1);
    expect(iso(still[0]?.due_at ?? '')).toBe(WINDOW_ENDS);
    // the copy handed over later prints the window the case holds (from the first notification), never a
    // later end that would let the person miss the real one
    const copy = await h.inject({ url: again.headers.location as string, headers: officer() });
    const copyText = await pdfText(copy.rawPayload);
    expect(copyText).toContain('Last moment to lodge the appeal 2027-01-26 24:00 (Europe/Vilnius)');
    expect(copyText).not.toContain('2027-01-27 24:00');
    // and the same document cannot be notified twice
    const twice = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/issued/${issued.documentId}/notification`,
      headers: { ...officer(), 'idempotency-key': 'dec-api-notify-twice' },
      payload: { means: 'in-person', language: 'ar' },
    });
    expect(twice.statusCode).toBe(422);
  }, 60_000);

  it('issued first, notified later through …/notification: the window from that notification', async () => {
    const caseId = await rejectedCase('DEC-API-2');
    h.clock.set('2027-01-11T20:00:00Z');
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/decision?lang=en`,
      headers: { ...officer(), 'idempotency-key': 'dec-api-issue-3' },
      payload: {},
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().opened).toEqual([]);
    expect(await appeals(caseId)).toHaveLength(0);
    // the document states the period, counted from the day of notification (its end not yet known)
    const pdf = await h.inject({ url: r.headers.location as string, headers: officer() });
    expect(await pdfText(pdf.rawPayload)).toContain('counted from the day of notification');

    h.clock.set('2027-01-11T22:35:00Z');
    const n = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/issued/${r.json().documentId}/notification`,
      headers: { ...officer(), 'idempotency-key': 'dec-api-notify-3' },
      payload: { means: 'read-out-with-interpreter', language: 'ar', at: NOTIFIED_AT },
    });
    expect(n.statusCode, n.body).toBe(201);
    expect(iso(n.json().opened[0].dueAt)).toBe(WINDOW_ENDS);
    const types = (await log(caseId)).map((a) => a.type);
    expect(types.slice(-3)).toEqual(['document.issued', 'document.notified', 'decision.notified']);
    const open = await appeals(caseId);
    expect(open).toHaveLength(1);
    expect(iso(open[0]?.due_at ?? '')).toBe(WINDOW_ENDS);
  }, 60_000);

  it('a rejection without reasons cannot be issued (APR Art. 36(2)): 422, nothing recorded', async () => {
    const caseId = await rejectedCase('DEC-API-3', '');
    const before = (await log(caseId)).length;
    const list = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: officer() })).json();
    expect(list.available).toContainEqual(
      expect.objectContaining({ kind: 'decision', unavailable: expect.stringContaining('APR Art. 36(2)') }),
    );
    const r = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/decision?lang=en`,
      headers: { ...officer(), 'idempotency-key': 'dec-api-issue-4' },
      payload: { notification: { means: 'in-person', language: 'ar' } },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0]).toMatchObject({ code: 'document-not-available', field: 'params/kind' });
    expect(await log(caseId)).toHaveLength(before);
    expect(await appeals(caseId)).toHaveLength(0);
  }, 60_000);
});
