// The dashboard's two outcome tables: first-instance decisions with the recognition rate by nationality,
// and detentions by ground with their length (GET /api/public/decisions, /detentions).
import type { PublicDecisionsBody, PublicDetentionsBody } from '../../../../src/api/contract.ts';
import { Loading } from '../../components.tsx';
import { nationalityName } from '../../i18n/countries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { add, type Figure, zero } from './figures.ts';

/** First-instance decisions and the recognition rate by nationality, over the whole period. */
export function DecisionsTable(props: {
  answers: readonly PublicDecisionsBody[] | undefined;
  show: (f: Figure) => string;
  percent: (n: number) => string;
}) {
  const { t, locale } = useI18n();
  const rows = new Map<string | null, { decisions: Figure; positive: Figure }>();
  for (const a of props.answers ?? [])
    for (const r of a.rows) {
      const row = rows.get(r.nationality) ?? { decisions: zero(), positive: zero() };
      add(row.decisions, r.decisions, r.suppressed);
      add(row.positive, r.positive, r.suppressed);
      rows.set(r.nationality, row);
    }
  // all nationalities first, then by the number of decisions
  const sorted = [...rows.entries()].sort(
    ([n, a], [m, b]) =>
      (n === null ? -1 : 0) - (m === null ? -1 : 0) ||
      b.decisions.sum - a.decisions.sum ||
      (n ?? '').localeCompare(m ?? ''),
  );
  return (
    <section className="card" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('dashboard.decisions')}</h2>
      <p className="muted">{t('dashboard.decisionsText')}</p>
      {!props.answers ? (
        <Loading />
      ) : sorted.length === 0 ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('person.nationality')}</th>
              <th scope="col">{t('dashboard.decisionCount')}</th>
              <th scope="col">{t('dashboard.positive')}</th>
              <th scope="col">{t('dashboard.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(([n, r]) => {
              const known = r.decisions.hidden === 0 && r.positive.hidden === 0;
              return (
                <tr key={n ?? ''}>
                  <th scope="row">
                    {n === null
                      ? t('dashboard.allNationalities')
                      : n === 'unknown'
                        ? t('dashboard.notRecorded')
                        : `${nationalityName(locale, n, t('queue.unknownNationality'), t('nationality.stateless'))} (${n})`}
                  </th>
                  <td className="num">{props.show(r.decisions)}</td>
                  <td className="num">{props.show(r.positive)}</td>
                  <td className="num">
                    {r.decisions.sum === 0
                      ? '—'
                      : `${known ? '' : '≈ '}${props.percent(r.positive.sum / r.decisions.sum)}`}
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

/** Detentions ordered in the period by ground, with the mean length of those that ended. */
export function DetentionsTable(props: {
  answers: readonly PublicDetentionsBody[] | undefined;
  show: (f: Figure) => string;
}) {
  const { t, label, number } = useI18n();
  const rows = new Map<
    string | null,
    { ordered: Figure; ended: Figure; ongoing: Figure; days: number; measured: number }
  >();
  for (const a of props.answers ?? [])
    for (const r of a.rows) {
      const row = rows.get(r.ground) ?? {
        ordered: zero(),
        ended: zero(),
        ongoing: zero(),
        days: 0,
        measured: 0,
      };
      add(row.ordered, r.ordered, r.suppressed);
      add(row.ended, r.ended, r.suppressed);
      add(row.ongoing, r.ongoing, r.suppressed);
      // the mean of several years: weighted by the detentions that ended (when shown)
      if (r.meanDays !== null && r.ended !== null) {
        row.days += r.meanDays * r.ended;
        row.measured += r.ended;
      }
      rows.set(r.ground, row);
    }
  const sorted = [...rows.entries()].sort(
    ([g, a], [h, b]) => (g === null ? -1 : 0) - (h === null ? -1 : 0) || b.ordered.sum - a.ordered.sum,
  );
  return (
    <section className="card" aria-labelledby="detentions-title">
      <h2 id="detentions-title">{t('dashboard.detentions')}</h2>
      <p className="muted">{t('dashboard.detentionsText')}</p>
      {!props.answers ? (
        <Loading />
      ) : sorted.length === 0 ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.ground')}</th>
              <th scope="col">{t('dashboard.ordered')}</th>
              <th scope="col">{t('dashboard.ended')}</th>
              <th scope="col">{t('dashboard.ongoing')}</th>
              <th scope="col">{t('dashboard.meanDays')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(([g, r]) => (
              <tr key={g ?? ''}>
                <th scope="row">{g === null ? t('dashboard.allGrounds') : label('detentionGround', g)}</th>
                <td className="num">{props.show(r.ordered)}</td>
                <td className="num">{props.show(r.ended)}</td>
                <td className="num">{props.show(r.ongoing)}</td>
                <td className="num">
                  {r.measured === 0
                    ? '—'
                    : `${r.measured === r.ended.sum && r.ended.hidden === 0 ? '' : '≈ '}${number(r.days / r.measured, 1)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
