// The morning queue: open obligations by due time — overdue, due within 24 hours, within 72 hours —
// filterable by obligation, place and nationality (each a list to pick from), with the case's status and the
// days overdue (counted by the server, Reg. 1182/71); an empty queue says which filters made it empty.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlaceBody, QueueItemBody, QueuePage } from '../../../src/api/contract.ts';
import { OBLIGATION_KINDS } from '../../../src/domain/case-state.ts';
import { query } from '../api.ts';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { nationalities, nationalityName } from '../i18n/countries.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

const HOUR = 3_600_000;
/** How far ahead the queue looks (the groups overdue / 24 h / 72 h / later fall inside it). */
const HORIZONS = ['72h', '7d', '30d'];

export function Queue() {
  const { t, label, dateTime, due, number, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const place = params.get('place') ?? '';
  const nationality = params.get('nationality') ?? '';
  const assigned = ['me', 'none'].includes(params.get('assigned') ?? '')
    ? (params.get('assigned') as string)
    : '';
  const horizon = HORIZONS.includes(params.get('due') ?? '') ? (params.get('due') as string) : '7d';
  const places = useApi<PlaceBody[]>('/api/places').data ?? [];
  const unknown = t('queue.unknownNationality');
  const stateless = t('nationality.stateless');
  const nationalityList = useMemo(
    () => nationalities(locale, unknown, stateless),
    [locale, unknown, stateless],
  );
  const country = (code: string) => nationalityName(locale, code, unknown, stateless);
  // a value that is not in the list (an old bookmark's "Ir") goes to the server, whose 400 says why
  const page = useApi<QueuePage>(
    `/api/queue${query({ due: horizon, limit: 1000, kind, place, nationality, assigned })}`,
  );
  const items = page.data?.items;
  const more = Boolean(page.data?.next);
  const error = page.error;

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const groups = items && page.data ? group(items, Date.parse(page.data.asOf)) : undefined;
  const horizonLabel = t(`queue.horizon.${horizon}` as MessageKey);
  /** The filters in force, in words ("Nationality: Iraq"), for the message of an empty queue. */
  const filters = [
    kind && `${t('queue.kind')}: ${label('obligation', kind)}`,
    place && `${t('queue.place')}: ${places.find((p) => p.id === place)?.name ?? place}`,
    nationality && `${t('queue.nationality')}: ${country(nationality)}`,
    assigned && `${t('queue.assigned')}: ${t(`queue.assigned.${assigned}` as MessageKey)}`,
  ].filter(Boolean);
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    for (const key of ['kind', 'place', 'nationality', 'assigned']) next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <section>
      <h1>{t('queue.title')}</h1>
      <form className="row filters" onSubmit={(e) => e.preventDefault()} aria-label={t('queue.filters')}>
        <Field label={t('queue.horizon')}>
          {(id) => (
            <select id={id} value={horizon} onChange={(e) => set('due', e.target.value)}>
              {HORIZONS.map((h) => (
                <option key={h} value={h}>
                  {t(`queue.horizon.${h}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('queue.kind')}>
          {(id) => (
            <select id={id} value={kind} onChange={(e) => set('kind', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {OBLIGATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {label('obligation', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('queue.place')}>
          {(id) => (
            <select id={id} value={place} onChange={(e) => set('place', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {places.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('queue.nationality')}>
          {(id) => (
            <select id={id} value={nationality} onChange={(e) => set('nationality', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {nationality && !nationalityList.some((n) => n.code === nationality) && (
                <option value={nationality}>{nationality}</option>
              )}
              {nationalityList.map((n) => (
                <option key={n.code} value={n.code}>
                  {n.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('queue.assigned')}>
          {(id) => (
            <select id={id} value={assigned} onChange={(e) => set('assigned', e.target.value)}>
              <option value="">{t('common.all')}</option>
              <option value="me">{t('queue.assigned.me')}</option>
              <option value="none">{t('queue.assigned.none')}</option>
            </select>
          )}
        </Field>
      </form>
      <ErrorNotice error={error} />
      {!groups && !error && <Loading />}
      {items?.length === 0 && (
        <div className="notice queue-empty" role="status">
          <p>
            {filters.length
              ? t('queue.emptyFiltered', {
                  filters: [...filters, `${t('queue.horizon')}: ${horizonLabel}`].join('; '),
                })
              : t('queue.emptyUnfiltered', { horizon: horizonLabel })}
          </p>
          {filters.length > 0 && (
            <button type="button" className="secondary" onClick={clearFilters}>
              {t('queue.clearFilters')}
            </button>
          )}
        </div>
      )}
      {groups &&
        (
          [
            ['overdue', groups.overdue],
            ['within24h', groups.within24h],
            ['within72h', groups.within72h],
            ...(horizon === '72h' ? [] : ([['later', groups.later]] as const)),
          ] as const
        ).map(([key, list]) => (
          <section key={key} className={`queue-group queue-${key}`} aria-labelledby={`queue-${key}`}>
            <h2 id={`queue-${key}`}>
              {t(`queue.${key}`, { horizon: horizonLabel })} <span className="count">({list.length})</span>
            </h2>
            {list.length === 0 ? (
              <p className="muted">{t('queue.none')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.due')}</th>
                    <th scope="col" className="num">
                      {t('queue.daysOverdue')}
                    </th>
                    <th scope="col">{t('queue.kind')}</th>
                    <th scope="col">{t('queue.status')}</th>
                    <th scope="col">{t('queue.nationality')}</th>
                    <th scope="col">{t('queue.flags')}</th>
                    <th scope="col">{t('queue.article')}</th>
                    <th scope="col">{t('queue.assignee')}</th>
                    <th scope="col">{t('queue.case')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((i) => (
                    <tr key={i.obligationId} className={i.overdue ? 'overdue' : undefined}>
                      <td>{due(i.dueAt)}</td>
                      <td className="num">
                        {i.overdue
                          ? i.daysOverdue === 0
                            ? t('queue.overdueToday')
                            : number(i.daysOverdue)
                          : ''}
                      </td>
                      <td>{label('obligation', i.kind)}</td>
                      <td>{label('status', i.status)}</td>
                      <td>{i.nationality ? country(i.nationality) : '—'}</td>
                      <td>
                        {i.flags.map((f) => (
                          <span key={f} className={`flag flag-${f}`}>
                            {label('flag', f)}
                          </span>
                        ))}
                      </td>
                      <td className="article">{i.article}</td>
                      <td className="assignee">{i.assignedTo ?? '—'}</td>
                      <td>
                        <Link to={`/cases/${i.caseId}`}>
                          {t('queue.open')} {i.caseId.slice(0, 8)}
                          <span className="visually-hidden">
                            {' '}
                            {t('queue.openCase', { what: label('obligation', i.kind), when: due(i.dueAt) })}
                          </span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      {more && <p className="notice">{t('queue.more')}</p>}
      {page.data && <p className="muted">{t('queue.asOf', { time: dateTime(page.data.asOf) })}</p>}
    </section>
  );
}

function group(items: readonly QueueItemBody[], now: number) {
  const by = {
    overdue: [] as QueueItemBody[],
    within24h: [] as QueueItemBody[],
    within72h: [] as QueueItemBody[],
    later: [] as QueueItemBody[],
  };
  for (const i of items) {
    const due = Date.parse(i.dueAt);
    if (i.overdue || due <= now) by.overdue.push(i);
    else if (due - now <= 24 * HOUR) by.within24h.push(i);
    else if (due - now <= 72 * HOUR) by.within72h.push(i);
    else by.later.push(i);
  }
  return by;
}
