// issue 20: "Requests from other states" — the take-charge requests and take-back notifications other member
// states sent to this state (AMMR Part III), in the queue's order (open first, soonest due first; an open
// request past its time in red: silence has accepted it), and a request's page with the person as sent
// (AMMR Art. 52) where a case officer accepts, refuses with reasons (Art. 40) or confirms (Art. 41(3)).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type {
  ReceivedRequestSummaryBody,
  ReceivedRequestViewBody,
  ResponsibilityAnswerResultBody,
} from '../../../src/api/contract.ts';
import { CRITERIA } from '../../../src/domain/responsibility/criteria.ts';
import { api } from '../api.ts';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdempotencyKeys } from '../ids.ts';
import { useApi } from '../use-api.ts';
import { useStateName } from './solidarity/shared.tsx';

const DAY = 86_400_000;

/** The criterion in words with its article ("Visa or residence document (AMMR Art. 29)"). */
function useCriterion(): (id: string | null) => string {
  const { t } = useI18n();
  return (id) => {
    const c = CRITERIA.find((x) => x.id === id);
    return c ? `${t(`requests.criterion.${c.id}` as MessageKey)} (${c.article})` : '—';
  };
}

/** Days left before silence accepts (whole days, rounded up), or overdue. */
function useDaysLeft(): (r: ReceivedRequestSummaryBody) => { text: string; overdue: boolean } {
  const { t, number } = useI18n();
  return (r) => {
    if (r.status !== 'open') return { text: '', overdue: false };
    const left = Date.parse(r.dueAt) - Date.now();
    if (left <= 0) return { text: t('requests.overdue'), overdue: true };
    return { text: t('requests.daysLeft', { n: number(Math.ceil(left / DAY)) }), overdue: false };
  };
}

export function ResponsibilityRequests() {
  const { t, label, dateTime } = useI18n();
  const stateName = useStateName();
  const criterion = useCriterion();
  const daysLeft = useDaysLeft();
  const list = useApi<ReceivedRequestSummaryBody[]>('/api/responsibility/requests');
  return (
    <section>
      <h1>{t('requests.title')}</h1>
      <p className="muted">{t('requests.intro')}</p>
      <ErrorNotice error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <p className="notice">{t('requests.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('requests.from')}</th>
              <th scope="col">{t('requests.kind')}</th>
              <th scope="col">{t('requests.received')}</th>
              <th scope="col">{t('requests.due')}</th>
              <th scope="col">{t('requests.left')}</th>
              <th scope="col">{t('requests.criterion')}</th>
              <th scope="col">{t('requests.evidence')}</th>
              <th scope="col">{t('requests.status')}</th>
              <th scope="col">{t('requests.request')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => {
              const left = daysLeft(r);
              return (
                <tr key={r.id} className={left.overdue ? 'overdue' : undefined}>
                  <td>{stateName(r.fromState)}</td>
                  <td>{label('requests.kind', r.kind)}</td>
                  <td>{dateTime(r.receivedAt)}</td>
                  <td>{dateTime(r.dueAt)}</td>
                  <td>{left.text}</td>
                  <td>{criterion(r.criterion)}</td>
                  <td>
                    {r.evidence
                      .map((e) => `${label('requests.evidenceKind', e.kind)}: ${e.description}`)
                      .join('; ') || (r.hit ? `${r.hit.system.toUpperCase()} ${dateTime(r.hit.at)}` : '—')}
                  </td>
                  <td>{label('requests.status', r.status)}</td>
                  <td>
                    <Link to={`/requests/${r.id}`}>
                      {t('requests.open')} {r.id.slice(0, 8)}
                      <span className="visually-hidden">
                        {' '}
                        {t('requests.openWhat', {
                          from: stateName(r.fromState),
                          when: dateTime(r.receivedAt),
                        })}
                      </span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Person = {
  familyNames?: string[];
  givenNames?: string[];
  birthDate?: string;
  birthYear?: number;
  sex?: string;
  nationality?: string;
  documents?: { kind: string; number: string; issuer: string }[];
  eurodacReference?: string;
  unaccompaniedMinor?: boolean;
};

export function ResponsibilityRequest() {
  const { id = '' } = useParams();
  const { t, label, dateTime } = useI18n();
  const stateName = useStateName();
  const criterion = useCriterion();
  const daysLeft = useDaysLeft();
  const keyFor = useIdempotencyKeys();
  const [request, setRequest] = useState<ReceivedRequestViewBody>();
  const [error, setError] = useState<unknown>();
  const [reasons, setReasons] = useState('');
  const [reasonsError, setReasonsError] = useState<string>();
  const [done, setDone] = useState<MessageKey>();
  const load = useCallback(
    () =>
      api<ReceivedRequestViewBody>('GET', `/api/responsibility/requests/${id}`).then(setRequest, setError),
    [id],
  );
  useEffect(() => {
    load();
  }, [load]);

  async function answer(accepted: boolean, e?: FormEvent) {
    e?.preventDefault();
    if (!accepted && !reasons.trim()) {
      setReasonsError(t('error.code.reasons-required'));
      return;
    }
    setReasonsError(undefined);
    const body = accepted ? { accepted } : { accepted, reasons: reasons.trim() };
    try {
      const r = await api<ResponsibilityAnswerResultBody>(
        'POST',
        `/api/responsibility/requests/${id}/answer`,
        body,
        {
          'idempotency-key': keyFor({ id, ...body }),
        },
      );
      setDone(`requests.done.${r.status}` as MessageKey);
      setError(undefined);
    } catch (err) {
      setDone(undefined);
      setError(err);
    }
    await load();
  }

  if (!request) return error ? <ErrorNotice error={error} /> : <Loading />;
  const p = request.person as Person;
  const left = daysLeft(request);
  const takeBack = request.kind === 'take-back';
  return (
    <section className="responsibility-request">
      <p>
        <Link to="/requests">{t('requests.back')}</Link>
      </p>
      <h1>{t(`requests.heading.${request.kind}`, { from: stateName(request.fromState) })}</h1>
      <dl className="facts">
        <dt>{t('requests.received')}</dt>
        <dd>{dateTime(request.receivedAt)}</dd>
        <dt>{t('requests.due')}</dt>
        <dd className={left.overdue ? 'overdue-text' : undefined}>
          {dateTime(request.dueAt)} {left.text && `(${left.text})`}
        </dd>
        <dt>{t('requests.status')}</dt>
        <dd>{label('requests.status', request.status)}</dd>
        <dt>{t('requests.criterion')}</dt>
        <dd>{criterion(request.criterion)}</dd>
        <dt>{t('requests.evidence')}</dt>
        <dd>
          {request.evidence.length === 0 && !request.hit && '—'}
          <ul className="plain">
            {request.evidence.map((e) => (
              <li key={`${e.kind}:${e.description}`}>
                {label('requests.evidenceKind', e.kind)}: {e.description}
              </li>
            ))}
            {request.hit && (
              <li>
                {t('requests.hit', {
                  system: request.hit.system.toUpperCase(),
                  at: dateTime(request.hit.at),
                })}
              </li>
            )}
            {request.detained && <li>{t('requests.detained')}</li>}
          </ul>
        </dd>
        {request.reasons && (
          <>
            <dt>{t('requests.reasons')}</dt>
            <dd>{request.reasons}</dd>
          </>
        )}
      </dl>
      <h2>{t('requests.person')}</h2>
      <p className="muted">{t('requests.personNote')}</p>
      <dl className="facts">
        <dt>{t('requests.names')}</dt>
        <dd>{[...(p.familyNames ?? []), ...(p.givenNames ?? [])].join(', ') || '—'}</dd>
        <dt>{t('requests.birth')}</dt>
        <dd>{p.birthDate ?? p.birthYear ?? '—'}</dd>
        <dt>{t('requests.sex')}</dt>
        <dd>{p.sex ? label('requests.sex', p.sex) : '—'}</dd>
        <dt>{t('requests.nationality')}</dt>
        <dd>{p.nationality ?? '—'}</dd>
        <dt>{t('requests.documents')}</dt>
        <dd>{(p.documents ?? []).map((d) => `${d.kind} ${d.number} (${d.issuer})`).join('; ') || '—'}</dd>
        <dt>{t('requests.eurodac')}</dt>
        <dd>{p.eurodacReference ?? '—'}</dd>
        {p.unaccompaniedMinor && (
          <>
            <dt>{t('requests.minor')}</dt>
            <dd>{t('requests.yes')}</dd>
          </>
        )}
      </dl>
      {done && (
        <p className="notice notice-ok" role="status">
          {t(done)}
        </p>
      )}
      <ErrorNotice error={error} />
      {request.status === 'open' && !left.overdue && (
        <form className="card" onSubmit={(e) => answer(false, e)} noValidate>
          <h2>{t('requests.answer')}</h2>
          {takeBack ? (
            <div className="actions">
              <button type="button" onClick={() => answer(true)}>
                {t('requests.confirm')}
              </button>
            </div>
          ) : (
            <>
              <div className="actions">
                <button type="button" onClick={() => answer(true)}>
                  {t('requests.accept')}
                </button>
              </div>
              <Field label={t('requests.reasons')} error={reasonsError} hint={t('requests.reasonsHint')}>
                {(fieldId, describedBy) => (
                  <textarea
                    id={fieldId}
                    name="reasons"
                    className="reasons-text"
                    rows={4}
                    maxLength={2000}
                    aria-describedby={describedBy}
                    value={reasons}
                    onChange={(e) => setReasons(e.target.value)}
                  />
                )}
              </Field>
              <div className="actions">
                <button type="submit" className="secondary">
                  {t('requests.refuse')}
                </button>
              </div>
            </>
          )}
        </form>
      )}
    </section>
  );
}
