// The monitoring mechanism's findings (Screening Regulation (EU) 2024/1356 Art. 10): a monitor records what it
// saw, about a case of its state or about the border (POST /api/findings: category, text, optionally the
// case), and everyone who reads findings — monitors, case officers, administrators of the state — sees the
// list, newest first (GET /api/findings). Reached from the monitoring screen (and from a case it lists, with
// that case filled in: ?case=<id>).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FindingBody, NewFindingInput } from '../../../src/api/contract.ts';
import { FINDING_CATEGORIES, FINDING_TEXT, type FindingCategory } from '../../../src/domain/vocabulary.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The most findings GET /api/findings answers (src/store/findings.ts `listFindings`). */
const LISTED = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function Findings() {
  const { t, label, dateTime } = useI18n();
  const { may } = useAuth();
  const [list, setList] = useState<{ data?: FindingBody[]; error?: unknown }>({});
  const load = useCallback(() => {
    api<FindingBody[]>('GET', '/api/findings').then(
      (data) => setList({ data }),
      (error) => setList({ error }),
    );
  }, []);
  useEffect(load, [load]);
  const findings = list.data;
  return (
    <section>
      <h1>{t('findings.title')}</h1>
      <p>
        <Link to="/monitoring">{t('findings.backToMonitoring')}</Link>
      </p>
      <p className="muted">{t('findings.intro')}</p>
      {may('findings.write') ? (
        <FindingForm onRecorded={load} />
      ) : (
        <p className="notice">{t('findings.readOnly')}</p>
      )}
      <h2 id="findings-list">{t('findings.list')}</h2>
      <ErrorNotice error={list.error} />
      {!findings && !list.error && <Loading />}
      {findings && findings.length === 0 && <p>{t('findings.none')}</p>}
      {findings && findings.length > 0 && (
        <table className="findings" aria-labelledby="findings-list">
          <thead>
            <tr>
              <th scope="col">{t('findings.recordedAt')}</th>
              <th scope="col">{t('findings.category')}</th>
              <th scope="col">{t('findings.case')}</th>
              <th scope="col">{t('findings.author')}</th>
              <th scope="col">{t('findings.text')}</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((f) => (
              <tr key={f.id}>
                <td>{dateTime(f.createdAt)}</td>
                <td>{label('findingCategory', f.category)}</td>
                <td>
                  {f.caseId ? (
                    <Link to={`/cases/${f.caseId}`}>
                      {t('queue.open')} {f.caseId.slice(0, 8)}
                    </Link>
                  ) : (
                    t('findings.aboutBorder')
                  )}
                </td>
                <td>{f.author}</td>
                <td className="finding-text">{f.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {findings && findings.length >= LISTED && (
        <p className="muted">{t('findings.newest', { n: LISTED })}</p>
      )}
    </section>
  );
}

type Errors = Partial<Record<'category' | 'caseId' | 'text', string>>;

/** The form of a new finding: checked here with the API's own limits, and again by the server. */
function FindingForm({ onRecorded }: { onRecorded: () => void }) {
  const { t, label, number } = useI18n();
  const [params] = useSearchParams();
  const [category, setCategory] = useState<FindingCategory | ''>('');
  const [caseId, setCaseId] = useState(params.get('case') ?? '');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  function check(): Errors {
    const e: Errors = {};
    if (!category) e.category = t('findings.error.category');
    if (caseId.trim() && !UUID.test(caseId.trim())) e.caseId = t('findings.error.caseId');
    const length = text.trim().length;
    if (length < FINDING_TEXT.min) e.text = t('findings.error.textShort', { min: FINDING_TEXT.min });
    else if (length > FINDING_TEXT.max)
      e.text = t('findings.error.textLong', { max: number(FINDING_TEXT.max) });
    return e;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setFailure(undefined);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: NewFindingInput = {
      category: category as FindingCategory,
      text: text.trim(),
      ...(caseId.trim() ? { caseId: caseId.trim().toLowerCase() } : {}),
    };
    setBusy(true);
    try {
      await api('POST', '/api/findings', body);
      setCategory('');
      setCaseId('');
      setText('');
      setDone(true);
      onRecorded();
    } catch (err) {
      const atFields: Errors =
        err instanceof ApiError
          ? err.status === 404
            ? { caseId: t('findings.error.noCase') }
            : {
                category: err.reasonFor('category'),
                caseId: err.reasonFor('caseId'),
                text: err.reasonFor('text'),
              }
          : {};
      // a refusal none of the fields explains (a lost session, the server unreachable): said as it is
      if (Object.values(atFields).some(Boolean)) setErrors(atFields);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const count = Object.values(errors).filter(Boolean).length;
  return (
    <form className="card narrow finding-form" onSubmit={submit} noValidate aria-labelledby="finding-new">
      <h2 id="finding-new">{t('findings.new')}</h2>
      {done && (
        <p className="notice notice-ok" role="status">
          {t('findings.recorded')}
        </p>
      )}
      {count > 0 && (
        <p className="notice notice-error" role="alert">
          {t('form.fixErrors', { n: count })}
        </p>
      )}
      <ErrorNotice error={failure} />
      <Field label={t('findings.category')} error={errors.category}>
        {(id, d) => (
          <select
            id={id}
            required
            aria-describedby={d}
            aria-invalid={errors.category ? true : undefined}
            value={category}
            onChange={(e) => setCategory(e.target.value as FindingCategory | '')}
          >
            <option value="">{t('findings.choose')}</option>
            {FINDING_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {label('findingCategory', c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('findings.caseId')} error={errors.caseId} hint={t('findings.caseIdHint')}>
        {(id, d) => (
          <input
            id={id}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={d}
            aria-invalid={errors.caseId ? true : undefined}
            value={caseId}
            onChange={(e) => setCaseId(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('findings.text')}
        error={errors.text}
        hint={t('findings.textHint', {
          n: number(text.trim().length),
          min: FINDING_TEXT.min,
          max: number(FINDING_TEXT.max),
        })}
      >
        {(id, d) => (
          <textarea
            id={id}
            rows={6}
            required
            maxLength={FINDING_TEXT.max}
            aria-describedby={d}
            aria-invalid={errors.text ? true : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('findings.record')}
      </button>
    </form>
  );
}
