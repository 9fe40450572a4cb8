// The case page's Print menu (issue 18): the documents this user may issue on the case now, each with the
// article that requires it, a language chooser (the person's languages first; where no translation was
// reviewed by a speaker, the text is English with a notice in the language, and the chooser says so), a
// preview (a draft PDF in a new tab, nothing recorded) and "Issue and print" (recorded on the case with the
// SHA-256 of its bytes, optionally handed over at once — for a decision that starts the appeal window, APR
// Art. 67(8) — then the issued PDF opens for printing). A kind the case cannot have now is listed greyed
// with the reason; a kind the role may not issue is not listed. Below, the documents issued on the case.
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type {
  AvailableDocumentBody,
  CaseDocumentsBody,
  IssuedDocumentResultBody,
  NotificationInput,
} from '../../../src/api/contract.ts';
import { ApiError, api } from '../api.ts';
import { ErrorNotice } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { randomId } from '../ids.ts';
import {
  CaseIssuedDocuments,
  NotificationFields,
  useDocumentFieldNames,
  useLanguageName,
} from './CaseIssuedDocuments.tsx';
import { firstChoice, languageChoices } from './document-languages.ts';

interface Props {
  readonly caseId: string;
  /** the case's version as shown: the issue is refused (409) when the case changed since */
  readonly version: number;
  /** the person's languages (identity.languages), ISO 639 codes */
  readonly personLanguages: readonly string[];
  /** the case changed here (a document issued or notified): read it again */
  readonly changed: () => Promise<unknown>;
}

interface Issued {
  readonly answer: IssuedDocumentResultBody;
  readonly location: string;
}

export function CasePrint({ caseId, version, personLanguages, changed }: Props) {
  const { t } = useI18n();
  const [docs, setDocs] = useState<CaseDocumentsBody>();
  const [error, setError] = useState<unknown>();
  const [issued, setIssued] = useState<Issued>();
  const base = `/api/cases/${encodeURIComponent(caseId)}/documents`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the case changes (what it may have, what was issued)
  useEffect(() => {
    let stale = false;
    api<CaseDocumentsBody>('GET', base).then(
      (d) => {
        if (stale) return;
        setDocs(d);
        setError(undefined);
      },
      (e) => !stale && setError(e),
    );
    return () => {
      stale = true;
    };
  }, [base, version]);

  // the kinds the role may not issue are not shown at all
  const mine = docs?.available.filter((a) => a.permitted) ?? [];
  return (
    <>
      {mine.length > 0 && (
        <section className="card print-menu" aria-labelledby="print-menu-title">
          <h2 id="print-menu-title">{t('print.title')}</h2>
          <p className="muted">{t('print.intro')}</p>
          <ul className="print-kinds">
            {mine.map((a) => (
              <DocumentRow
                key={a.kind}
                caseId={caseId}
                doc={a}
                version={version}
                personLanguages={personLanguages}
                issued={async (r) => {
                  setIssued(r);
                  await changed();
                }}
                changed={changed}
              />
            ))}
          </ul>
          {/* the last issue's answer, announced to a screen reader */}
          <div aria-live="polite" className="print-result">
            {issued && <IssuedNotice issued={issued} />}
          </div>
        </section>
      )}
      {error !== undefined && !docs && <ErrorNotice error={error} />}
      {docs && (
        <CaseIssuedDocuments
          caseId={caseId}
          issued={docs.issued}
          permitted={new Set(mine.map((a) => a.kind))}
          personLanguages={personLanguages}
          changed={changed}
        />
      )}
    </>
  );
}

function DocumentRow(props: {
  caseId: string;
  doc: AvailableDocumentBody;
  version: number;
  personLanguages: readonly string[];
  issued: (r: Issued) => Promise<void>;
  changed: () => Promise<unknown>;
}) {
  const { doc, caseId } = props;
  const { t, lang: userLanguage, label } = useI18n();
  const languageName = useLanguageName();
  const fieldName = useDocumentFieldNames();
  const id = useId();
  const choices = languageChoices(doc.languages, doc.withNotice, props.personLanguages);
  const [lang, setLang] = useState(() => firstChoice(choices, doc.personFacing, userLanguage));
  const [handedOver, setHandedOver] = useState(false);
  const [notification, setNotification] = useState<NotificationInput>({ means: 'in-person', language: lang });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // one key per intent until it is answered: a retry after a lost answer is not a second document
  const keys = useRef(new Map<string, string>());
  const name = label('document', doc.kind);
  const path = `/api/cases/${encodeURIComponent(caseId)}/documents/${doc.kind}?lang=${lang}`;

  if (doc.unavailable)
    return (
      <li className="print-kind unavailable">
        <strong>{name}</strong> <span className="article">{doc.articles}</span>
        {/* the reason is the server's, in English */}
        <div className="muted">
          {t('print.unavailable')} <span lang="en">{doc.unavailable}</span>
        </div>
      </li>
    );

  async function issue() {
    const body = {
      expectedVersion: props.version,
      ...(handedOver ? { notification } : {}),
    };
    const intent = JSON.stringify([doc.kind, lang, body]);
    const key = keys.current.get(intent) ?? randomId();
    keys.current.set(intent, key);
    setBusy(true);
    setError(undefined);
    // the tab for the PDF is opened now, on the click: opened after the answer (the PDF takes seconds to
    // make) a browser would block it as a pop-up; it is closed again if the issue is refused
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    try {
      const res = await fetch(path, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      }).catch(() => {
        throw new ApiError(0, 'offline', '', []);
      });
      const answer = (await res.json().catch(() => ({}))) as unknown;
      if (!res.ok) throw problemOf(res, answer);
      keys.current.delete(intent);
      const r = answer as IssuedDocumentResultBody;
      const location =
        res.headers.get('location') ??
        `/api/cases/${encodeURIComponent(caseId)}/documents/issued/${r.documentId}`;
      // the issued PDF, to print (where no tab could be opened, the answer below links to it)
      if (tab) tab.location.href = location;
      setHandedOver(false);
      await props.issued({ answer: r, location });
    } catch (e) {
      tab?.close();
      setError(e);
      // the case changed meanwhile: read it again (the conflict notice says what changed)
      if (e instanceof ApiError && e.status === 409) await props.changed();
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="print-kind">
      <div>
        <strong id={`${id}-name`}>{name}</strong> <span className="article">{doc.articles}</span>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('print.language')}</label>
          <select
            id={`${id}-lang`}
            value={lang}
            onChange={(e) => {
              setLang(e.target.value);
              setNotification({ ...notification, language: e.target.value });
            }}
          >
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.withNotice
                  ? t('print.languageWithNotice', { language: languageName(c.code) })
                  : languageName(c.code)}
                {c.person ? ` — ${t('print.personLanguage')}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <a
            className="button secondary"
            href={path}
            target="_blank"
            rel="noopener"
            aria-label={t('print.previewOf', { document: name })}
          >
            {t('print.preview')}
          </a>
          <button
            type="button"
            disabled={busy}
            onClick={issue}
            aria-label={t('print.issueOf', { document: name })}
          >
            {busy ? t('print.issuing') : t('print.issue')}
          </button>
        </div>
      </div>
      <label className="inline">
        <input type="checkbox" checked={handedOver} onChange={(e) => setHandedOver(e.target.checked)} />
        {t('print.handedOver')}
      </label>
      {handedOver && (
        <fieldset className="print-handover">
          <legend>{t('print.handedOverHow', { document: name })}</legend>
          <NotificationFields
            value={notification}
            onChange={setNotification}
            languages={[lang, ...props.personLanguages, ...doc.languages]}
          />
        </fieldset>
      )}
      <ErrorNotice error={error} fieldName={fieldName} />
    </li>
  );
}

/** A problem+json answer as the ApiError the notices word (api.ts does the same for JSON answers). */
export function problemOf(res: Response, data: unknown): ApiError {
  const p = (data ?? {}) as Partial<NonNullable<ApiError['problem']>>;
  const errors = (p.errors ?? []).map((e) => ({ ...e, code: e.code ?? '', params: e.params ?? {} }));
  return new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', errors, p);
}

/** What the issue recorded: the document, its language, its notification, the periods it opened, notes. */
function IssuedNotice({ issued }: { issued: Issued }) {
  const { t, label, dateTime, due } = useI18n();
  const languageName = useLanguageName();
  const a = issued.answer;
  return (
    <div className="notice notice-ok" role="status">
      <p>
        {t('print.issued', {
          document: label('document', a.kind),
          language: languageName(a.language),
          when: dateTime(a.issuedAt),
        })}
        {a.requestedLanguage !== a.language &&
          ` ${t('print.fellBack', { asked: languageName(a.requestedLanguage) })}`}
        {a.notifiedAt && ` ${t('print.notifiedAt', { when: dateTime(a.notifiedAt) })}`}
      </p>
      {a.opened.length > 0 && (
        <ul>
          {a.opened.map((o) => (
            <li key={`${o.kind}-${o.dueAt}`}>
              {t('print.opened', { what: label('obligation', o.kind), when: due(o.dueAt) })}{' '}
              <span className="article">{o.article}</span>
            </li>
          ))}
        </ul>
      )}
      {a.notes.length > 0 && (
        <ul lang="en">
          {a.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p>
        <a href={issued.location} target="_blank" rel="noopener">
          {t('print.openIssued')}
        </a>{' '}
        <span className="muted">{t('print.sha', { sha: a.sha256.slice(0, 12) })}</span>
      </p>
    </div>
  );
}

/**
 * On paper only (styles.css @media print): the case's full id and when it was printed, with the year, in the
 * state's zone — the time is taken again as the browser prepares to print.
 */
export function PrintHeader({ caseId }: { caseId: string }) {
  const { t, locale, zone } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const before = () => flushSync(() => setNow(new Date()));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone,
  }).format(now);
  return <p className="print-header">{t('case.printHeader', { id: caseId, when: `${when} (${zone})` })}</p>;
}
