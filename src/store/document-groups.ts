// The papers of a group (issue 18): the border desk prints the refusal forms of every person of an encounter
// in one PDF (SBC Art. 14(2), Annex V Part B: each person is handed their own form). Each form is issued on its
// own case through issueDocument (`document.issued`, its bytes kept), with a key derived from the request's
// Idempotency-Key per case, so a retry issues nothing twice. The combined PDF is drawn from each document's
// model as it was issued: the case as it stood before its `document.issued` (replayed from the log), the
// document's id, time and issuer — so a retry, even after later actions on a case, gives the same pages.
// Nothing partial: every case is checked first, and one that cannot have the document is reported (with the
// others) before any is issued. (A case changed between the check and its issue by another user still fails on
// its own: the forms issued before it stay issued, each a fact of its case — the answer then is that error.)
import { and, asc, eq } from 'drizzle-orm';
import { composeDocument } from '../documents/compose.ts';
import { renderPdf } from '../documents/pdf.ts';
import type { Action, CaseState } from '../domain/case-state.ts';
import type { Actor } from '../domain/decide.ts';
import type { DocumentKind, DocumentLanguage } from '../domain/documents/kinds.ts';
import type { DocumentModel } from '../domain/documents/model.ts';
import { CommandRejectedError } from '../domain/errors.ts';
import { evolve } from '../domain/evolve.ts';
import { CASE_STATE, caseState } from './case-data.ts';
import type { CaseStore } from './case-store.ts';
import type { Db } from './database.ts';
import { extras, issueDocument } from './documents.ts';
import { NotFoundError } from './errors.ts';
import { caseActions, cases, encounters } from './schema.ts';

export interface GroupRequest {
  readonly encounterId: string;
  /** the user's jurisdiction: only its cases */
  readonly state: string;
  readonly kind: DocumentKind;
  readonly language: DocumentLanguage;
  /** the first case of this print, in the encounter's order by case id (0: the first); at most GROUP_PRINT_MAX */
  readonly from?: number;
}

/**
 * At most this many forms in one print: a group of hundreds is printed in parts (`from`), so that one request
 * never holds the server for long nor answers a file no printer queue takes (about 1 s and 260 KB for 50 here).
 */
export const GROUP_PRINT_MAX = 50;

export interface GroupIssued {
  readonly caseId: string;
  readonly documentId: string;
  readonly replayed: boolean;
}

/** The cases of an encounter in a state, in a stable order (by id). */
async function casesOf(db: Db, encounterId: string, state: string): Promise<CaseState[]> {
  const [encounter] = await db
    .select({ id: encounters.id })
    .from(encounters)
    .where(and(eq(encounters.id, encounterId), eq(encounters.state, state)));
  if (!encounter) throw new NotFoundError(`encounter ${encounterId}`);
  const rows = await db
    .select(CASE_STATE)
    .from(cases)
    .where(and(eq(cases.encounterId, encounterId), eq(cases.state, state)))
    .orderBy(asc(cases.id));
  return rows.map(caseState);
}

/** The document's model as issued: the case before its `document.issued`, replayed from the log. */
async function issuedModel(
  db: Db,
  caseId: string,
  documentId: string,
  req: GroupRequest,
): Promise<DocumentModel> {
  const rows = await db
    .select()
    .from(caseActions)
    .where(eq(caseActions.caseId, caseId))
    .orderBy(asc(caseActions.seq));
  let before: CaseState | undefined;
  for (const row of rows) {
    const action: Action = {
      type: row.type,
      at: row.at.toISOString(),
      actor: row.actor,
      role: row.role,
      state: row.state as Action['state'],
      legalBasis: row.legalBasis,
      payload: row.payload as Record<string, unknown>,
    };
    if (action.type === 'document.issued' && action.payload.document === documentId) {
      if (!before) break;
      return composeDocument({
        kind: req.kind,
        language: req.language,
        case: before,
        documentId,
        issuedAt: action.at,
        issuer: { actor: action.actor, role: action.role },
        extra: await extras(db, before, req.kind),
      });
    }
    before = evolve(before, action);
  }
  throw new Error(`the case ${caseId} has no document.issued for ${documentId}`);
}

/**
 * Issues `kind` on every case of the encounter (each idempotent under `${idempotencyKey}#${caseId}`) and
 * draws them in one PDF, each form from a new page with its own footer. Refuses (nothing issued) when a case
 * cannot have it.
 */
export async function issueGroup(
  cs: CaseStore,
  db: Db,
  req: GroupRequest,
  by: Actor,
  idempotencyKey: string,
): Promise<{ documents: GroupIssued[]; bytes: Buffer; from: number; total: number }> {
  const everyone = await casesOf(db, req.encounterId, req.state);
  if (everyone.length === 0)
    throw new NotFoundError(`identified persons of encounter ${req.encounterId} (none has a case)`);
  const from = req.from ?? 0;
  if (from >= everyone.length)
    throw new NotFoundError(
      `persons from number ${from + 1} of encounter ${req.encounterId} (it has ${everyone.length})`,
    );
  const all = everyone.slice(from, from + GROUP_PRINT_MAX);
  // every case checked before any is issued: the reasons of those that cannot have it, together
  const now = cs.services.clock().toISOString();
  const refused: { caseId: string; reason: string }[] = [];
  for (const c of all) {
    try {
      composeDocument({
        kind: req.kind,
        language: req.language,
        case: c,
        documentId: 'CHECK',
        issuedAt: now,
        issuer: by,
      });
    } catch (e) {
      if (!(e instanceof CommandRejectedError) || e.refusal.code !== 'document-not-available') throw e;
      refused.push({ caseId: c.id, reason: String(e.refusal.params.reason) });
    }
  }
  if (refused.length > 0)
    throw new CommandRejectedError(
      'encounter',
      {
        code: 'documents-unavailable-in-group',
        params: { kind: req.kind, cases: refused.map((r) => r.caseId) },
      },
      `nothing was issued: ${refused.map((r) => `case ${r.caseId}: ${r.reason}`).join('; ')}`,
    );
  const documents: GroupIssued[] = [];
  for (const c of all) {
    const out = await issueDocument(
      cs,
      { caseId: c.id, kind: req.kind, language: req.language },
      by,
      `${idempotencyKey}#${c.id}`,
    );
    documents.push({ caseId: c.id, documentId: out.result.documentId, replayed: out.replayed });
  }
  const models: DocumentModel[] = [];
  for (const d of documents) models.push(await issuedModel(db, d.caseId, d.documentId, req));
  return { documents, bytes: await renderPdf(models), from, total: everyone.length };
}
