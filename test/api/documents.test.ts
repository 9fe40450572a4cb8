// Papers through the API (issue 18), on every backend: issuing records `document.issued` with the SHA-256 of
// the bytes kept, a reprint is the same bytes, a preview records nothing, the notification is recorded once,
// and each attack fails: another state's case, a role that may not issue, a replayed key with another body.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/store/database.ts';
import { pdfText } from '../documents/pdf.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(BACKENDS)('documents through the API on $name', (backend) => {
  let h: Harness;
  let caseId = '';
  const officer = () => h.account('case-officer', 'LT').headers;
  beforeAll(async () => {
    h = await startHarness(backend);
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'documents-enc-1' },
      payload: encounterBody('LT', 'DOCS-1', 1),
    });
    expect(r.statusCode).toBe(201);
    caseId = r.json().caseIds[0];
    const steps = [
      { type: 'screening.completed', at: '2026-12-09T09:30:00+02:00', outcome: 'asylum' },
      { type: 'application.registered', at: '2026-12-09T09:45:00+02:00' },
    ];
    for (const [i, command] of steps.entries()) {
      const v = (await h.inject({ url: `/api/cases/${caseId}`, headers: officer() })).json().case.version;
      const res = await h.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        headers: {
          ...h.account('screening-officer', 'LT').headers,
          'idempotency-key': `documents-step-${i}`,
        },
        payload: { expectedVersion: v, command },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  }, 60_000);
  afterAll(async () => h?.close());

  const issue = (key: string, lang = 'en', body: Record<string, unknown> = {}, headers = officer()) =>
    h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/applicant-document?lang=${lang}`,
      headers: { ...headers, 'idempotency-key': key },
      payload: body,
    });

  it('a preview is a PDF marked as not issued, and records nothing', async () => {
    const r = await h.inject({
      url: `/api/cases/${caseId}/documents/applicant-document?lang=en`,
      headers: officer(),
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(r.rawPayload)).toContain('DRAFT — NOT ISSUED');
    // the preview shows the person's data: who looked is in the audit log (no personal data in the entry)
    const audited = await rowsOf<{ actor: string; data: Record<string, unknown> }>(
      h.store.db,
      sql`select actor, data from audit_log where action = 'document.previewed' and subject = ${caseId}`,
    );
    expect(audited).toEqual([
      {
        actor: 'case-officer.lt',
        data: { kind: 'applicant-document', language: 'en', role: 'case-officer' },
      },
    ]);
    const list = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: officer() })).json();
    expect(list.issued).toEqual([]);
    expect(list.available).toContainEqual(
      expect.objectContaining({
        kind: 'applicant-document',
        permitted: true,
        articles: expect.stringContaining('Art. 29'),
      }),
    );
    // the person's languages without a translation reviewed by a speaker: English text with a notice in
    // the language (the case page's Print menu says so); the authority's languages have their own text
    const applicant = list.available.find((a: { kind: string }) => a.kind === 'applicant-document');
    expect(applicant.withNotice).toEqual(['ar', 'ckb', 'fr', 'ru', 'fa']);
    expect(applicant.languages).toEqual(['en', 'lt', 'ar', 'ckb', 'fr', 'ru', 'fa']);
  });

  it('issuing records document.issued with the SHA-256 of the bytes kept; the reprint is the same bytes', async () => {
    const r = await issue('documents-issue-1');
    expect(r.statusCode).toBe(201);
    const issued = r.json();
    expect(issued).toMatchObject({ kind: 'applicant-document', language: 'en', size: expect.any(Number) });
    expect(r.headers.location).toBe(`/api/cases/${caseId}/documents/issued/${issued.documentId}`);
    const pdf = await h.inject({ url: r.headers.location as string, headers: officer() });
    expect(pdf.statusCode).toBe(200);
    expect(sha(pdf.rawPayload)).toBe(issued.sha256);
    const again = await h.inject({ url: r.headers.location as string, headers: officer() });
    expect(Buffer.compare(again.rawPayload, pdf.rawPayload)).toBe(0);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Article 29');
    expect(text).not.toContain('DRAFT');
    // the case's log has the fact, with who issued it and the template version
    const actions = await rowsOf<{ type: string; actor: string; payload: Record<string, unknown> }>(
      h.store.db,
      sql`select type, actor, payload from case_actions where case_id = ${caseId}::uuid and type = 'document.issued'`,
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]?.payload).toMatchObject({
      document: issued.documentId,
      sha256: issued.sha256,
      templateVersion: 'applicant-document/en@1',
    });
    // each read of the document is in the audit log
    const reads = await rowsOf<{ n: number }>(
      h.store.db,
      sql`select count(*)::int as n from audit_log where action = 'attachment.read' and subject = ${caseId}`,
    );
    expect(reads[0]?.n).toBe(2);
  });

  it('the same key again gives the same document, nothing new', async () => {
    const first = (await issue('documents-issue-2', 'lt')).json();
    const replay = await issue('documents-issue-2', 'lt');
    expect(replay.statusCode).toBe(200);
    expect(replay.json().documentId).toBe(first.documentId);
    const again = await issue('documents-issue-2', 'ar');
    expect(again.statusCode).toBe(422);
  });

  it('the notification is recorded once, not before the issue', async () => {
    const d = (await issue('documents-issue-3')).json();
    const url = `/api/cases/${caseId}/documents/issued/${d.documentId}/notification`;
    const early = await h.inject({
      method: 'POST',
      url,
      headers: { ...officer(), 'idempotency-key': 'documents-notify-0' },
      payload: { means: 'in-person', language: 'ar', at: '2026-12-09T07:00:00Z' },
    });
    expect(early.statusCode).toBe(422);
    const ok = await h.inject({
      method: 'POST',
      url,
      headers: { ...officer(), 'idempotency-key': 'documents-notify-1' },
      payload: { means: 'read-out-with-interpreter', language: 'ar' },
    });
    expect(ok.statusCode).toBe(201);
    const twice = await h.inject({
      method: 'POST',
      url,
      headers: { ...officer(), 'idempotency-key': 'documents-notify-2' },
      payload: { means: 'in-person', language: 'ar' },
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0].code).toBe('document-already-notified');
    const list = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: officer() })).json();
    expect(list.issued.find((x: { id: string }) => x.id === d.documentId)).toMatchObject({
      means: 'read-out-with-interpreter',
      notifiedAt: expect.any(String),
    });
  });

  it('a kept document whose bytes were altered in the database is never handed out as the issued one', async () => {
    const d = (await issue('documents-issue-tamper')).json();
    const url = `/api/cases/${caseId}/documents/issued/${d.documentId}`;
    expect((await h.inject({ url, headers: officer() })).statusCode).toBe(200);
    // the attack: someone with access to the database swaps the PDF (and even its stored digest)
    const forged = Buffer.from('%PDF-1.7 forged');
    await h.store.db.execute(
      sql`update attachments set bytes = decode(${forged.toString('base64')}, 'base64'), sha256 = ${sha(forged)}
        where id = ${d.documentId}::uuid`,
    );
    const r = await h.inject({ url, headers: officer() });
    expect(r.statusCode).toBe(500);
    expect(r.json().type).toContain('document-altered');
    expect(r.rawPayload.includes(forged)).toBe(false);
    // nor through the case's files, where the PDF is kept
    const file = await h.inject({
      url: `/api/cases/${caseId}/attachments/${d.documentId}`,
      headers: officer(),
    });
    expect(file.statusCode).toBe(500);
    expect(file.rawPayload.includes(forged)).toBe(false);
  });

  it('a paper sent by post is not notified at its printing: refused, nothing issued (APR Art. 67(8): periods run from receipt)', async () => {
    const before = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: officer() })).json();
    const r = await issue('documents-post-1', 'en', { notification: { means: 'post', language: 'ar' } });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0]).toMatchObject({
      field: 'body/notification/means',
      code: 'notification-not-at-issue',
    });
    const after = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: officer() })).json();
    expect(after.issued).toHaveLength(before.issued.length);
  });

  it("another state's officer finds neither the case's documents nor can issue one (404)", async () => {
    const pl = h.account('case-officer', 'PL').headers;
    expect((await h.inject({ url: `/api/cases/${caseId}/documents`, headers: pl })).statusCode).toBe(404);
    expect((await issue('documents-pl-1', 'en', {}, pl)).statusCode).toBe(404);
  });

  it('a monitor may read the list but not issue or preview (403), and nothing is recorded', async () => {
    const monitor = h.account('monitor', 'LT').headers;
    const before = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: monitor })).json();
    expect((await issue('documents-monitor-1', 'en', {}, monitor)).statusCode).toBe(403);
    expect(
      (await h.inject({ url: `/api/cases/${caseId}/documents/applicant-document`, headers: monitor }))
        .statusCode,
    ).toBe(403);
    const after = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: monitor })).json();
    expect(after.issued).toHaveLength(before.issued.length);
  });

  it('a language the document is not offered in, and an unknown kind, are refused', async () => {
    expect((await issue('documents-bad-lang', 'de')).statusCode).toBe(400);
    const unknown = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/passport?lang=en`,
      headers: { ...officer(), 'idempotency-key': 'documents-bad-kind' },
      payload: {},
    });
    expect(unknown.statusCode).toBe(400);
  });

  // APR Art. 8(2)(b): the information on rights prints the time limits open on the case, from the store's
  // obligation rows (extras: `due.<kind>`), in Vilnius time
  it('the information on rights prints the lodging deadline of the obligation row, in the state’s zone', async () => {
    const [row] = await rowsOf<{ due_at: Date | string }>(
      h.store.db,
      sql`select due_at from obligations where case_id = ${caseId}::uuid and kind = 'lodging' and status = 'open'`,
    );
    expect(row).toBeDefined();
    // Europe/Vilnius is UTC+2 in December and January (no summer time then)
    const due = new Date(new Date(row?.due_at ?? '').getTime() + 2 * 3600_000).toISOString();
    const r = await h.inject({
      url: `/api/cases/${caseId}/documents/applicant-information?lang=en`,
      headers: officer(),
    });
    expect(r.statusCode, r.body).toBe(200);
    const text = await pdfText(r.rawPayload);
    expect(text).toContain('You must lodge your application (Article 28) by');
    expect(text).toContain(`${due.slice(0, 10)} ${due.slice(11, 16)}`);
  });

  it('issued and handed over at once (the Print menu\'s "handed over now"): both facts, one request', async () => {
    const before = (await h.inject({ url: `/api/cases/${caseId}`, headers: officer() })).json().case.version;
    const r = await issue('documents-issue-handed', 'lt', {
      expectedVersion: before,
      notification: { means: 'in-person', language: 'lt' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    // document.issued then document.notified: two versions on
    expect(d).toMatchObject({ language: 'lt', version: before + 2, notifiedAt: d.issuedAt });
    const list = (await h.inject({ url: `/api/cases/${caseId}/documents`, headers: officer() })).json();
    expect(list.issued.find((x: { id: string }) => x.id === d.documentId)).toMatchObject({
      means: 'in-person',
      notifiedAt: d.issuedAt,
    });
  });
});
