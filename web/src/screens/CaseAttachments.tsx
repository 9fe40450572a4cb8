// The photos and scans of a case: a thumbnail of each image (made by the server; its read is audited, like
// the file's), a download link (the server always sends the file as a download, never as a page), and, for
// the roles that may add them, an upload of a JPEG, PNG or PDF up to 10 MiB. The type is checked by the
// server from the bytes; the size is checked here too, before sending.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { AttachmentViewBody, ProblemBody } from '../../../src/api/contract.ts';
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  MAX_ATTACHMENT_BYTES,
} from '../../../src/domain/attachments.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';

const MB = Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024));

/** Sends one file as the raw body (the server reads no form encoding), its name percent-encoded in a header. */
async function upload(caseId: string, kind: AttachmentKind, file: File): Promise<AttachmentViewBody> {
  let res: Response;
  try {
    res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/attachments?kind=${kind}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'offline', '', []);
  }
  const data = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    const p = data as Partial<ProblemBody>;
    const errors = (p.errors ?? []).map((e) => ({ ...e, code: e.code ?? '', params: e.params ?? {} }));
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', errors, p);
  }
  return data as AttachmentViewBody;
}

export function CaseAttachments({ caseId }: { caseId: string }) {
  const { t, dateTime } = useI18n();
  const { may } = useAuth();
  const [items, setItems] = useState<AttachmentViewBody[]>();
  const [error, setError] = useState<unknown>();
  const [kind, setKind] = useState<AttachmentKind>('photo');
  const [file, setFile] = useState<File>();
  const [tooLarge, setTooLarge] = useState(false);
  const [busy, setBusy] = useState(false);
  const base = `/api/cases/${encodeURIComponent(caseId)}/attachments`;

  const load = useCallback(
    () =>
      api<AttachmentViewBody[]>('GET', base).then(
        (a) => setItems(a),
        (e) => setError(e),
      ),
    [base],
  );
  useEffect(() => {
    load();
  }, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || tooLarge) return;
    setBusy(true);
    setError(undefined);
    try {
      await upload(caseId, kind, file);
      setFile(undefined);
      (e.target as HTMLFormElement).reset();
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card attachments">
      <h2>{t('attachments.title')}</h2>
      {items && items.length === 0 && <p className="muted">{t('attachments.none')}</p>}
      {items && items.length > 0 && (
        <ul className="attachment-list">
          {items.map((a) => (
            <li key={a.id}>
              {a.hasThumbnail && !a.erasedAt ? (
                <img
                  className="attachment-thumb"
                  src={`${base}/${a.id}/thumbnail`}
                  alt={t('attachments.thumbnailAlt', { name: a.fileName })}
                  width={80}
                  height={80}
                />
              ) : (
                <span className="attachment-thumb attachment-icon" aria-hidden="true">
                  {a.erasedAt ? '—' : t('attachments.noThumbnail')}
                </span>
              )}
              <div>
                {a.erasedAt ? (
                  <span>{a.fileName}</span>
                ) : (
                  <a href={`${base}/${a.id}`} download={a.fileName}>
                    {t('attachments.download', { name: a.fileName })}
                  </a>
                )}
                <div className="muted">
                  {t('attachments.uploaded', {
                    kind: t(`attachments.kind.${a.kind}`),
                    size: t('attachments.size', { kb: Math.max(1, Math.round(a.size / 1024)) }),
                    who: a.uploadedBy,
                    when: dateTime(a.uploadedAt),
                  })}
                  {a.erasedAt && <> · {t('attachments.erased', { when: dateTime(a.erasedAt) })}</>}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ErrorNotice error={error} fieldName={() => t('attachments.fileField')} />
      {may('attachments.write') && (
        <form className="attachment-upload" onSubmit={submit}>
          <h3>{t('attachments.add')}</h3>
          <label>
            {t('attachments.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`attachments.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('attachments.file', { mb: MB })}
            <input
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              onChange={(e) => {
                const f = e.target.files?.[0];
                setFile(f);
                setTooLarge(!!f && f.size > MAX_ATTACHMENT_BYTES);
              }}
            />
          </label>
          {tooLarge && (
            <p className="notice notice-error" role="alert">
              {t('attachments.tooLarge', { mb: MB })}
            </p>
          )}
          <button type="submit" disabled={!file || tooLarge || busy}>
            {busy ? t('attachments.uploading') : t('attachments.upload')}
          </button>
        </form>
      )}
    </div>
  );
}
