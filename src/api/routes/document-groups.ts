// The border desk's group print (issue 18): POST /api/encounters/ID/documents/refusal-of-entry?lang= issues
// the refusal of entry form (SBC Art. 14(2), Annex V Part B) on each case of the encounter and answers with
// ONE PDF holding the forms of up to GROUP_PRINT_MAX persons (`from` for the next part), each from a new page
// with its own footer; the headers say which persons it holds and list the documents' ids in page order. A case whose form is unavailable (no reason recorded) is a 422
// naming the cases, and nothing is issued. Idempotent: each case's issue is keyed by the request's key.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { definitionOf } from '../../domain/documents/definitions.ts';
import { DOCUMENT_LANGUAGES } from '../../domain/documents/kinds.ts';
import { can } from '../../domain/roles.ts';
import { GROUP_PRINT_MAX, issueGroup } from '../../store/document-groups.ts';
import { principal, requires } from '../auth.ts';
import { forbidden } from '../problem.ts';
import type { ApiDeps } from '../server.ts';
import { IdempotencyHeaders } from './encounters.ts';

const EncounterId = z.object({ id: z.uuid('an encounter id (UUID)') }).strict();
const LangQuery = z
  .object({
    lang: z.enum(DOCUMENT_LANGUAGES).default('en').describe('the language of the forms'),
    from: z.coerce
      .number()
      .int()
      .min(0)
      .max(100_000)
      .default(0)
      .describe(`the first person of this print (0: the first), ${GROUP_PRINT_MAX} at most per print`),
  })
  .strict();

export function documentGroupRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/encounters/:id/documents/refusal-of-entry',
    {
      schema: {
        tags: ['documents'],
        summary:
          "issue the refusal of entry form (SBC Annex V Part B) on every case of an encounter: one PDF with all the forms; the headers list the documents' ids",
        params: EncounterId,
        querystring: LangQuery,
        headers: IdempotencyHeaders,
      },
      preHandler: requires(deps, 'case.read'),
    },
    async (request, reply) => {
      const p = principal(request);
      const kind = 'refusal-of-entry' as const;
      const def = definitionOf(kind);
      if (def && !can(p.role, def.info.permission))
        throw forbidden(`a ${p.role} may not issue ${kind} (needs ${def.info.permission})`, 'role');
      const out = await issueGroup(
        deps.cases,
        deps.store.db,
        {
          encounterId: request.params.id,
          state: p.jurisdiction,
          kind,
          language: request.query.lang,
          from: request.query.from,
        },
        { actor: p.username, role: p.role },
        `${p.jurisdiction}:${request.headers['idempotency-key']}`,
      );
      return (
        reply
          .code(out.documents.every((d) => d.replayed) ? 200 : 201)
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            `inline; filename="${kind}-${request.query.lang}-${request.params.id.slice(0, 8)}.pdf"`,
          )
          .header('cache-control', 'no-store')
          // which persons this print holds (the encounter's order by case id), and the documents' ids in page order
          .header('pact-group', `${out.from}-${out.from + out.documents.length - 1}/${out.total}`)
          .header('pact-document-ids', out.documents.map((d) => d.documentId).join(','))
          .send(out.bytes)
      );
    },
  );
}
