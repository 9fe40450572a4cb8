// Photos and scans of a case (issue #16): the type comes from the bytes (a page of HTML named photo.jpg is
// refused), the body limit is 10 MiB on this route only, downloads are only ever files (attachment,
// nosniff, no-store, the sniffed type), each read is audited, and another state's user can neither list nor
// read them. Synthetic images made here; no real person.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/domain/attachments.ts';
import { LAW } from '../../src/law/law.ts';
import { addUser, issueCredential } from '../../src/store/accounts.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

const png = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .png()
    .toBuffer();
const jpeg = () =>
  sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 200, g: 120, b: 30 } } })
    .jpeg()
    .toBuffer();
/** The smallest PDF a reader opens: the signature %PDF- is what counts here. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
/** A GIF: an image, but not one of the three types. */
const GIF = Buffer.from('474946383961010001000000002c00000000010001000002024401003b', 'hex');

describe.each(BACKENDS)('attachments on $name', (backend) => {
  let h: Harness;
  let caseId = '';
  let plCase = '';
  beforeAll(async () => {
    h = await startHarness(backend);
    const lt = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'att-0001' },
      payload: encounterBody('LT', 'ATT-1', 1),
    });
    caseId = lt.json().caseIds[0];
    const pl = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'PL').headers, 'idempotency-key': 'att-0002' },
      payload: encounterBody('PL', 'ATT-2', 1),
    });
    plCase = pl.json().caseIds[0];
  }, 60_000);
  afterAll(async () => h?.close());

  const upload = (
    bytes: Buffer,
    name: string,
    o: {
      kind?: string;
      role?: 'border-guard' | 'monitor';
      state?: string;
      caseId?: string;
      type?: string;
    } = {},
  ) =>
    h.inject({
      method: 'POST',
      url: `/api/cases/${o.caseId ?? caseId}/attachments?kind=${o.kind ?? 'photo'}`,
      headers: {
        ...h.account(o.role ?? 'border-guard', o.state ?? 'LT').headers,
        'content-type': o.type ?? 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
      payload: bytes,
    });

  it('a PNG is stored as image/png with a JPEG thumbnail; the list shows it without its bytes', async () => {
    const r = await upload(await png(), 'face photo.png');
    expect(r.statusCode).toBe(201);
    const a = r.json();
    expect(a).toMatchObject({
      kind: 'photo',
      contentType: 'image/png',
      fileName: 'face_photo.png',
      hasThumbnail: true,
    });
    const list = await h.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/attachments`,
      headers: h.account('case-officer', 'LT').headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((x: { id: string }) => x.id)).toContain(a.id);
    expect(list.body).not.toMatch(/bytes/);
  });

  it.each([
    ['JPEG (FF D8 FF)', jpeg, 'image/jpeg', 'x.jpg', true],
    ['PNG (89 50 4E 47)', png, 'image/png', 'x.png', true],
    ['PDF (%PDF-)', async () => PDF, 'application/pdf', 'x.pdf', false],
  ] as const)(
    'the signature of %s decides the type, whatever the name',
    async (_, make, type, name, thumb) => {
      // named as something else: the bytes win, and the stored name takes the bytes' extension
      const r = await upload(await make(), 'scan.gif', { kind: 'scan' });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({
        contentType: type,
        fileName: `scan.${name.split('.')[1]}`,
        hasThumbnail: thumb,
      });
    },
  );

  it('ATTACK: bytes of HTML named photo.jpg and declared image/jpeg are refused (415, attachment-type-not-allowed)', async () => {
    const r = await upload(HTML, 'photo.jpg', { type: 'application/octet-stream' });
    expect(r.statusCode).toBe(415);
    expect(r.json().type).toBe('urn:pact:problem:attachment-type-not-allowed');
    expect(r.json().errors[0]).toMatchObject({ field: 'body', code: 'attachment-type-not-allowed' });
    // the declared type is not a way in either: only application/octet-stream bodies are read
    const declared = await upload(HTML, 'photo.jpg', { type: 'image/jpeg' });
    expect(declared.statusCode).toBe(415);
  });

  it('a GIF (an image, but not a type accepted) and an empty file are refused', async () => {
    const gif = await upload(GIF, 'a.png');
    expect(gif.statusCode).toBe(415);
    expect(gif.json().params).toEqual({ detected: 'image/gif' });
    const empty = await upload(Buffer.alloc(0), 'a.png');
    expect(empty.statusCode).toBe(400);
  });

  it('a PNG signature followed by garbage is refused as unreadable (422), not stored', async () => {
    const head = (await png()).subarray(0, 40);
    const r = await upload(Buffer.concat([head, Buffer.alloc(200, 7)]), 'broken.png');
    expect(r.statusCode).toBe(422);
    expect(r.json().type).toBe('urn:pact:problem:attachment-unreadable');
  });

  it('10 MiB is accepted by the limit, 10 MiB + 1 byte is 413; other routes keep the 2 MiB limit', async () => {
    // a PDF padded to exactly the limit passes the body limit (and is stored); one byte more does not
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]);
    expect(exact.length).toBe(10 * 1024 * 1024);
    expect((await upload(exact, 'big.pdf', { kind: 'scan' })).statusCode).toBe(201);
    const over = await upload(Buffer.concat([exact, Buffer.from(' ')]), 'big.pdf', { kind: 'scan' });
    expect(over.statusCode).toBe(413);
    const json = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: {
        ...h.account('border-guard', 'LT').headers,
        'idempotency-key': 'att-0003',
        'content-type': 'application/json',
      },
      payload: `{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`,
    });
    expect(json.statusCode).toBe(413);
  }, 30_000);

  it('a download is a file: attachment with a safe name, nosniff, no-store, the sniffed type; the read is audited', async () => {
    const up = (await upload(await png(), '../../etc/"passwd"\r\nX-Evil: 1.jpg')).json();
    expect(up.fileName).toBe('passwd_X-Evil_1.png');
    const reader = h.account('case-officer', 'LT');
    const r = await h.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/attachments/${up.id}`,
      headers: reader.headers,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.headers['content-disposition']).toBe('attachment; filename="passwd_X-Evil_1.png"');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-evil']).toBeUndefined();
    expect(r.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const t = await h.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/attachments/${up.id}/thumbnail`,
      headers: reader.headers,
    });
    expect(t.statusCode).toBe(200);
    expect(t.headers['content-type']).toBe('image/jpeg');
    expect(t.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(t.headers['cache-control']).toBe('no-store');
    const meta = await sharp(t.rawPayload).metadata();
    // 400 × 300 fitted inside 160 × 160
    expect([meta.width, meta.height]).toEqual([160, 120]);
    const audit = await h.store.query<{ action: string; actor: string; data: { attachment: string } }>(
      `select action, actor, data from audit_log where data->>'attachment' = $1 order by seq`,
      [up.id],
    );
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['attachment.added', 'border-guard.lt'],
      ['attachment.read', reader.username],
      ['attachment.thumbnail-read', reader.username],
    ]);
  });

  it('ATTACK: a user of another state can neither list nor read nor add to them (404), nor read through another case', async () => {
    const up = (await upload(await png(), 'p.png')).json();
    const pl = h.account('case-officer', 'PL');
    for (const url of [
      `/api/cases/${caseId}/attachments`,
      `/api/cases/${caseId}/attachments/${up.id}`,
      `/api/cases/${caseId}/attachments/${up.id}/thumbnail`,
      // the file named through the attacker's own case
      `/api/cases/${plCase}/attachments/${up.id}`,
    ]) {
      const r = await h.inject({ method: 'GET', url, headers: pl.headers });
      expect(r.statusCode, url).toBe(404);
      expect(r.body).not.toMatch(/89504e47|PNG/);
    }
    const write = await upload(await png(), 'p.png', { state: 'PL' });
    expect(write.statusCode).toBe(404);
    // an analyst of the Union has no case.read at all
    const analyst = await h.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/attachments/${up.id}`,
      headers: h.account('analyst', 'EU').headers,
    });
    expect(analyst.statusCode).toBe(403);
  });

  it('a monitor may read but not add (attachments.write)', async () => {
    const r = await upload(await png(), 'p.png', { role: 'monitor' });
    expect(r.statusCode).toBe(403);
  });
});

describe('the server log of attachments', () => {
  it('names neither the file, its name, the case nor the attachment, even at trace level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const [pglite] = BACKENDS;
    if (!pglite) throw new Error('no backend');
    const store = await pglite.open();
    const now = new Date('2026-12-09T08:00:00Z');
    const services = { law: LAW, clock: () => now, uuid: randomUUID };
    const cases = new CaseStore(store, services);
    const app = await buildServer(
      { store, cases, services, secureCookies: false, loginRateLimit: false },
      { level: 'trace', stream },
    );
    try {
      const user = await addUser(
        store.db,
        { username: 'guard.lt', password: 'synthetic-password-1', role: 'border-guard', jurisdiction: 'LT' },
        now,
        'test',
      );
      const { secret } = await issueCredential(store.db, user.userId, 'api-token', now, { name: 't' });
      const auth = { authorization: `Bearer ${secret}` };
      const caseId = (
        await cases.recordEncounter(
          encounterBody('LT', 'ATT-LOG-1', 1) as never,
          { actor: 'guard.lt', role: 'border-guard' },
          'att-log-1',
        )
      ).result.caseIds[0] as string;
      const marker = 'SYNTHETICPERSONNAME';
      const up = await app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/attachments?kind=photo`,
        headers: { ...auth, 'content-type': 'application/octet-stream', 'x-file-name': `${marker}.png` },
        payload: await png(),
      });
      expect(up.statusCode).toBe(201);
      const id = up.json().id;
      const refused = await app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/attachments?kind=photo`,
        headers: { ...auth, 'content-type': 'application/octet-stream', 'x-file-name': `${marker}.jpg` },
        payload: Buffer.from(`<html>${marker}</html>`),
      });
      expect(refused.statusCode).toBe(415);
      expect(
        (await app.inject({ method: 'GET', url: `/api/cases/${caseId}/attachments/${id}`, headers: auth }))
          .statusCode,
      ).toBe(200);
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(4);
      for (const secretText of [marker, caseId, id, 'PNG', secret]) expect(log).not.toContain(secretText);
      expect(log).toContain('/api/cases/:id/attachments/:attachmentId');
    } finally {
      await app.close();
      await store.close();
    }
  });
});
