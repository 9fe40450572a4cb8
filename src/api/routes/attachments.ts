// Photos and scanned documents of a case (issue #16). Upload: the file as the raw body
// (`Content-Type: application/octet-stream`, the name in `X-File-Name`, percent-encoded), at most
// MAX_ATTACHMENT_BYTES — the body limit is raised for this route only. What the file is comes from its bytes
// (JPEG, PNG or PDF; anything else 415), never from its name or the header. Download: only ever as an
// attachment (never rendered by the browser as a page), with the sniffed type, nosniff and no-store; each read,
// of a file or of its thumbnail, is an audit entry. Another state's case: 404, as for the case itself.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ATTACHMENT_KINDS,
  ISSUED_DOCUMENT,
  MAX_ATTACHMENT_BYTES,
  STORED_ATTACHMENT_KINDS,
  safeFileName,
} from '../../domain/attachments.ts';
import {
  type AttachmentMeta,
  type AttachmentPart,
  addAttachment,
  listAttachments,
  readAttachment,
} from '../../store/attachments.ts';
import { findCase } from '../../store/case-queries.ts';
import { makeThumbnail, sniffType } from '../attachment-content.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

export const AttachmentView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(STORED_ATTACHMENT_KINDS),
  fileName: z.string(),
  /** found from the bytes */
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  hasThumbnail: z.boolean(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  erasedAt: z.string().nullable(),
});

const CaseId = z.object({ id: z.uuid('a case id (UUID)') }).strict();
const FileId = z
  .object({ id: z.uuid('a case id (UUID)'), attachmentId: z.uuid('an attachment id (UUID)') })
  .strict();
const UploadQuery = z.object({ kind: z.enum(ATTACHMENT_KINDS) }).strict();
const UploadHeaders = z.object({
  'x-file-name': z
    .string()
    .min(1)
    .max(600)
    .describe('the file name as the user chose it, percent-encoded (encodeURIComponent)'),
});

const view = (m: AttachmentMeta) => m as z.infer<typeof AttachmentView>;

export function attachmentRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const now = () => deps.services.clock();
  // in a scope of its own: the raw-body parser and the larger body limit reach these routes only
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/cases/:id/attachments',
      {
        schema: {
          tags: ['cases'],
          summary: "the photos and scans of a case (names, types, sizes; not the files' bytes)",
          params: CaseId,
          response: { 200: z.array(AttachmentView), 401: Problem, 403: Problem, 404: Problem },
        },
        preHandler: requires(deps, 'case.read'),
      },
      async (request) => {
        const p = principal(request);
        const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
        if (!found) throw notFound(`case ${request.params.id}`);
        return (await listAttachments(deps.store.db, found.case.id, p.jurisdiction)).map(view);
      },
    );

    r.post(
      '/api/cases/:id/attachments',
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        schema: {
          tags: ['cases'],
          summary:
            'add a photo or a scanned document (JPEG, PNG or PDF, at most 10 MiB) to a case: the raw file as application/octet-stream, its name in X-File-Name',
          params: CaseId,
          querystring: UploadQuery,
          headers: UploadHeaders,
          response: {
            201: AttachmentView,
            400: Problem,
            401: Problem,
            403: Problem,
            404: Problem,
            413: Problem,
            415: Problem,
            422: Problem,
          },
        },
        preHandler: requires(deps, 'attachments.write'),
      },
      async (request, reply) => {
        const p = principal(request);
        const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
        if (!found) throw notFound(`case ${request.params.id}`);
        const bytes = request.body as Buffer | undefined;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new HttpProblem(400, 'attachment-empty', 'Invalid input', 'body: the file is empty', [
            { field: 'body', reason: 'the file is empty' },
          ]);
        const sniffed = await sniffType(bytes);
        if (!sniffed.ok)
          throw new HttpProblem(
            415,
            'attachment-type-not-allowed',
            'Unsupported file type',
            `body: the file is not a JPEG, PNG or PDF (its bytes: ${sniffed.detected})`,
            [
              {
                field: 'body',
                reason: 'the file is not a JPEG, PNG or PDF, whatever its name says',
                params: { detected: sniffed.detected },
              },
            ],
            { params: { detected: sniffed.detected } },
          );
        const thumbnail = await makeThumbnail(bytes, sniffed.type).catch(() => {
          throw new HttpProblem(
            422,
            'attachment-unreadable',
            'Unreadable file',
            'body: the image cannot be decoded (truncated or damaged)',
            [{ field: 'body', reason: 'the image cannot be decoded (truncated or damaged)' }],
          );
        });
        let uploaded = '';
        try {
          uploaded = decodeURIComponent(request.headers['x-file-name']);
        } catch {
          uploaded = request.headers['x-file-name'];
        }
        const saved = await addAttachment(
          deps.store.db,
          {
            id: randomUUID(),
            caseId: found.case.id,
            state: found.case.state,
            kind: request.query.kind,
            fileName: safeFileName(uploaded, sniffed.type),
            contentType: sniffed.type,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            bytes,
            thumbnail,
          },
          { actor: p.username, role: p.role },
          now(),
        );
        return reply.code(201).send(view(saved));
      },
    );

    const download =
      (part: AttachmentPart) => async (request: { params: z.infer<typeof FileId> }, reply: FastifyReply) => {
        const p = principal(request as never);
        const got = await readAttachment(
          deps.store.db,
          request.params.id,
          request.params.attachmentId,
          part,
          p.jurisdiction,
          { actor: p.username, role: p.role },
          now(),
        );
        if (!got) throw notFound(`attachment ${request.params.attachmentId}`);
        // an issued document (issue 18) is handed out only as issued: its bytes against the case's SHA-256
        if (got.meta.kind === ISSUED_DOCUMENT) {
          const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
          const recorded = found?.case.documents?.find((d) => d.id === got.meta.id)?.sha256;
          if (recorded !== createHash('sha256').update(got.bytes).digest('hex'))
            throw new HttpProblem(
              500,
              'document-altered',
              'Document altered',
              'the kept copy of this document is not the one issued (its SHA-256 differs from the one the case recorded): it is not handed out; tell the administrator',
            );
        }
        const name =
          part === 'file' ? got.meta.fileName : `${got.meta.fileName.replace(/\.[a-z]+$/, '')}-thumbnail.jpg`;
        return reply
          .header('content-type', part === 'file' ? got.meta.contentType : 'image/jpeg')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(got.bytes);
      };

    r.get(
      '/api/cases/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['cases'],
          summary: 'download a photo or scan (always as a file, never shown as a page; the read is logged)',
          params: FileId,
        },
        preHandler: requires(deps, 'case.read'),
      },
      download('file'),
    );
    r.get(
      '/api/cases/:id/attachments/:attachmentId/thumbnail',
      {
        schema: {
          tags: ['cases'],
          summary: "a photo's thumbnail (a small JPEG; personal data too: the read is logged)",
          params: FileId,
        },
        preHandler: requires(deps, 'case.read'),
      },
      download('thumbnail'),
    );
  });
}
