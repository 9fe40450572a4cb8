// Solidarity: every state's fair share of an annual pool (sortable, downloadable as CSV), and for one
// state the split between relocating and paying (AMMR Arts 66–67; EUR 20,000 per person not relocated).
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { MEMBER_STATES } from '../../../law/member-states.ts';
import type { FairSharesBody } from '../../../src/api/contract.ts';
import { csvLine } from '../../../src/domain/csv-cell.ts';
import { query } from '../api.ts';
import { useMe } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

type Row = FairSharesBody['rows'][number];
const COLUMNS = ['country', 'population', 'gdpMeur', 'key', 'relocations', 'eurCents'] as const;
type Column = (typeof COLUMNS)[number];

export function Solidarity() {
  const { t, number, eur } = useI18n();
  const me = useMe();
  const [pool, setPool] = useState('2026');
  const [sort, setSort] = useState<{ by: Column; desc: boolean }>({ by: 'key', desc: true });
  const [country, setCountry] = useState(me.jurisdiction in MEMBER_STATES ? me.jurisdiction : 'LT');
  const [percent, setPercent] = useState('50');

  const shares = useApi<FairSharesBody>(`/api/fair-shares${query({ pool })}`);
  const data = shares.data;
  const error = shares.error;
  const p = Number(percent);
  const valid = percent !== '' && p >= 0 && p <= 100;
  const splitRead = useApi<FairSharesBody>(
    valid ? `/api/fair-shares${query({ pool, country, relocate: p })}` : undefined,
  );
  const split = splitRead.data?.split;
  const splitError = splitRead.error;

  const rows = useMemo(() => {
    if (!data) return [];
    const value = (r: Row) => (sort.by === 'gdpMeur' ? Number(r.gdpMeur) : r[sort.by]);
    return [...data.rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -c : c;
    });
  }, [data, sort]);

  function downloadCsv() {
    if (!data) return;
    const lines = [
      'country,name,population,gdp_meur,key,relocations,eur',
      // the same quoting and formula-injection rule as the server's CSVs (src/domain/csv-cell.ts)
      ...rows.map((r) =>
        csvLine([
          r.country,
          r.name,
          r.population,
          r.gdpMeur,
          r.key,
          r.relocations,
          (r.eurCents / 100).toFixed(2),
        ]),
      ),
    ];
    const url = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `fair-shares-${pool}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section>
      <h1>{t('solidarity.title')}</h1>
      <p>
        <Link to="/solidarity/cycle">{t('solidarity.toCycle')}</Link> ·{' '}
        <Link to="/solidarity/simulate">{t('solidarity.toSimulator')}</Link>
      </p>
      <div className="row">
        <Field label={t('solidarity.pool')}>
          {(id) => (
            <select id={id} value={pool} onChange={(e) => setPool(e.target.value)}>
              <option value="2026">2026</option>
            </select>
          )}
        </Field>
      </div>
      <section className="card" aria-labelledby="split-title">
        <h2 id="split-title">{t('solidarity.split')}</h2>
        <div className="row">
          <Field label={t('solidarity.country')}>
            {(id) => (
              <select id={id} value={country} onChange={(e) => setCountry(e.target.value)}>
                {(data?.rows ?? []).map((r) => (
                  <option key={r.country} value={r.country}>
                    {r.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('solidarity.percent')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                max={100}
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ErrorNotice error={splitError} />
        {split && (
          <p className="split" role="status">
            {t('solidarity.splitText', {
              share: number(split.fairShare),
              relocated: number(split.relocated),
              paidFor: number(split.paidFor),
              payment: eur(split.paymentCents),
            })}
          </p>
        )}
      </section>
      <ErrorNotice error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <p>
            {t('solidarity.poolText', {
              relocations: number(data.pool.relocations),
              eur: eur(data.pool.eurCents),
              population: data.populationYear,
              gdp: data.gdpYear,
            })}
          </p>
          <button type="button" className="secondary" onClick={downloadCsv}>
            {t('solidarity.csv')}
          </button>
          <table className="sortable">
            <caption className="visually-hidden">{t('solidarity.tableCaption')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    aria-sort={sort.by === c ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        setSort((s) => ({ by: c, desc: s.by === c ? !s.desc : c !== 'country' }))
                      }
                    >
                      {t(`solidarity.col.${c}` as MessageKey)}
                      {sort.by === c ? (sort.desc ? ' ▼' : ' ▲') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.country} className={r.country === country ? 'selected' : undefined}>
                  <td>
                    {r.name} ({r.country})
                  </td>
                  <td className="num">{number(r.population)}</td>
                  <td className="num">{number(Number(r.gdpMeur), 0)}</td>
                  <td className="num">{number(r.key * 100, 3)} %</td>
                  <td className="num">{number(r.relocations)}</td>
                  <td className="num">{eur(r.eurCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.warnings.map((w) => (
            <p key={w} className="muted">
              {w}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
