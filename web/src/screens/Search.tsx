// Person search (issue #16): the box in the header (a `search` landmark; Enter searches) and the results
// screen /search?q=, each result with its case's short id, status, names, date of birth, nationality, why it
// matched, and a link to the case. A case id or its short id opens the case at once when one case has it.

import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { SearchAnswerBody, SearchMatchBody, SearchResultBody } from '../../../src/api/contract.ts';
import { recordedBirthDate } from '../../../src/domain/birth-dates.ts';
import { ErrorNotice, Loading } from '../components.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { useStateName } from './solidarity/shared.tsx';

/** As the server: shorter or longer queries are refused (src/domain/search-query.ts). */
const QUERY_MIN = 3;
const QUERY_MAX = 100;
/** A case id or the short id the screens show (8 hexadecimal characters or more). */
const CASE_ID = /^[0-9a-f]{8}(-?[0-9a-f]{0,4}){0,4}[0-9a-f]*$/i;

export function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const current = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  const [short, setShort] = useState(false);
  useEffect(() => setQ(current), [current]);
  function submit(e: FormEvent) {
    e.preventDefault();
    const text = q.trim();
    if (text.length < QUERY_MIN) {
      setShort(true);
      return;
    }
    setShort(false);
    navigate(`/search?q=${encodeURIComponent(text)}`);
  }
  return (
    <search className="header-search">
      <form onSubmit={submit} noValidate>
        <label htmlFor="header-search-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="header-search-q"
          type="search"
          value={q}
          maxLength={QUERY_MAX}
          placeholder={t('search.placeholder')}
          aria-describedby={short ? 'header-search-short' : undefined}
          aria-invalid={short || undefined}
          onChange={(e) => {
            setQ(e.target.value);
            setShort(false);
          }}
        />
        <button type="submit">{t('search.submit')}</button>
        {short && (
          <span id="header-search-short" className="header-search-hint" role="alert">
            {t('search.tooShort', { min: QUERY_MIN })}
          </span>
        )}
      </form>
    </search>
  );
}

/** Why a result matched, in words: "name: muhammad → mohammed (sounds alike)". */
function Why({ m }: { m: SearchMatchBody }) {
  const { t } = useI18n();
  const how = t(`search.how.${m.how}` as MessageKey);
  const field = t(`search.field.${m.field}` as MessageKey);
  if (m.field === 'name' && m.terms)
    return (
      <li>
        {field}:{' '}
        {m.terms.map((x, i) => (
          <span key={x.asked}>
            {i > 0 && ', '}
            {x.asked === x.found ? x.found : `${x.asked} → ${x.found}`} (
            {t(`search.how.${x.how}` as MessageKey)})
          </span>
        ))}
      </li>
    );
  return (
    <li>
      {field}: {how}
      {m.document && ` (${m.document.type}, ${m.document.issuingCountry})`}
    </li>
  );
}

function Born({ b }: { b: SearchResultBody['birth'] }) {
  const { t } = useI18n();
  if (!b) return <>—</>;
  const recorded = recordedBirthDate(b.from, b.precision);
  if (b.precision === 'about') return <>{t('search.about', { year: recorded.value })}</>;
  return <>{recorded.value}</>;
}

export function SearchScreen() {
  const { t, label } = useI18n();
  const stateName = useStateName();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const valid = q.length >= QUERY_MIN && q.length <= QUERY_MAX;
  const { data, error } = useApi<SearchAnswerBody>(
    valid ? `/api/search?q=${encodeURIComponent(q)}` : undefined,
  );
  // a case id, or a short id that one case of the state has: that case at once
  const only = data?.results.length === 1 ? data.results[0] : undefined;
  const opens = CASE_ID.test(q) && only?.matches.some((m) => m.field === 'caseId');
  useEffect(() => {
    if (opens && only) navigate(`/cases/${only.caseId}`, { replace: true });
  }, [opens, only, navigate]);
  const country = (code: string) => {
    const name = stateName(code);
    return name === code ? code : `${name} (${code})`;
  };
  return (
    <section>
      <h1>{t('search.title')}</h1>
      {!valid ? (
        <p className="notice">{t('search.tooShort', { min: QUERY_MIN })}</p>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : !data || opens ? (
        <Loading />
      ) : (
        <>
          <p role="status">
            {data.results.length === 0
              ? t('search.none', { q })
              : t('search.found', { count: data.results.length, q })}
          </p>
          {data.results.length > 0 && (
            <table className="search-results">
              <thead>
                <tr>
                  <th scope="col">{t('search.col.case')}</th>
                  <th scope="col">{t('search.col.name')}</th>
                  <th scope="col">{t('search.col.born')}</th>
                  <th scope="col">{t('search.col.nationality')}</th>
                  <th scope="col">{t('search.col.status')}</th>
                  <th scope="col">{t('search.col.why')}</th>
                </tr>
              </thead>
              <tbody>
                {data.results.map((r) => (
                  <tr key={r.caseId}>
                    <td>
                      <Link to={`/cases/${r.caseId}`}>
                        {r.shortId}
                        <span className="visually-hidden"> {t('search.open')}</span>
                      </Link>
                    </td>
                    <td>
                      {[r.givenNames, r.familyName].filter(Boolean).join(' ') || '—'}
                      {r.aliases.length > 0 && (
                        <div className="muted">{t('search.aliases', { names: r.aliases.join(', ') })}</div>
                      )}
                    </td>
                    <td>
                      <Born b={r.birth} />
                    </td>
                    <td>{r.nationality ? country(r.nationality) : '—'}</td>
                    <td>{label('status', r.status)}</td>
                    <td>
                      <ul className="search-why">
                        {r.matches.map((m) => (
                          <Why key={`${m.field}-${m.how}`} m={m} />
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.more && <p className="notice">{t('search.more')}</p>}
        </>
      )}
    </section>
  );
}
