// Read-your-writes with read replicas (issue 21): every request that may write (not GET, HEAD or OPTIONS)
// by a logged-in user is recorded when its answer is about to be sent (after its transaction committed, before the client can ask again), so that this user's reads that can lag
// (statistics, monitoring, search: store.read) go to the primary until a replica has that write
// (src/store/read-replicas.ts). Without DATABASE_READ_URL, store.wrote does nothing.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/database.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function recordWrites(app: FastifyInstance, store: Store): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    const who = request.principal?.username;
    if (who !== undefined && !READS.has(request.method)) store.wrote(who);
    return payload;
  });
}
