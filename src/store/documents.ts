// Issuing papers (issue 18): the PDF made from the case as it stands, its SHA-256 recorded on the case
// (`document.issued`) and its bytes kept as a file of the case (attachments, kind `issued-document`, the
// attachment's id = the document's id) in one transaction — so a reprint is the same bytes, the retention
// sweep erases them with the case's other files, and each read is in the audit log. Recording how a document
// reached the person (`document.notified`) is what starts the periods running from notification: for a
// decision, the same transaction records `decision.notified` (APR Art. 67(8)), which opens the appeal window.

import { sql } from 'drizzle-orm';
import { authorityOf } from '../documents/authorities.ts';
import { renderDocument, sha256Hex } from '../documents/compose.ts';
import { ISSUED_DOCUMENT } from '../domain/attachments.ts';
import type { CaseState, Decision, Obligation } from '../domain/case-state.ts';
import { type Actor, decide } from '../domain/decide.ts';
import { definitionOf } from '../domain/documents/definitions.ts';
import {
  actionTime,
  issueDecision,
  type NotificationMeans,
  notifyDecision,
} from '../domain/documents/issue.ts';
import { remedyExtras } from '../domain/documents/kinds/decision-remedy.ts';
import type { DocumentKind, DocumentLanguage } from '../domain/documents/kinds.ts';
import { ActionNotAllowedError, CommandRejectedError } from '../domain/errors.ts';
import { insertAttachment, readAttachment } from './attachments.ts';
import { appendAudit } from './audit.ts';
import type { CaseStore, Replayable } from './case-store.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { type Db, rowsOf } from './database.ts';
import { VersionConflictError } from './errors.ts';
import { relocationExtras } from './relocation-notice.ts';

export interface NotificationInput {
  readonly means: NotificationMeans;
  /** the language it was given or read out in (ISO 639) */
  readonly language: string;
  /** when it reached the person (default: now) */
  readonly at?: string;
}

export interface IssueRequest {
  readonly caseId: string;
  readonly kind: DocumentKind;
  readonly language: DocumentLanguage;
  /** the version the user saw (a document of a case that changed since is refused: 409) */
  readonly expectedVersion?: number;
  /** handed over at once: its notification, recorded with the issue */
  readonly notification?: NotificationInput;
}

export interface IssuedResult {
  readonly documentId: string;
  readonly caseId: string;
  readonly kind: DocumentKind;
  readonly language: string;
  readonly requestedLanguage: string;
  readonly templateVersion: string;
  readonly sha256: string;
  readonly size: number;
  readonly issuedAt: string;
  readonly notifiedAt?: string;
  /** the case's version after the issue (and notification) */
  readonly version: number;
  /** obligations the notification opened (a decision's appeal window) */
  readonly opened: readonly Obligation[];
  readonly notes: readonly string[];
}

/** What the document names besides the case: the authority, and the place of the encounter. */
export async function extras(db: Db, c: CaseState, kind: DocumentKind): Promise<Record<string, string>> {
  const [row] = await rowsOf<{ name: string | null }>(
    db,
    sql`select p.name from encounters e left join places p on p.id = e.place_id where e.id = ${c.encounterId}::uuid`,
  );
  // the due times of the case's open obligations (`due.<kind>`, ISO 8601): the time limits a document
  // tells the person (APR Art. 8(2)(b)); the earliest where a kind is open twice
  const due = await rowsOf<{ kind: string; due_at: Date | string }>(
    db,
    sql`select kind, min(due_at) as due_at from obligations where case_id = ${c.id}::uuid and status = 'open' group by kind`,
  );
  return {
    authority: authorityOf(c.state, kind),
    ...(row?.name ? { place: row.name } : c.borderSection ? { place: c.borderSection } : {}),
    ...Object.fromEntries(due.map((d) => [`due.${d.kind}`, new Date(d.due_at).toISOString()])),
    // issue 18, relocation-notice: the state of relocation, its confirmation, the transfer's due time (AMMR Art. 67)
    ...(kind === 'relocation-notice' ? await relocationExtras(db, c) : {}),
  };
}

/**
 * issue 18: what the decision document says about the remedy that only the law knows (APR Art. 67(7)–(8)):
 * the state's time limit in force (the confirmed national settings included) and, once the notification's
 * time is known (given at issue, or recorded before), when the window ends.
 */
function decisionExtras(
  cs: CaseStore,
  c: CaseState,
  kind: DocumentKind,
  by: Actor,
  now: Date,
  notifiedAt?: string,
): Record<string, string> {
  if (kind !== 'decision') return {};
  // a notification recorded before stands (a later copy's hand-over does not restart the window: APR Art.
  // 67(8)), unless its window could not be counted (then the new one is recorded: remedies.ts)
  const recorded = c.decision?.notifiedAt;
  const at = recorded && c.appeal?.windowUnknown !== true ? recorded : (notifiedAt ?? recorded);
  return {
    ...remedyExtras(c, cs.decideContext(by, now).law, now.toISOString(), at),
    ...(at ? { notifiedAt: at } : {}),
  };
}

/** A preview of the document, marked as not issued on its face; nothing is recorded. */
export async function previewDocument(
  db: Db,
  c: CaseState,
  kind: DocumentKind,
  language: DocumentLanguage,
  by: Actor,
  now: Date,
  /** issue 18: the case store, for what the law adds (a decision's appeal period) */
  cs?: CaseStore,
): Promise<Buffer> {
  if (cs && kind === 'decision') await cs.refreshNationalSettings();
  // a preview shows the person's data: who looked at whose, as for any read of a file (no personal data here)
  await retryStaleWrites(() =>
    db.transaction(async (tx) =>
      appendAudit(tx as unknown as Db, [
        {
          at: now,
          actor: by.actor,
          action: 'document.previewed',
          subject: c.id,
          data: { kind, language, role: by.role },
        },
      ]),
    ),
  );
  const r = await renderDocument({
    kind,
    language,
    case: c,
    documentId: 'PREVIEW',
    issuedAt: now.toISOString(),
    issuer: by,
    extra: { ...(await extras(db, c, kind)), ...(cs ? decisionExtras(cs, c, kind, by, now) : {}) },
    draft: true,
  });
  return r.bytes;
}

/**
 * The decision's notification (`decision.notified`, APR Art. 67(8)) after a decision document's, where the
 * table allows it; a note where the decision was notified before (the appeal window is not restarted).
 */
function decisionNotice(
  cs: CaseStore,
  c: CaseState,
  n: Required<NotificationInput>,
  by: Actor,
  now: Date,
): { decision?: Decision; note?: string } {
  try {
    return {
      decision: decide(
        c,
        { type: 'decision.notified', at: n.at, means: n.means, language: n.language },
        cs.decideContext(by, now),
      ),
    };
  } catch (e) {
    if (e instanceof ActionNotAllowedError || e instanceof CommandRejectedError)
      return {
        note: `the decision's notification was not recorded again (${e.message}): the appeal window stands as it was`,
      };
    throw e;
  }
}

/** Issues a document: its PDF, `document.issued` (and its notification, if given), its bytes kept. */
export async function issueDocument(
  cs: CaseStore,
  req: IssueRequest,
  by: Actor,
  idempotencyKey: string,
): Promise<Replayable<IssuedResult>> {
  const def = definitionOf(req.kind);
  if (!def) throw new Error(`no definition of the document ${req.kind}`);
  // a paper sent by post or electronically reaches the person later: its notification is recorded then
  // (POST …/notification), never as the moment it was printed — the periods run from it (APR Art. 67(8))
  if (req.notification && (req.notification.means === 'post' || req.notification.means === 'electronic'))
    throw new CommandRejectedError(
      'notification/means',
      { code: 'notification-not-at-issue', params: { means: req.notification.means } },
      `a document sent by ${req.notification.means} is notified when it reaches the person: record that then`,
    );
  if (req.kind === 'decision') await cs.refreshNationalSettings();
  return cs.transact(idempotencyKey, { op: 'document.issue', ...req }, async (tx, w) => {
    const now = cs.services.clock();
    const current = await w.load(req.caseId);
    if (req.expectedVersion !== undefined && current.version !== req.expectedVersion)
      throw new VersionConflictError(req.caseId, req.expectedVersion, current.version);
    const documentId = cs.services.uuid();
    // the time on the document is the action's (never before the case's last action)
    const issuedAt = actionTime(current, now);
    const rendered = await renderDocument({
      kind: req.kind,
      language: req.language,
      case: current,
      documentId,
      issuedAt,
      issuer: by,
      extra: {
        ...(await extras(tx, current, req.kind)),
        ...decisionExtras(
          cs,
          current,
          req.kind,
          by,
          now,
          req.notification?.at ?? (req.notification ? issuedAt : undefined),
        ),
      },
    });
    const decision = issueDecision(
      current,
      {
        documentId,
        kind: req.kind,
        language: rendered.model.language,
        requestedLanguage: req.language,
        templateVersion: rendered.model.meta.templateVersion,
        sha256: rendered.sha256,
        size: rendered.bytes.length,
        articles: def.info.articles,
        ...(req.kind === 'decision' && current.decision?.seq !== undefined
          ? { decisionSeq: current.decision.seq }
          : {}),
      },
      by,
      now,
    );
    const items: { decision: Decision; expectedVersion: number }[] = [
      { decision, expectedVersion: current.version },
    ];
    const notes: string[] = [];
    let last = decision.next;
    let notifiedAt: string | undefined;
    if (req.notification) {
      const n = { ...req.notification, at: req.notification.at ?? issuedAt };
      const notified = notifyDecision(last, { documentId, ...n }, by, now);
      items.push({ decision: notified, expectedVersion: last.version });
      last = notified.next;
      notifiedAt = n.at;
      if (req.kind === 'decision') {
        const d = decisionNotice(cs, last, n, by, now);
        if (d.decision) {
          items.push({ decision: d.decision, expectedVersion: last.version });
          last = d.decision.next;
          notes.push(...(d.decision.notes ?? []));
        }
        if (d.note) notes.push(d.note);
      }
    }
    // one write: persist writes a chain of steps on one case one decision after the other (case-store.ts)
    await w.persist(items, now, by);
    await insertAttachment(
      tx,
      {
        id: documentId,
        caseId: current.id,
        state: current.state,
        kind: ISSUED_DOCUMENT,
        fileName: `${req.kind}-${req.language}-${documentId.slice(0, 8)}.pdf`,
        contentType: 'application/pdf',
        sha256: rendered.sha256,
        bytes: rendered.bytes,
        thumbnail: undefined,
      },
      by,
      now,
    );
    return {
      documentId,
      caseId: current.id,
      kind: req.kind,
      language: rendered.model.language,
      requestedLanguage: req.language,
      templateVersion: rendered.model.meta.templateVersion,
      sha256: rendered.sha256,
      size: rendered.bytes.length,
      issuedAt,
      ...(notifiedAt ? { notifiedAt } : {}),
      version: last.version,
      opened: items.flatMap((i) => i.decision.open),
      notes,
    };
  });
}

export interface NotifiedResult {
  readonly documentId: string;
  readonly caseId: string;
  readonly notifiedAt: string;
  readonly version: number;
  readonly opened: readonly Obligation[];
  readonly notes: readonly string[];
}

/** Records how an issued document reached the person (for a decision: its notification, APR Art. 67(8)). */
export async function notifyDocument(
  cs: CaseStore,
  caseId: string,
  documentId: string,
  n: NotificationInput,
  by: Actor,
  idempotencyKey: string,
): Promise<Replayable<NotifiedResult>> {
  await cs.refreshNationalSettings();
  return cs.transact(idempotencyKey, { op: 'document.notify', caseId, documentId, ...n }, async (_tx, w) => {
    const now = cs.services.clock();
    const current = await w.load(caseId);
    const at = n.at ?? now.toISOString();
    const notified = notifyDecision(
      current,
      { documentId, means: n.means, language: n.language, at },
      by,
      now,
    );
    const items = [{ decision: notified, expectedVersion: current.version }];
    const notes: string[] = [];
    let last = notified.next;
    const doc = (current.documents ?? []).find((d) => d.id === documentId);
    // a copy of an earlier decision (before a remittal and a new decision) notifies only itself
    const ofEarlier =
      doc?.kind === 'decision' &&
      doc.decisionSeq !== undefined &&
      current.decision?.seq !== undefined &&
      doc.decisionSeq !== current.decision.seq;
    if (ofEarlier)
      notes.push(
        "this copy states an earlier decision: the current decision's notification is not recorded by it (APR Art. 67(8))",
      );
    if (doc?.kind === 'decision' && !ofEarlier) {
      const d = decisionNotice(cs, last, { means: n.means, language: n.language, at }, by, now);
      if (d.decision) {
        items.push({ decision: d.decision, expectedVersion: last.version });
        last = d.decision.next;
        notes.push(...(d.decision.notes ?? []));
      }
      if (d.note) notes.push(d.note);
    }
    // one write: persist writes a chain of steps on one case one decision after the other (case-store.ts)
    await w.persist(items, now, by);
    return {
      documentId,
      caseId,
      notifiedAt: at,
      version: last.version,
      opened: items.flatMap((i) => i.decision.open),
      notes,
    };
  });
}

/**
 * An issued document's bytes, for a reader of the case's state (an audit entry per read), checked against
 * the SHA-256 the case recorded: undefined when there is none (or its bytes were erased by retention).
 */
export async function readIssuedDocument(
  db: Db,
  c: CaseState,
  documentId: string,
  jurisdiction: string,
  by: Actor,
  now: Date,
): Promise<{ bytes: Buffer; fileName: string } | undefined> {
  const doc = (c.documents ?? []).find((d) => d.id === documentId);
  if (!doc) return undefined;
  const file = await readAttachment(db, c.id, documentId, 'file', jurisdiction, by, now);
  if (!file) return undefined;
  // the bytes as read, not the digest stored beside them: an altered file is never handed out as the issued one
  const digest = sha256Hex(file.bytes);
  if (digest !== doc.sha256) throw new DocumentAlteredError(documentId, doc.sha256, digest);
  return { bytes: file.bytes, fileName: file.meta.fileName };
}

/** The kept bytes of an issued document are not those whose SHA-256 the case recorded. */
export class DocumentAlteredError extends Error {
  constructor(
    readonly documentId: string,
    readonly recorded: string,
    readonly found: string,
  ) {
    super(
      `the kept document ${documentId} is not the one issued: its SHA-256 is ${found}, the case recorded ${recorded}`,
    );
  }
}
