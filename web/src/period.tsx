// A report period picked by the user: the last 30 days in the state's zone by default, and its two date fields.
import { DateTime } from 'luxon';
import { useState } from 'react';
import { Field } from './components.tsx';
import { useI18n } from './i18n/i18n.tsx';

export function usePeriod(days = 30) {
  const { t, zone } = useI18n();
  const [from, setFrom] = useState(
    () =>
      DateTime.now()
        .setZone(zone)
        .minus({ days: days - 1 })
        .toISODate() ?? '',
  );
  const [to, setTo] = useState(() => DateTime.now().setZone(zone).toISODate() ?? '');
  const fields = (
    <>
      <Field label={t('dashboard.from')}>
        {(id) => (
          <input id={id} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        )}
      </Field>
      <Field label={t('dashboard.to')}>
        {(id) => <input id={id} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />}
      </Field>
    </>
  );
  /** Both days at once (a preset period). */
  const set = (p: { from: string; to: string }) => {
    setFrom(p.from);
    setTo(p.to);
  };
  return { from, to, fields, set };
}
