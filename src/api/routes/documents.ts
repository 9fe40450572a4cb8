// Papers (issue 18): the documents of a case as PDF. GET …/documents lists what was issued and what the
// user may issue now; GET …/documents/KIND?lang= is a preview (marked "DRAFT — NOT ISSUED" on its face,
// nothing recorded); POST …/documents/KIND?lang= issues it (`document.issued` with the SHA-256 of the bytes,
// the bytes kept), optionally with its notification; GET …/documents/issued/ID prints an issued document
// again, the same bytes; POST …/documents/issued/ID/notification records how it reached the person (for a
// decision: the notification that starts the appeal window, APR Art. 67(8)).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chooseTemplate } from '../../documents/templates.ts';
import { availableDocuments } from '../../domain/documents/available.ts';
import { definitionOf } from '../../domain/documents/definitions.ts';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, type DocumentKind } from '../../domain/documents/kinds.ts';
import { NOTIFICATION_MEANS } from '../../domain/guarantees/remedies-commands.ts';
import { can } from '../../domain/roles.ts';
import { findCase } from '../../store/case-queries.ts';
import {
  DocumentAlteredError,
  issueDocument,
  notifyDocument,
  previewDocument,
  readIssuedDocument,
} from '../../store/documents.ts';
import { VersionConflictError } from '../../store/errors.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { conflict } from './cases.ts';
import { IdempotencyHeaders } from './encounters.ts';

const CaseId = z.object({ id: z.uuid('a case id (UUID)') }).strict();
const KindParams = z.object({ id: z.uuid('a case id (UUID)'), kind: z.enum(DOCUMENT_KINDS) }).strict();
const IssuedParams = z
  .object({ id: z.uuid('a case id (UUID)'), documentId: z.uuid('a document id (UUID)') })
  .strict();
const LangQuery = z
  .object({ lang: z.enum(DOCUMENT_LANGUAGES).default('en').describe('the language of the document') })
  .strict();

export const Notification = z
  .object({
    means: z.enum(NOTIFICATION_MEANS),
    /** the language it was given or read out in */
    language: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code'),
    /** when it reached the person (default: now) */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const IssueBody = z
  .object({
    /** the version of the case the user saw: a case changed since is a 409 */
    expectedVersion: z.number().int().min(1).optional(),
    /** handed over at once: how (for a decision, this starts the appeal window: APR Art. 67(8)) */
    notification: Notification.optional(),
  })
  .strict()
  .default({});

const ObligationView = z.object({ kind: z.string(), dueAt: z.string(), article: z.string() });

export const IssuedDocumentResult = z.object({
  documentId: z.string(),
  caseId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  language: z.string(),
  requestedLanguage: z.string(),
  templateVersion: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  issuedAt: z.string(),
  notifiedAt: z.string().optional(),
  version: z.number().int(),
  opened: z.array(ObligationView),
  notes: z.array(z.string()),
});

export const NotifiedDocumentResult = z.object({
  documentId: z.string(),
  caseId: z.string(),
  notifiedAt: z.string(),
  version: z.number().int(),
  opened: z.array(ObligationView),
  notes: z.array(z.string()),
});

export const CaseDocuments = z.object({
  issued: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      language: z.string(),
      requestedLanguage: z.string(),
      templateVersion: z.string(),
      sha256: z.string(),
      at: z.string(),
      by: z.string(),
      notifiedAt: z.string().optional(),
      means: z.string().optional(),
    }),
  ),
  available: z.array(
    z.object({
      kind: z.enum(DOCUMENT_KINDS),
      articles: z.string(),
      permitted: z.boolean(),
      unavailable: z.string().optional(),
      languages: z.array(z.enum(DOCUMENT_LANGUAGES)),
      personFacing: z.boolean(),
      /**
       * the languages among `languages` in which the text is English with a notice in that language (no
       * translation reviewed by a speaker: src/documents/templates.ts chooseTemplate)
       */
      withNotice: z.array(z.enum(DOCUMENT_LANGUAGES)),
    }),
  ),
});

const PDF = 'application/pdf';

export function documentRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.services.clock();

  /** the role may issue (and preview) this kind: the permission of the act it records */
  const mayIssue = (role: Parameters<typeof can>[0], kind: DocumentKind) => {
    const def = definitionOf(kind);
    if (!def) throw notFound(`document ${kind}`);
    if (!can(role, def.info.permission))
      throw forbidden(`a ${role} may not issue ${kind} (needs ${def.info.permission})`, 'role');
  };

  r.get(
    '/api/cases/:id/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'the documents issued on a case, and those you may issue now (with their languages)',
        params: CaseId,
        response: { 200: CaseDocuments, 401: Problem, 403: Problem, 404: Problem },
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request) => {
      const p = principal(request);
      const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
      if (!found) throw notFound(`case ${request.params.id}`);
      const available = availableDocuments(found.case, p.role).map((a) => ({
        ...a,
        languages: [...a.languages],
        withNotice: a.languages.filter(
          (l) => chooseTemplate(a.kind, l, a.personFacing)?.notice !== undefined,
        ),
      }));
      return { issued: [...(found.case.documents ?? [])], available };
    },
  );

  r.get(
    '/api/cases/:id/documents/:kind',
    {
      schema: {
        tags: ['documents'],
        summary: 'a preview of a document (PDF, marked DRAFT — NOT ISSUED on its face; nothing is recorded)',
        params: KindParams,
        querystring: LangQuery,
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request, reply) => {
      const p = principal(request);
      mayIssue(p.role, request.params.kind);
      const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
      if (!found) throw notFound(`case ${request.params.id}`);
      const bytes = await previewDocument(
        deps.store.db,
        found.case,
        request.params.kind,
        request.query.lang,
        { actor: p.username, role: p.role },
        now(),
        deps.cases,
      );
      return reply
        .header('content-type', PDF)
        .header(
          'content-disposition',
          `inline; filename="${request.params.kind}-${request.query.lang}-draft.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  r.post(
    '/api/cases/:id/documents/:kind',
    {
      schema: {
        tags: ['documents'],
        summary:
          'issue a document: its PDF is made from the case, recorded (document.issued with its SHA-256) and kept; the answer links to it',
        params: KindParams,
        querystring: LangQuery,
        headers: IdempotencyHeaders,
        body: IssueBody,
        response: {
          200: IssuedDocumentResult,
          201: IssuedDocumentResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request, reply) => {
      const p = principal(request);
      mayIssue(p.role, request.params.kind);
      const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
      if (!found) throw notFound(`case ${request.params.id}`);
      const body = request.body ?? {};
      const out = await issueDocument(
        deps.cases,
        {
          caseId: found.case.id,
          kind: request.params.kind,
          language: request.query.lang,
          ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
          ...(body.notification ? { notification: body.notification } : {}),
        },
        { actor: p.username, role: p.role },
        `${p.jurisdiction}:${request.headers['idempotency-key']}`,
      ).catch(async (e: unknown) => {
        if (e instanceof VersionConflictError) throw await conflict(deps, e, p.jurisdiction);
        throw e;
      });
      return reply
        .code(out.replayed ? 200 : 201)
        .header('location', `/api/cases/${found.case.id}/documents/issued/${out.result.documentId}`)
        .send(out.result as z.infer<typeof IssuedDocumentResult>);
    },
  );

  r.get(
    '/api/cases/:id/documents/issued/:documentId',
    {
      schema: {
        tags: ['documents'],
        summary:
          'an issued document again (PDF): the same bytes as issued, checked against their SHA-256; the read is logged',
        params: IssuedParams,
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request, reply) => {
      const p = principal(request);
      const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
      if (!found) throw notFound(`case ${request.params.id}`);
      const got = await readIssuedDocument(
        deps.store.db,
        found.case,
        request.params.documentId,
        p.jurisdiction,
        { actor: p.username, role: p.role },
        now(),
      ).catch((e: unknown) => {
        if (e instanceof DocumentAlteredError)
          throw new HttpProblem(
            500,
            'document-altered',
            'Document altered',
            'the kept copy of this document is not the one issued (its SHA-256 differs from the one the case recorded): it is not handed out; tell the administrator',
          );
        throw e;
      });
      if (!got) throw notFound(`document ${request.params.documentId}`);
      return reply
        .header('content-type', PDF)
        .header('content-disposition', `inline; filename="${got.fileName}"`)
        .header('cache-control', 'no-store')
        .send(got.bytes);
    },
  );

  r.post(
    '/api/cases/:id/documents/issued/:documentId/notification',
    {
      schema: {
        tags: ['documents'],
        summary:
          'record how an issued document reached the person (handed over, by post, read out with an interpreter, refused); for a decision this starts the appeal window',
        params: IssuedParams,
        headers: IdempotencyHeaders,
        body: Notification,
        response: {
          200: NotifiedDocumentResult,
          201: NotifiedDocumentResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request, reply) => {
      const p = principal(request);
      const found = await findCase(deps.store.db, request.params.id, p.jurisdiction);
      if (!found) throw notFound(`case ${request.params.id}`);
      const doc = (found.case.documents ?? []).find((d) => d.id === request.params.documentId);
      if (!doc) throw notFound(`document ${request.params.documentId}`);
      mayIssue(p.role, doc.kind as DocumentKind);
      const out = await notifyDocument(
        deps.cases,
        found.case.id,
        doc.id,
        request.body,
        { actor: p.username, role: p.role },
        `${p.jurisdiction}:${request.headers['idempotency-key']}`,
      );
      return reply.code(out.replayed ? 200 : 201).send(out.result as z.infer<typeof NotifiedDocumentResult>);
    },
  );
}
