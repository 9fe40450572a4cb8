// Issuing a document and recording how it reached the person, as case actions (pure: the store made the PDF
// and its hash, and passes the time). `document.issued` records what was handed over (kind, language,
// template version, SHA-256 of the bytes, who); `document.notified` how it was handed over — in person, by
// post, read out with an interpreter, or refused by the person — which is what starts the periods that run
// from notification (for a decision: APR Art. 67(8), through `decision.notified`: src/store/documents.ts).
import type { Action, CaseState, Decision, IssuedDocument } from '../case-state.ts';
import { ENTRY_RULES } from '../entry-rules.ts';
import { CommandRejectedError } from '../errors.ts';
import { evolve } from '../evolve.ts';
import type { NOTIFICATION_MEANS } from '../guarantees/remedies-commands.ts';
import type { DocumentKind, DocumentLanguage } from './kinds.ts';

export interface Issuer {
  readonly actor: string;
  readonly role: string;
}

export interface IssueFacts {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly language: DocumentLanguage;
  readonly requestedLanguage: DocumentLanguage;
  readonly templateVersion: string;
  readonly sha256: string;
  readonly size: number;
  /** the articles that require the document (the action's legal basis) */
  readonly articles: string;
  /** a decision's document: the log entry of the decision it states (a copy of an earlier decision notifies nothing) */
  readonly decisionSeq?: number;
}

export type NotificationMeans = (typeof NOTIFICATION_MEANS)[number];

export interface NotifyFacts {
  readonly documentId: string;
  readonly means: NotificationMeans;
  /** the language it was given or read out in (ISO 639) */
  readonly language: string;
  /** when it reached the person (default: now) */
  readonly at: string;
}

/** A stated time may run this far ahead of the server's clock (entry-rules.ts). */
const FUTURE_TOLERANCE_MS = ENTRY_RULES.futureToleranceMinutes * 60_000;

/** The time of an action now: never before the case's last action (the log's times do not go backwards). */
export function actionTime(c: CaseState, now: Date): string {
  const last = c.lastActionAt ?? c.occurredAt;
  return Date.parse(last) > now.getTime() ? new Date(last).toISOString() : now.toISOString();
}

function decisionOf(c: CaseState, action: Action): Decision {
  return { actions: [action], next: evolve(c, action), open: [], close: [] };
}

/** `document.issued` on the case. */
export function issueDecision(c: CaseState, f: IssueFacts, by: Issuer, now: Date): Decision {
  return decisionOf(c, {
    type: 'document.issued',
    at: actionTime(c, now),
    actor: by.actor,
    role: by.role,
    state: c.state,
    legalBasis: f.articles,
    payload: {
      document: f.documentId,
      kind: f.kind,
      language: f.language,
      requestedLanguage: f.requestedLanguage,
      templateVersion: f.templateVersion,
      sha256: f.sha256,
      size: f.size,
      ...(f.decisionSeq !== undefined ? { decisionSeq: f.decisionSeq } : {}),
    },
  });
}

/** The issued document of that id on the case, or a refusal. */
export function issuedOn(c: CaseState, documentId: string): IssuedDocument {
  const d = (c.documents ?? []).find((x) => x.id === documentId);
  if (!d)
    throw new CommandRejectedError(
      'document',
      { code: 'document-not-issued', params: { document: documentId } },
      `no document ${documentId} was issued on this case`,
    );
  return d;
}

/** `document.notified` on the case: once per document, not before it was issued. */
export function notifyDecision(c: CaseState, f: NotifyFacts, by: Issuer, now: Date): Decision {
  const d = issuedOn(c, f.documentId);
  if (d.notifiedAt)
    throw new CommandRejectedError(
      'document',
      { code: 'document-already-notified', params: { notifiedAt: d.notifiedAt } },
      `the document was notified on ${d.notifiedAt}`,
    );
  if (Date.parse(f.at) > now.getTime() + FUTURE_TOLERANCE_MS)
    throw new CommandRejectedError('at', { code: 'in-future', params: {} }, 'is in the future');
  if (c.lastActionAt && Date.parse(f.at) < Date.parse(c.lastActionAt))
    throw new CommandRejectedError(
      'at',
      { code: 'before-last-action', params: { lastActionAt: c.lastActionAt } },
      `is before the case's last action (${c.lastActionAt})`,
    );
  if (Date.parse(f.at) < Date.parse(d.at))
    throw new CommandRejectedError(
      'at',
      { code: 'document-notified-before-issue', params: { issuedAt: d.at } },
      `the document was issued at ${d.at}`,
    );
  return decisionOf(c, {
    type: 'document.notified',
    at: f.at,
    actor: by.actor,
    role: by.role,
    state: c.state,
    legalBasis: 'the notification of the document (APR Art. 36(1), 67(8) for a decision; RD Art. 12(1))',
    payload: { document: f.documentId, kind: d.kind, means: f.means, language: f.language },
  });
}
