// issue 21: the likely duplicates of concurrent answers asked together. The encounters of one group commit
// (case-store.ts flush) are answered in the same turn of the event loop; each answer asks which proposals
// involve its cases (candidatesOf). Asked one by one that is one statement per request; here the requests of
// the same turn, per database and state, become ONE statement for the union of their cases, and each request
// gets back exactly the rows of its own cases, in the same order (candidatesOf's rows do not depend on the
// other cases asked with them).
import type { Db } from './database.ts';
import { type CandidateOf, candidatesOf } from './duplicates.ts';

interface Waiting {
  readonly caseIds: readonly string[];
  readonly resolve: (rows: CandidateOf[]) => void;
  readonly reject: (e: unknown) => void;
}

const waiting = new WeakMap<Db, Map<string, Waiting[]>>();

/** candidatesOf(db, caseIds, state), asked together with the other requests of this turn of the event loop. */
export function candidatesTogether(
  db: Db,
  caseIds: readonly string[],
  state: string,
): Promise<CandidateOf[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  let byState = waiting.get(db);
  if (!byState) {
    byState = new Map();
    waiting.set(db, byState);
  }
  const states = byState;
  return new Promise((resolve, reject) => {
    const queue = states.get(state);
    if (queue) {
      queue.push({ caseIds, resolve, reject });
      return;
    }
    states.set(state, [{ caseIds, resolve, reject }]);
    setImmediate(() => {
      const asked = states.get(state) ?? [];
      states.delete(state);
      const all = [...new Set(asked.flatMap((a) => a.caseIds))];
      candidatesOf(db, all, state).then(
        (rows) => {
          for (const a of asked) {
            const mine = new Set(a.caseIds);
            a.resolve(rows.filter((r) => mine.has(r.caseId)));
          }
        },
        (e) => {
          for (const a of asked) a.reject(e);
        },
      );
    });
  });
}
