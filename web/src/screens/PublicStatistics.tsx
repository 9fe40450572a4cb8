// The public statistics page (no login, /public, linked from the login page): the dashboard's figures as the
// public reads them — only through the public routes, without the session even when one exists, so whole
// months or years that have ended, small cells hidden and every count rounded to base 5
// (src/store/disclosure.ts, docs/security.md) — and downloads: each chart's figures as CSV, and the monthly
// first-time asylum applicants in Eurostat's shape (GET /api/public/eurostat/first-time-applicants.csv).
import { DateTime } from 'luxon';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Granularity } from '../../../src/api/contract.ts';
import { query } from '../api.ts';
import { Field } from '../components.tsx';
import { useI18n, zoneOf } from '../i18n/i18n.tsx';
import { Figures } from './dashboard/Figures.tsx';
import { PresetButtons } from './dashboard/PresetButtons.tsx';
import { publicPeriod, todayIn } from './dashboard/presets.ts';
import { StateField } from './dashboard/StateField.tsx';

const PER = ['month', 'year'] as const satisfies readonly Granularity[];
const PUBLIC_PRESETS = ['last-12-months', 'last-year', '2021'] as const;

export function PublicStatistics() {
  const { t, label, date } = useI18n();
  const [state, setState] = useState('LT');
  const today = todayIn(zoneOf(state));
  // the last month that has ended in the state: where the public's figures stop
  const lastMonth = DateTime.fromISO(today).minus({ months: 1 }).toFormat('yyyy-MM');
  const preset = (p: (typeof PUBLIC_PRESETS)[number]) =>
    p === 'last-12-months'
      ? { from: DateTime.fromISO(today).minus({ months: 12 }).toFormat('yyyy-MM'), to: lastMonth }
      : p === 'last-year'
        ? { from: `${Number(today.slice(0, 4)) - 1}-01`, to: `${Number(today.slice(0, 4)) - 1}-12` }
        : { from: '2021-01', to: '2021-12' };
  const [months, setMonths] = useState(() => preset('last-year'));
  const [granularity, setGranularity] = useState<Granularity>('month');
  const { from, to } = publicPeriod(months, granularity, today);
  const ready = from <= to;

  return (
    <section>
      <h1>{t('public.title')}</h1>
      <p>{t('public.intro')}</p>
      <p>
        <Link to="/">{t('public.login')}</Link> · <Link to="/public/pool">{t('pool.title')}</Link>
      </p>
      <form className="row filters" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.period')}>
        <StateField value={state} onChange={setState} />
        <Field label={t('public.fromMonth')}>
          {(id) => (
            <input
              id={id}
              type="month"
              value={months.from}
              max={months.to}
              onChange={(e) => e.target.value && setMonths({ ...months, from: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('public.toMonth')}>
          {(id) => (
            <input
              id={id}
              type="month"
              value={months.to}
              min={months.from}
              max={lastMonth}
              onChange={(e) => e.target.value && setMonths({ ...months, to: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('dashboard.per.label')}>
          {(id) => (
            <select
              id={id}
              value={granularity}
              onChange={(e) => setGranularity(e.target.value as Granularity)}
            >
              {PER.map((g) => (
                <option key={g} value={g}>
                  {label('dashboard.granularity', g)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PresetButtons
          presets={PUBLIC_PRESETS.map((p) => {
            const m = preset(p);
            return {
              key: p,
              label: p === 'last-12-months' ? t('public.last12Months') : label('dashboard.preset', p),
              pressed: m.from === months.from && m.to === months.to,
              choose: () => setMonths(m),
            };
          })}
        />
      </form>
      {ready ? (
        <>
          <p className="muted">{t('public.period', { from: date(from), to: date(to) })}</p>
          <p>
            <a
              href={`/api/public/eurostat/first-time-applicants.csv${query({
                state,
                // at most 60 months a file
                from: [
                  from.slice(0, 7),
                  DateTime.fromISO(to).minus({ months: 59 }).toFormat('yyyy-MM'),
                ].sort()[1],
                to: to.slice(0, 7),
              })}`}
              download
            >
              {t('public.eurostatCsv')}
            </a>
          </p>
          <Figures state={state} from={from} to={to} granularity={granularity} anonymous />
        </>
      ) : (
        <p className="notice" role="note">
          {t('public.nothingEnded')}
        </p>
      )}
    </section>
  );
}
