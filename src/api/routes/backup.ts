// POST /api/backup (issue 21): a backup of the embedded database taken by the server that holds its folder —
// the only process that may read it while it serves (data-folder-lock.ts) — between transactions, so that it is
// consistent. The answer is the gzipped tar `pact backup` writes; `pact restore` reads it. Administrators only,
// an API token needs the export scope; each backup is an audit entry (inside the backup it starts). On a
// PostgreSQL server: 409 with the pointer to pg_dump and WAL archiving (docs/backup.md).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../store/audit.ts';
import { backupOf, POSTGRES_BACKUP_ADVICE } from '../../store/backup.ts';
import type { Db } from '../../store/database.ts';
import { principal, requires } from '../auth.ts';
import { forbidden, HttpProblem, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

export const BACKUP_TYPE = 'application/gzip';

export function backupRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // one at a time: each holds a copy of the whole folder in memory while it is compressed and sent
  let running = false;
  r.post(
    '/api/backup',
    {
      schema: {
        tags: ['backup'],
        summary:
          'a backup of the embedded database, taken between transactions while the server runs (gzipped tar of the data folder; `pact restore` reads it). The whole database, personal data included.',
        response: { 200: z.any(), 401: Problem, 403: Problem, 409: Problem },
      },
      config: { export: true },
      preHandler: requires(deps, 'backup.take'),
    },
    async (request, reply) => {
      if (deps.store.backend !== 'pglite')
        throw new HttpProblem(409, 'conflict', 'Not the embedded database', POSTGRES_BACKUP_ADVICE);
      if (running)
        throw new HttpProblem(
          409,
          'conflict',
          'Conflict',
          'a backup is being taken; ask again when it is done',
        );
      const p = principal(request);
      // the whole database leaves with a backup: only an administrator of the one state whose cases it holds
      // (never the Union's, never another state's — DESIGN.md: no user sees another state's personal data)
      if (p.jurisdiction === 'EU')
        throw forbidden("a backup holds persons: never the Union's to take", 'own-state-only');
      const others = await deps.store.query<{ state: string }>(
        'select state from cases where state <> $1 limit 1',
        [p.jurisdiction],
      );
      if (others.length > 0)
        throw forbidden(
          `this database holds cases of a state other than ${p.jurisdiction}: a backup is taken by its operator (pact backup on the stopped server's folder)`,
          'own-state-only',
        );
      running = true;
      try {
        const at = deps.services.clock();
        await deps.store.db.transaction((tx) =>
          appendAudit(tx as unknown as Db, [
            {
              at,
              actor: p.username,
              action: 'backup.taken',
              subject: null,
              data: { username: p.username, jurisdiction: p.jurisdiction },
            },
          ]),
        );
        const bytes = await backupOf(deps.store);
        const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '');
        return reply
          .type(BACKUP_TYPE)
          .header('content-disposition', `attachment; filename="pact-backup-${stamp}Z.tar.gz"`)
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } finally {
        running = false;
      }
    },
  );
}
