// Photos and scanned documents of a case, in the database (table `attachments`): added with an audit entry,
// listed without their bytes, and read one at a time with an audit entry per read (who read which file, or
// which thumbnail). Access is by the case's current state (a relocated case's files go with it): a file of a
// case outside the reader's jurisdiction is not found. Bytes travel as base64 text, the same on both drivers.
import { sql } from 'drizzle-orm';
import { appendAudit } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { type Db, rowsOf } from './database.ts';

export interface AttachmentMeta {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly hasThumbnail: boolean;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  /** when the retention sweep erased its bytes (then there is nothing to download) */
  readonly erasedAt: string | null;
}

export interface NewAttachment {
  readonly id: string;
  readonly caseId: string;
  readonly state: string;
  readonly kind: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly thumbnail: Uint8Array | undefined;
}

export interface Reader {
  readonly actor: string;
  readonly role: string;
}

const META = sql`a.id, a.case_id, a.kind, a.file_name, a.content_type, a.size, a.sha256,
  a.thumbnail is not null as has_thumbnail, a.uploaded_by, a.uploaded_at, a.erased_at`;

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : (v instanceof Date ? v : new Date(String(v))).toISOString();

function meta(r: Record<string, unknown>): AttachmentMeta {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    kind: String(r.kind),
    fileName: String(r.file_name),
    contentType: String(r.content_type),
    size: Number(r.size),
    sha256: String(r.sha256),
    hasThumbnail: r.has_thumbnail === true,
    uploadedBy: String(r.uploaded_by),
    uploadedAt: iso(r.uploaded_at) ?? '',
    erasedAt: iso(r.erased_at),
  };
}

const b64 = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('base64') : null);

/** Stores a file and its audit entry ('attachment.added': which file, its kind, type, size and digest) at once. */
export async function addAttachment(
  db: Db,
  a: NewAttachment,
  by: Reader,
  now: Date,
): Promise<AttachmentMeta> {
  return retryStaleWrites(() =>
    db.transaction(async (tx) => insertAttachment(tx as unknown as Db, a, by, now)),
  );
}

/** addAttachment's writes inside the caller's transaction (an issued document's PDF: src/store/documents.ts). */
export async function insertAttachment(
  tx: Db,
  a: NewAttachment,
  by: Reader,
  now: Date,
): Promise<AttachmentMeta> {
  const [row] = await rowsOf<Record<string, unknown>>(
    tx,
    sql`insert into attachments as a (id, case_id, state, kind, file_name, content_type, size, sha256, bytes, thumbnail, uploaded_by, uploaded_at)
      values (${a.id}, ${a.caseId}, ${a.state}, ${a.kind}, ${a.fileName}, ${a.contentType}, ${a.bytes.length}, ${a.sha256},
        decode(${b64(a.bytes)}, 'base64'), decode(${b64(a.thumbnail)}, 'base64'), ${by.actor}, ${now.toISOString()})
      returning ${META}`,
  );
  await appendAudit(tx, [
    {
      at: now,
      actor: by.actor,
      action: 'attachment.added',
      subject: a.caseId,
      data: {
        attachment: a.id,
        kind: a.kind,
        contentType: a.contentType,
        size: a.bytes.length,
        sha256: a.sha256,
        role: by.role,
      },
    },
  ]);
  return meta(row ?? {});
}

/** The files of a case the reader's jurisdiction holds (undefined jurisdiction: any), newest first, no bytes. */
export async function listAttachments(
  db: Db,
  caseId: string,
  jurisdiction?: string,
): Promise<AttachmentMeta[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select ${META} from attachments a join cases c on c.id = a.case_id
      where a.case_id = ${caseId} ${jurisdiction ? sql`and c.state = ${jurisdiction}` : sql``}
      order by a.uploaded_at desc, a.id`,
  );
  return rows.map(meta);
}

export type AttachmentPart = 'file' | 'thumbnail';

/**
 * One file (or its thumbnail) of a case in the reader's jurisdiction, with an audit entry of the read
 * ('attachment.read' or 'attachment.thumbnail-read': who, which file) in the same transaction. Undefined when
 * there is no such file there, or nothing left to read (erased, or an image without a thumbnail).
 */
export async function readAttachment(
  db: Db,
  caseId: string,
  attachmentId: string,
  part: AttachmentPart,
  jurisdiction: string,
  by: Reader,
  now: Date,
): Promise<{ meta: AttachmentMeta; bytes: Buffer } | undefined> {
  return retryStaleWrites(() =>
    db.transaction(async (tx) => {
      const column = part === 'file' ? sql`a.bytes` : sql`a.thumbnail`;
      const [row] = await rowsOf<Record<string, unknown>>(
        tx as unknown as Db,
        sql`select ${META}, encode(${column}, 'base64') as content from attachments a join cases c on c.id = a.case_id
          where a.id = ${attachmentId} and a.case_id = ${caseId} and c.state = ${jurisdiction} and ${column} is not null`,
      );
      if (!row) return undefined;
      await appendAudit(tx as unknown as Db, [
        {
          at: now,
          actor: by.actor,
          action: part === 'file' ? 'attachment.read' : 'attachment.thumbnail-read',
          subject: caseId,
          data: { attachment: attachmentId, role: by.role },
        },
      ]);
      return { meta: meta(row), bytes: Buffer.from(String(row.content), 'base64') };
    }),
  );
}

/** Every file of a case with its bytes, for the person's export (no audit here: the export audits itself). */
export async function attachmentsWithBytes(
  db: Db,
  caseId: string,
): Promise<(AttachmentMeta & { bytes: Buffer | null })[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select ${META}, encode(a.bytes, 'base64') as content from attachments a where a.case_id = ${caseId}
      order by a.uploaded_at, a.id`,
  );
  return rows.map((r) => ({
    ...meta(r),
    bytes: r.content === null || r.content === undefined ? null : Buffer.from(String(r.content), 'base64'),
  }));
}
