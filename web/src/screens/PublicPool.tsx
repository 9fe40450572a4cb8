// issue 20: the 2026 Annual Solidarity Pool as adopted (Council Implementing Decision (EU) 2025/2642), public
// (/public/pool, no login): for the Union and each state what was pledged (the annex as shipped: a cell not
// found in the sources read is shown as missing, never as 0), what remains after deductions and offsets, and
// what was carried out — and the check of a claim of effective solidarity, each step shown
// (GET /api/public/pool/2026).
import { Link } from 'react-router';
import type { PoolViewBody } from '../../../src/api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useApiAll } from '../use-api.ts';

type Amounts = { relocations: number | null; financialEur: number | null; alternativesEur: number | null };

export function PublicPool() {
  const { t, number, eur } = useI18n();
  const { data, error } = useApiAll<PoolViewBody>(['/api/public/pool/2026'], true);
  const v = data?.[0];
  const n = (x: number | null) =>
    x === null ? <span className="missing">{t('pool.missing')}</span> : number(x);
  const e = (x: number | null) =>
    x === null ? <span className="missing">{t('pool.missing')}</span> : eur(x * 100);
  const cells = (a: Amounts) => (
    <>
      <td className="num">{n(a.relocations)}</td>
      <td className="num">{e(a.financialEur)}</td>
      <td className="num">{e(a.alternativesEur)}</td>
    </>
  );
  if (error) return <p role="alert">{t('pool.error')}</p>;
  if (!v) return <p>{t('pool.loading')}</p>;
  return (
    <section>
      <h1>{t('pool.title')}</h1>
      <p>
        {t('pool.intro', { relocations: number(v.headline.relocations), eur: eur(v.headline.eur * 100) })}
      </p>
      <p>
        <Link to="/public">{t('pool.statistics')}</Link>
      </p>
      {v.missingCells > 0 && <p className="notice">{t('pool.annexMissing', { n: v.missingCells })}</p>}
      <h2>{t('pool.claimHeading')}</h2>
      <p>
        {t('pool.claim', {
          relocations: number(v.claim.claim.relocations),
          eur: eur(v.claim.claim.financialEur * 100),
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('pool.step')}</th>
            <th>{t('pool.relocations')}</th>
            <th>{t('pool.financial')}</th>
            <th>{t('pool.alternatives')}</th>
          </tr>
        </thead>
        <tbody>
          {v.claim.steps.map((s) => (
            <tr key={s.label}>
              <td>
                {s.op} {s.label} <small>({s.basis})</small>
              </td>
              {s.amounts
                ? cells(s.amounts)
                : cells({ relocations: null, financialEur: null, alternativesEur: null })}
            </tr>
          ))}
          <tr>
            <th>{t('pool.effective')}</th>
            {cells(v.claim.effective ?? { relocations: null, financialEur: null, alternativesEur: null })}
          </tr>
        </tbody>
      </table>
      <p role="status">
        {v.claim.complete
          ? t('pool.claimDifference', {
              relocations: number(v.claim.difference?.relocations ?? 0),
              eur: eur((v.claim.difference?.financialEur ?? 0) * 100),
            })
          : t('pool.claimIncomplete', {
              n: v.claim.needs.length,
              states: [...new Set(v.claim.needs.map((m) => m.state))].join(', '),
            })}
      </p>
      <h2>{t('pool.statesHeading')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-scroll" aria-label={t('pool.statesHeading')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th rowSpan={2}>{t('pool.state')}</th>
              <th colSpan={3}>{t('pool.pledged')}</th>
              <th colSpan={3}>{t('pool.afterDeductions')}</th>
              <th rowSpan={2}>{t('pool.offsets')}</th>
              <th colSpan={3}>{t('pool.carriedOut')}</th>
            </tr>
            <tr>
              {['p', 'd', 'c'].flatMap((g) => [
                <th key={`${g}r`}>{t('pool.relocations')}</th>,
                <th key={`${g}f`}>{t('pool.financial')}</th>,
                <th key={`${g}a`}>{t('pool.alternatives')}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>{t('pool.union')}</th>
              {cells(v.union.pledged)}
              {cells(v.union.afterDeductions)}
              <td className="num">{n(v.union.offsets)}</td>
              {cells(v.union.carriedOut)}
            </tr>
            {v.states.map((s) => (
              <tr key={s.state}>
                <td>
                  {s.state}
                  {s.benefitting ? ` · ${t('pool.benefitting')}` : ''}
                  {s.deductionEligible ? ` · ${t('pool.deductionEligible')}` : ''}
                </td>
                {cells(s.pledged)}
                {cells(s.afterDeductions)}
                <td className="num">{n(s.offsets)}</td>
                {cells(s.carriedOut)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ul>
        {v.notes.map((note) => (
          <li key={note}>
            <small>{note}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
