// The review of possible duplicates (issue #16): pairs of files of the state with the reasons they were
// proposed and both persons side by side; the officer decides "same person" (choosing the main file) or
// "different", and can undo a decision. The server audits each decision.

import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DuplicatePairBody } from '../../../src/api/contract.ts';
import { recordedBirthDate } from '../../../src/domain/birth-dates.ts';
import { api, query } from '../api.ts';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useStateName } from './solidarity/shared.tsx';

const STATUSES = ['open', 'same', 'different'] as const;
type Side = DuplicatePairBody['person'];

/** The reasons of a pair in words ("name that sounds alike, date of birth"). */
export function useReasons(): (reasons: readonly string[]) => string {
  const { t } = useI18n();
  return (reasons) => reasons.map((r) => t(`duplicates.reason.${r}` as MessageKey)).join(', ');
}

export function Duplicates() {
  const { t, dateTime, number } = useI18n();
  const reasons = useReasons();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'open';
  const [pairs, setPairs] = useState<DuplicatePairBody[]>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<MessageKey>();
  const [main, setMain] = useState<Record<string, string>>({});
  const load = useCallback(
    () =>
      api<DuplicatePairBody[]>('GET', `/api/duplicates${query({ status })}`).then((p) => {
        setPairs(p);
        setError(undefined);
      }, setError),
    [status],
  );
  useEffect(() => {
    setPairs(undefined);
    load();
  }, [load]);

  async function act(path: string, body: object, message: MessageKey) {
    try {
      await api('POST', path, body);
      setDone(message);
      setError(undefined);
    } catch (e) {
      setDone(undefined);
      setError(e);
    }
    await load();
  }

  return (
    <section>
      <h1>{t('duplicates.title')}</h1>
      <p className="muted">{t('duplicates.intro')}</p>
      <form className="row filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('duplicates.status')}>
          {(id) => (
            <select
              id={id}
              value={status}
              onChange={(e) => setParams(new URLSearchParams({ status: e.target.value }), { replace: true })}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`duplicates.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {done && (
        <p className="notice notice-ok" role="status">
          {t(done)}
        </p>
      )}
      <ErrorNotice error={error} />
      {!pairs && !error && <Loading />}
      {pairs?.length === 0 && <p className="notice">{t('duplicates.empty')}</p>}
      {pairs?.map((p, n) => {
        const key = `${p.caseId}/${p.otherCaseId}`;
        const chosen = main[key] ?? p.otherCaseId;
        const pair = { caseId: p.caseId, otherCaseId: p.otherCaseId };
        return (
          <article key={key} className="card duplicate-pair" aria-labelledby={`pair-${n}`}>
            <h2 id={`pair-${n}`}>
              {t('duplicates.pair', { n: n + 1 })}{' '}
              <span className="muted">{t('duplicates.score', { score: number(p.score, 2) })}</span>
            </h2>
            <p>{t('duplicates.why', { reasons: reasons(p.reasons) })}</p>
            <div className="duplicate-sides">
              <PersonColumn side={p.other} note={t('duplicates.earlier')} />
              <PersonColumn side={p.person} note={t('duplicates.newer')} />
            </div>
            {p.status === 'open' ? (
              <fieldset className="duplicate-decision">
                <legend>{t('duplicates.main')}</legend>
                {[p.otherCaseId, p.caseId].map((id) => (
                  <label key={id} className="inline">
                    <input
                      type="radio"
                      name={`main-${key}`}
                      value={id}
                      checked={chosen === id}
                      onChange={() => setMain({ ...main, [key]: id })}
                    />{' '}
                    {t('duplicates.file', { id: id.slice(0, 8) })}
                  </label>
                ))}
                <div className="actions">
                  <button
                    type="button"
                    onClick={() =>
                      act(
                        '/api/duplicates/decision',
                        { ...pair, decision: 'same', mainCaseId: chosen },
                        'duplicates.done.same',
                      )
                    }
                  >
                    {t('duplicates.same')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      act(
                        '/api/duplicates/decision',
                        { ...pair, decision: 'different' },
                        'duplicates.done.different',
                      )
                    }
                  >
                    {t('duplicates.different')}
                  </button>
                </div>
              </fieldset>
            ) : (
              <div className="actions">
                <span className="muted">
                  {t('duplicates.decidedBy', {
                    who: p.decidedBy ?? '—',
                    time: p.decidedAt ? dateTime(p.decidedAt) : '—',
                  })}
                  {p.mainCaseId && ` · ${t('duplicates.main')}: ${p.mainCaseId.slice(0, 8)}`}
                </span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => act('/api/duplicates/undo', pair, 'duplicates.done.undo')}
                >
                  {t('duplicates.undo')}
                </button>
              </div>
            )}
          </article>
        );
      })}
    </section>
  );
}

function PersonColumn({ side, note }: { side: Side; note: string }) {
  const { t, label, dateTime } = useI18n();
  const stateName = useStateName();
  const recorded = side.birthFrom
    ? recordedBirthDate(side.birthFrom, side.birthPrecision ?? 'year')
    : undefined;
  const birth = !recorded ? '—' : `${recorded.precision === 'about' ? '~' : ''}${recorded.value}`;
  const names = [side.givenNames, side.familyName].filter(Boolean).join(' ');
  return (
    <div className="duplicate-side">
      <h3>
        <Link to={`/cases/${side.caseId}`}>{t('duplicates.file', { id: side.caseId.slice(0, 8) })}</Link>{' '}
        <span className="muted">({note})</span>
      </h3>
      <dl>
        <dt>{t('duplicates.names')}</dt>
        <dd>
          {names || '—'}
          {side.aliases.length > 0 && <span className="muted"> ({side.aliases.join(', ')})</span>}
        </dd>
        <dt>{t('duplicates.birth')}</dt>
        <dd>{birth}</dd>
        <dt>{t('person.nationality')}</dt>
        <dd>{side.nationality ? stateName(side.nationality) : '—'}</dd>
        <dt>{t('person.sex')}</dt>
        <dd>{side.sex ? label('sex', side.sex) : '—'}</dd>
        <dt>{t('duplicates.documents')}</dt>
        <dd>{side.documents.length ? side.documents.join(', ') : '—'}</dd>
        <dt>{t('duplicates.eurodac')}</dt>
        <dd>{side.eurodacRef ?? '—'}</dd>
        <dt>{t('duplicates.met')}</dt>
        <dd>{dateTime(side.occurredAt)}</dd>
        <dt>{t('case.status')}</dt>
        <dd>{label('status', side.status)}</dd>
      </dl>
    </div>
  );
}
