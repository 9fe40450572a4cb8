// A person's full record as one document (`pact person export ID`: the right of access, GDPR Art. 15;
// docs/retention.md describes the format): the case and its person with identity and documents, the
// encounter, the whole log with payloads, the obligations, the photos and scans (metadata, and the bytes as
// base64 unless the caller writes them as files), the files linked to it (duplicates, main file), and every
// audit entry about the case. The export itself is an audit entry ('person.exported').
import { sql } from 'drizzle-orm';
import { attachmentsWithBytes } from './attachments.ts';
import { appendAudit } from './audit.ts';
import { findCase } from './case-queries.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { type Db, rowsOf } from './database.ts';

/** The format's version: a reader checks it. */
export const PERSON_EXPORT_FORMAT = 'pact-person-export/1';

export interface PersonExport {
  readonly format: typeof PERSON_EXPORT_FORMAT;
  readonly exportedAt: string;
  readonly case: Record<string, unknown>;
  readonly person: unknown;
  readonly identity: Record<string, unknown> | null;
  readonly documents: readonly Record<string, unknown>[];
  readonly encounter: Record<string, unknown> | null;
  readonly log: readonly Record<string, unknown>[];
  readonly obligations: readonly Record<string, unknown>[];
  readonly attachments: readonly (Record<string, unknown> & { contentBase64?: string | null })[];
  readonly linked: {
    readonly mainCaseId: string | null;
    readonly linkedCases: readonly string[];
    readonly duplicateCandidates: readonly Record<string, unknown>[];
  };
  readonly audit: readonly Record<string, unknown>[];
}

/**
 * The export of the case `idOrPrefix` (a case id or a unique prefix of 8+ characters), or undefined. With
 * `withBytes` false the attachments carry no content (the caller writes the files from `files`).
 */
export async function exportPerson(
  db: Db,
  idOrPrefix: string,
  o: { now: Date; actor: string; withBytes: boolean },
): Promise<{ export: PersonExport; files: { name: string; bytes: Buffer }[] } | undefined> {
  const view = await findCase(db, idOrPrefix);
  if (!view) return undefined;
  const id = view.case.id;
  const q = (query: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(db, query);
  const [caseRow] = await q(
    sql`select id, state, encounter_id, status, flags, version, nationality, sex, birth_year, minor, unaccompanied,
      vulnerabilities, asylum_wish_at, procedure, crisis_id, assigned_to, main_case_id, created_at, updated_at
      from cases where id = ${id}`,
  );
  const [identity] = await q(sql`select * from person_identities where case_id = ${id}`);
  const documents = await q(sql`select * from person_documents where case_id = ${id} order by seq`);
  const [encounter] = await q(sql`select * from encounters where id = ${view.case.encounterId}`);
  const linkedCases = await q(
    sql`select id from cases where main_case_id = ${id} or id = (select main_case_id from cases where id = ${id}) order by id`,
  );
  const duplicates = await q(
    sql`select * from duplicate_candidates where case_id = ${id} or other_case_id = ${id} order by found_at`,
  );
  const files = await attachmentsWithBytes(db, id);
  await retryStaleWrites(() =>
    db.transaction(async (tx) =>
      appendAudit(tx as unknown as Db, [
        {
          at: o.now,
          actor: o.actor,
          action: 'person.exported',
          subject: id,
          data: { attachments: files.length, withBytes: o.withBytes },
        },
      ]),
    ),
  );
  // every entry about the case, the export's own included
  const audit = await q(
    // issue 21: and the entries of commands that wrote its case log (format 2, audit-actions.ts)
    sql`select seq, at, actor, action, subject, data, hash from audit_log where subject = ${id}
      or (data @> '{"v": 2}' and data->'actions' @> jsonb_build_array(jsonb_build_object('caseId', ${id}::text)))
      order by seq`,
  );
  const out: { name: string; bytes: Buffer }[] = [];
  const attachments = files.map(({ bytes, ...meta }) => {
    const name = `${meta.id}-${meta.fileName}`;
    if (bytes && !o.withBytes) out.push({ name, bytes });
    return {
      ...meta,
      ...(o.withBytes
        ? { contentBase64: bytes ? bytes.toString('base64') : null }
        : { file: bytes ? name : null }),
    };
  });
  return {
    export: {
      format: PERSON_EXPORT_FORMAT,
      exportedAt: o.now.toISOString(),
      case: { ...(caseRow ?? {}), data: view.case },
      person: view.case.person,
      identity: identity ?? null,
      documents,
      encounter: encounter ?? null,
      log: view.actions as unknown as Record<string, unknown>[],
      obligations: view.obligations as unknown as Record<string, unknown>[],
      attachments,
      linked: {
        mainCaseId: (caseRow?.main_case_id as string | null) ?? null,
        linkedCases: linkedCases.map((r) => String(r.id)),
        duplicateCandidates: duplicates,
      },
      audit,
    },
    files: out,
  };
}
