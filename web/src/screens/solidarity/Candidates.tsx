// Relocation candidates of a benefitting state (AMMR Art. 67(3)) from a CSV file — the same file that
// `pact solidarity candidates FILE` takes. The server checks every line before it adds any: a file with an
// error adds nobody, and each error is listed with its line and column, so that the file can be corrected
// and sent again. Synthetic persons in tests and demonstrations.
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ErrorNotice, Field } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CAPTION, useStateName } from './shared.tsx';

/** The columns of the file, as src/solidarity/candidates-csv.ts reads them. */
const HEADER =
  'id,from,family_id,kind,protection_granted_on,consent,nationality,minor,vulnerabilities,languages,security_hit,case_id';
/** The server takes at most this many characters (4 MB). */
const MAX_CHARS = 4_000_000;

interface LineError {
  readonly line: number;
  readonly column: string;
  readonly reason: string;
}

/** The errors of a refused file, from the server's fields "body/csv/LINE/COLUMN". */
function lineErrors(error: unknown): LineError[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.flatMap((e) => {
    const m = /^body\/csv\/(\d+)\/(.+)$/.exec(e.field);
    return m ? [{ line: Number(m[1]), column: m[2] ?? '', reason: e.reason }] : [];
  });
}

export function CandidateUpload(props: {
  year: number;
  benefitting: readonly string[];
  onAdded: () => void;
}) {
  const { year, onAdded } = props;
  const { t, number } = useI18n();
  const name = useStateName();
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<unknown>();
  const [tooBig, setTooBig] = useState(false);
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setDone(undefined);
    setTooBig(false);
    const csv = await file.text();
    if (csv.length > MAX_CHARS) {
      setTooBig(true);
      return;
    }
    setBusy(true);
    try {
      const r = await api<{ added: number }>('POST', `/api/solidarity/${year}/candidates/csv`, { csv });
      setDone(t('candidates.added', { n: number(r.added), file: file.name }));
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const lines = lineErrors(error);
  return (
    <section aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('candidates.title')}</h2>
      <form onSubmit={upload} className="card" noValidate aria-labelledby="candidates-form">
        <h3 id="candidates-form">{t('candidates.upload')}</h3>
        <p>
          {t('candidates.intro')}{' '}
          {t('candidates.benefitting', {
            year,
            states: props.benefitting.map((s) => `${name(s)} (${s})`).join(', '),
          })}
        </p>
        <p>
          {t('candidates.columns')} <code style={{ overflowWrap: 'anywhere' }}>{HEADER}</code>
        </p>
        <p className="hint">{t('candidates.columnsHint')}</p>
        <div className="row">
          <Field label={t('candidates.file')}>
            {(id) => (
              <input
                id={id}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  setFile(e.target.files?.[0]);
                  setError(undefined);
                  setDone(undefined);
                }}
              />
            )}
          </Field>
          <div className="field">
            <button type="submit" disabled={busy || !file}>
              {t('candidates.submit')}
            </button>
          </div>
        </div>
        {tooBig && (
          <p className="notice notice-error" role="alert">
            {t('candidates.tooBig')}
          </p>
        )}
        {lines.length > 0 ? (
          <div className="notice notice-error" role="alert">
            <p>{t('candidates.refused', { n: number(lines.length) })}</p>
            <table style={{ fontSize: '0.9rem' }}>
              <caption style={CAPTION}>{t('candidates.errorsCaption', { file: file?.name ?? '' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('candidates.line')}</th>
                  <th scope="col">{t('candidates.column')}</th>
                  <th scope="col">{t('candidates.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={`${l.line} ${l.column} ${l.reason}`}>
                    <th scope="row">{number(l.line)}</th>
                    <td>
                      <code>{l.column}</code>
                    </td>
                    <td>{l.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <ErrorNotice error={error} />
        )}
        {done && (
          <p className="notice notice-ok" role="status">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}
