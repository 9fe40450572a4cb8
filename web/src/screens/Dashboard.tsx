// The dashboard: a state's figures (dashboard/Figures.tsx: totals, encounters by kind, activity, persons year
// on year and by nationality, decisions, detentions) per day, week, month or year over a chosen period — typed,
// or one of the preset periods of the state's calendar — and the access-to-asylum indicator (wishes of the
// period registered or not, overdue), which is not a public aggregate: it comes from GET /api/stats/daily.
// The public statistics page (PublicStatistics.tsx) shows the same figures as the public reads them.
import { DateTime } from 'luxon';
import { useState } from 'react';
import { MEMBER_STATES } from '../../../law/member-states.ts';
import type { DailyStatistics, Granularity } from '../../../src/api/contract.ts';
import { query } from '../api.ts';
import { useMe } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { useI18n, zoneOf } from '../i18n/i18n.tsx';
import { usePeriod } from '../period.tsx';
import { useApiAll } from '../use-api.ts';
import { Figures } from './dashboard/Figures.tsx';
import { spans } from './dashboard/figures.ts';
import { PresetButtons } from './dashboard/PresetButtons.tsx';
import { PRESETS, presetPeriod, todayIn } from './dashboard/presets.ts';
import { StateField } from './dashboard/StateField.tsx';

const GRANULARITIES = ['day', 'week', 'month', 'year'] as const satisfies readonly Granularity[];
/** Longer periods are shown per month unless another granularity is chosen. */
const DAILY_UP_TO = 92;

export function Dashboard() {
  const { t, label, number } = useI18n();
  const me = useMe();
  const union = !(me.jurisdiction in MEMBER_STATES);
  const [state, setState] = useState(union ? 'LT' : me.jurisdiction);
  const { from, to, fields: periodFields, set: setPeriod } = usePeriod();
  const [chosen, setChosen] = useState<Granularity>();
  const days = from && to ? DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1 : 0;
  const granularity: Granularity = chosen ?? (days > DAILY_UP_TO ? 'month' : 'day');
  const ready = Boolean(from && to && from <= to);
  // the presets follow the state's calendar: its zone, now
  const today = todayIn(zoneOf(state));

  // access to asylum is not published: the staff's daily statistics, a calendar year per request
  const access = useApiAll<DailyStatistics>(
    ready
      ? spans(from, to, 1).map(
          ([f, t2]) => `/api/stats/daily${query({ from: f, to: t2, state: union ? state : undefined })}`,
        )
      : undefined,
  );
  const accessSum = access.data?.reduce(
    (s, d) => ({
      asylumWishes: s.asylumWishes + d.access.asylumWishes,
      registered: s.registered + d.access.registered,
      notRegistered: s.notRegistered + d.access.notRegistered,
      registrationOverdue: s.registrationOverdue + d.access.registrationOverdue,
    }),
    { asylumWishes: 0, registered: 0, notRegistered: 0, registrationOverdue: 0 },
  );
  // over the wishes whose outcome is known (registered, or not by a deadline that has passed): a wish whose
  // deadline is still running is neither, and is not counted as a failure (issue #15)
  const known = accessSum ? accessSum.registered + accessSum.registrationOverdue : 0;
  const rate = accessSum && known > 0 ? accessSum.registered / known : undefined;

  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <form className="row filters" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.period')}>
        {union && <StateField value={state} onChange={setState} />}
        {periodFields}
        <Field label={t('dashboard.per.label')}>
          {(id) => (
            <select id={id} value={granularity} onChange={(e) => setChosen(e.target.value as Granularity)}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {label('dashboard.granularity', g)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PresetButtons
          presets={PRESETS.map((p) => {
            const period = presetPeriod(p, today);
            return {
              key: p,
              label: label('dashboard.preset', p),
              pressed: period.from === from && period.to === to,
              choose: () => {
                setPeriod(period);
                // the figures per day or month that suit the preset's length
                setChosen(undefined);
              },
            };
          })}
        />
      </form>
      {ready && (
        <Figures
          state={state}
          from={from}
          to={to}
          granularity={granularity}
          aside={
            <section className="card indicator" aria-labelledby="access-title">
              <h2 id="access-title">{t('dashboard.access')}</h2>
              {accessSum ? (
                <>
                  <p className="big">{rate === undefined ? '—' : `${number(rate * 100, 1)} %`}</p>
                  <p>
                    {t('dashboard.accessRateOf', {
                      known: number(known),
                      pending: number(accessSum.notRegistered - accessSum.registrationOverdue),
                    })}
                  </p>
                  <p>
                    {t('dashboard.accessText', {
                      wishes: number(accessSum.asylumWishes),
                      registered: number(accessSum.registered),
                      notRegistered: number(accessSum.notRegistered),
                      overdue: number(accessSum.registrationOverdue),
                    })}
                  </p>
                </>
              ) : access.error ? (
                <ErrorNotice error={access.error} />
              ) : (
                <Loading />
              )}
            </section>
          }
        />
      )}
    </section>
  );
}
