// Findings of the independent monitoring mechanism (Screening Regulation Art. 10): what a monitor saw about
// one case or about the border in general, kept with its author and time, and entered in the audit log.
import { and, desc, eq } from 'drizzle-orm';
import type { FindingCategory } from '../domain/vocabulary.ts';
import { appendAudit, sha256 } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { findings } from './schema.ts';

export interface NewFinding {
  readonly state: string;
  readonly caseId?: string;
  readonly category: FindingCategory;
  readonly text: string;
}

export async function addFinding(db: Db, f: NewFinding, author: string, now: Date): Promise<string> {
  const id = crypto.randomUUID();
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await tx.insert(findings).values({ id, ...f, caseId: f.caseId ?? null, author, createdAt: now });
      await appendAudit(tx, [
        {
          at: now,
          actor: author,
          action: 'finding.recorded',
          subject: id,
          data: {
            state: f.state,
            caseId: f.caseId ?? null,
            category: f.category,
            textSha256: sha256(f.text),
          },
        },
      ]);
    }),
  );
  return id;
}

export function listFindings(db: Db, state: string, caseId?: string, limit = 200) {
  return db
    .select()
    .from(findings)
    .where(and(eq(findings.state, state), caseId ? eq(findings.caseId, caseId) : undefined))
    .orderBy(desc(findings.createdAt))
    .limit(limit);
}
