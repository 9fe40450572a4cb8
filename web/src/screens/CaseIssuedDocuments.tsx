// The documents issued on a case (issue 18): kind, language (and the one asked for, when the text fell back
// to English), when, who, the SHA-256 of the bytes (shortened; in full in its title), how and when it
// reached the person — or a small form to record that, which for a decision starts the appeal window (APR
// Art. 67(8)) — and "Print again": the same bytes as issued, checked against their SHA-256 by the server.
import { type FormEvent, Fragment, useId, useRef, useState } from 'react';
import type {
  IssuedDocumentBody,
  NotificationInput,
  NotifiedDocumentResultBody,
} from '../../../src/api/contract.ts';
import { NOTIFICATION_MEANS } from '../../../src/domain/guarantees/remedies-commands.ts';
import { api } from '../api.ts';
import { ErrorNotice } from '../components.tsx';
import { has } from '../error-codes.ts';
import { useErrorWords } from '../error-words.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { randomId } from '../ids.ts';
import { toInstant } from '../local-time.ts';
import { notificationLanguages } from './document-languages.ts';

/** A language's name in the user's language: the catalogue's for the documents' languages, else CLDR's. */
export function useLanguageName(): (code: string) => string {
  const { t, locale } = useI18n();
  return (code) => {
    const key = `documentLanguage.${code}`;
    if (has(key)) return t(key);
    try {
      return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** The names of the fields a document's refusal may point at, as the Print menu's forms call them. */
export function useDocumentFieldNames(): (path: string) => string {
  const { t, zone } = useI18n();
  const words = useErrorWords();
  return (path) => {
    const p = path.replace(/^(body|querystring|params)\//, '').replace(/^notification\//, '');
    if (p === 'kind' || p === 'document') return t('print.document');
    if (p === 'lang') return t('print.language');
    if (p === 'language') return t('print.notificationLanguage');
    if (p === 'means') return t('print.means');
    if (p === 'at') return t('form.at', { zone });
    return words.fieldName(path);
  };
}

/** How and in which language a document reached the person (the "handed over now" and the form). */
export function NotificationFields(props: {
  value: NotificationInput;
  onChange: (v: NotificationInput) => void;
  /** the languages to offer (the document's first); duplicates are dropped */
  languages: readonly string[];
}) {
  const { t, label } = useI18n();
  const languageName = useLanguageName();
  const id = useId();
  const [first = 'en', ...rest] = props.languages;
  const languages = notificationLanguages(first, rest, []);
  return (
    <div className="row">
      <div className="field">
        <label htmlFor={`${id}-means`}>{t('print.means')}</label>
        <select
          id={`${id}-means`}
          value={props.value.means}
          onChange={(e) =>
            props.onChange({ ...props.value, means: e.target.value as NotificationInput['means'] })
          }
        >
          {NOTIFICATION_MEANS.map((m) => (
            <option key={m} value={m}>
              {label('notificationMeans', m)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('print.notificationLanguage')}</label>
        <select
          id={`${id}-language`}
          value={props.value.language}
          onChange={(e) => props.onChange({ ...props.value, language: e.target.value })}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function CaseIssuedDocuments(props: {
  caseId: string;
  issued: readonly IssuedDocumentBody[];
  /** the kinds this user may issue: only those may have their notification recorded by them */
  permitted: ReadonlySet<string>;
  personLanguages: readonly string[];
  changed: () => Promise<unknown>;
}) {
  const { t, label, dateTime } = useI18n();
  const languageName = useLanguageName();
  const [recording, setRecording] = useState<string>();
  const [notified, setNotified] = useState<NotifiedDocumentResultBody>();
  const base = `/api/cases/${encodeURIComponent(props.caseId)}/documents/issued`;
  return (
    <section className="card issued-documents" aria-labelledby="issued-documents-title">
      <h2 id="issued-documents-title">{t('issuedDocs.title')}</h2>
      {props.issued.length === 0 ? (
        <p className="muted">{t('issuedDocs.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('print.document')}</th>
                <th scope="col">{t('issuedDocs.language')}</th>
                <th scope="col">{t('issuedDocs.when')}</th>
                <th scope="col">{t('issuedDocs.sha')}</th>
                <th scope="col">{t('issuedDocs.notification')}</th>
                <th scope="col" className="no-print">
                  <span className="visually-hidden">{t('issuedDocs.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.issued.map((d) => (
                <Fragment key={d.id}>
                  <tr className="issued-document">
                    <td>{label('document', d.kind)}</td>
                    <td>
                      {languageName(d.language)}
                      {d.requestedLanguage !== d.language && (
                        <div className="muted">
                          {t('issuedDocs.asked', { language: languageName(d.requestedLanguage) })}
                        </div>
                      )}
                    </td>
                    <td>
                      {dateTime(d.at)}
                      <div className="muted">{t('issuedDocs.byWho', { actor: d.by })}</div>
                    </td>
                    <td>
                      {/* shortened on the screen (in full in its title); in full on paper, to check a copy by */}
                      <code className="sha no-print" title={d.sha256} data-sha256={d.sha256}>
                        {d.sha256.slice(0, 12)}…
                      </code>
                      <code className="sha-full print-only">{d.sha256}</code>
                    </td>
                    <td>
                      {d.notifiedAt ? (
                        t('issuedDocs.notified', {
                          when: dateTime(d.notifiedAt),
                          means: d.means ? label('notificationMeans', d.means) : '—',
                        })
                      ) : props.permitted.has(d.kind) ? (
                        <>
                          <span className="print-only">{t('issuedDocs.notRecorded')}</span>
                          <button
                            type="button"
                            className="secondary"
                            aria-expanded={recording === d.id}
                            onClick={() => setRecording(recording === d.id ? undefined : d.id)}
                          >
                            {t('issuedDocs.record')}
                          </button>
                        </>
                      ) : (
                        <span className="muted">{t('issuedDocs.notRecorded')}</span>
                      )}
                    </td>
                    <td className="no-print">
                      <a
                        className="button secondary"
                        href={`${base}/${d.id}`}
                        target="_blank"
                        rel="noopener"
                        aria-label={t('issuedDocs.printAgainOf', {
                          document: label('document', d.kind),
                          when: dateTime(d.at),
                        })}
                      >
                        {t('issuedDocs.printAgain')}
                      </a>
                    </td>
                  </tr>
                  {recording === d.id && (
                    <tr className="notify-row no-print">
                      <td colSpan={6}>
                        <NotifyForm
                          url={`${base}/${d.id}/notification`}
                          document={label('document', d.kind)}
                          languages={[d.requestedLanguage, ...props.personLanguages, d.language]}
                          done={async (r) => {
                            setRecording(undefined);
                            setNotified(r);
                            await props.changed();
                          }}
                          cancel={() => setRecording(undefined)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div aria-live="polite">
        {notified && (
          <div className="notice notice-ok" role="status">
            <p>{t('issuedDocs.recorded', { when: dateTime(notified.notifiedAt) })}</p>
            {notified.opened.length > 0 && (
              <ul>
                {notified.opened.map((o) => (
                  <li key={`${o.kind}-${o.dueAt}`}>
                    {t('print.opened', { what: label('obligation', o.kind), when: dateTime(o.dueAt) })}{' '}
                    <span className="article">{o.article}</span>
                  </li>
                ))}
              </ul>
            )}
            {notified.notes.length > 0 && (
              <ul lang="en">
                {notified.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/** Records how an issued document reached the person: how, in which language, when (default: now). */
function NotifyForm(props: {
  url: string;
  document: string;
  languages: readonly string[];
  done: (r: NotifiedDocumentResultBody) => Promise<void>;
  cancel: () => void;
}) {
  const { t, zone } = useI18n();
  const fieldName = useDocumentFieldNames();
  const id = useId();
  const [value, setValue] = useState<NotificationInput>({
    means: 'in-person',
    language: props.languages[0] ?? 'en',
  });
  const [at, setAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const keys = useRef(new Map<string, string>());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: NotificationInput = { ...value, ...(at ? { at: toInstant(at, zone) } : {}) };
    const intent = JSON.stringify(body);
    const key = keys.current.get(intent) ?? randomId();
    keys.current.set(intent, key);
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<NotifiedDocumentResultBody>('POST', props.url, body, { 'idempotency-key': key });
      await props.done(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="notify-form"
      onSubmit={submit}
      aria-label={t('issuedDocs.recordOf', { document: props.document })}
    >
      <NotificationFields value={value} onChange={setValue} languages={props.languages} />
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('issuedDocs.at', { zone })}</label>
        <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('issuedDocs.recordSubmit')}
        </button>
        <button type="button" className="secondary" onClick={props.cancel}>
          {t('issuedDocs.cancel')}
        </button>
      </div>
      <ErrorNotice error={error} fieldName={fieldName} />
    </form>
  );
}

/** What a document's action on the timeline recorded: which document, in which language, how it was handed over. */
export function DocumentFacts({ type, payload }: { type: string; payload: Record<string, unknown> }) {
  const { t, label } = useI18n();
  const languageName = useLanguageName();
  const str = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : '');
  const document = label('document', str('kind'));
  const language = languageName(str('language'));
  if (type === 'document.notified')
    return (
      <div className="payload">
        {t('issuedDocs.timelineNotified', {
          document,
          means: label('notificationMeans', str('means')),
          language,
        })}
      </div>
    );
  const asked = str('requestedLanguage');
  return (
    <div className="payload">
      {asked && asked !== str('language')
        ? t('issuedDocs.timelineIssuedFallback', { document, language, asked: languageName(asked) })
        : t('issuedDocs.timelineIssued', { document, language })}
    </div>
  );
}
