// The baseline of bench/api.ts: a bare Fastify route that does what POST /api/encounters must do at the least —
// one INSERT of an encounter-like row (with the same unique (state, ref) as `encounters`) into a table on the same
// PostgreSQL, with pg and a pool of the same size as Pact's (10) — and nothing else: no authentication, no schema
// validation, no cases, deadlines, idempotency keys or audit chain. Started by bench/api.ts as its own process:
//
//   DATABASE_URL=postgres://… PORT=0 node --import tsx bench/bare-server.ts
//
// Prints "bare serves http://127.0.0.1:PORT" on stderr once it listens; SIGTERM stops it.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', () => {});

await pool.query(`create table if not exists bare_encounters (
  id uuid primary key,
  state char(2) not null,
  ref text not null,
  occurred_at timestamptz not null,
  kind text not null,
  group_size integer not null,
  unidentified integer not null,
  recorded_by text not null,
  idempotency_key text not null,
  created_at timestamptz not null,
  unique (state, ref)
)`);

interface Body {
  ref: string;
  state: string;
  occurredAt: string;
  kind: string;
  groupSize: number;
  persons: unknown[];
}

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
app.post<{ Body: Body }>('/api/encounters', async (request, reply) => {
  const e = request.body;
  const id = randomUUID();
  await pool.query(
    `insert into bare_encounters (id, state, ref, occurred_at, kind, group_size, unidentified, recorded_by, idempotency_key, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
    [
      id,
      e.state,
      e.ref,
      e.occurredAt,
      e.kind,
      e.groupSize,
      e.groupSize - e.persons.length,
      'bench',
      String(request.headers['idempotency-key'] ?? ''),
    ],
  );
  return reply.code(201).send({ encounterId: id });
});

const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stderr.write(`bare serves ${address}\n`);

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
