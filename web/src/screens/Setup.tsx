// The set-up of a state's installation (its administrators): a checklist of what a fresh installation
// lacks, each item done or missing. Places are loaded here (the set shipped for the state, or a CSV of the
// same columns; a file with a bad line is refused whole, every bad line named). The national choices of the
// law are national law, recorded in the law files with their citation: shown here, changed there.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router';
import type { PlaceBody, SetupBody } from '../../../src/api/contract.ts';
import { PLACE_KINDS } from '../../../src/domain/vocabulary.ts';
import { ApiError, api } from '../api.ts';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

type Choice = SetupBody['national']['choices'][number];
const INTL_UNITS: Readonly<Record<string, string>> = {
  hours: 'hour',
  days: 'day',
  weeks: 'week',
  months: 'month',
  years: 'year',
};

/** A calendar date (YYYY-MM-DD) as it is, in the chosen language: no time zone to shift it. */
function useCalendarDate(): (iso: string) => string {
  const { locale } = useI18n();
  const f = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (iso) => f.format(new Date(`${iso}T00:00:00Z`));
}

function Status({ done }: { done: boolean }) {
  const { t } = useI18n();
  return (
    <span className={done ? 'status status-done' : 'status status-missing'}>
      {done ? t('setup.done') : t('setup.missing')}
    </span>
  );
}

export function Setup() {
  const { t } = useI18n();
  const [setup, setSetup] = useState<SetupBody>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => api<SetupBody>('GET', '/api/setup').then(setSetup, setError), []);
  useEffect(() => {
    load();
  }, [load]);
  if (!setup) return error ? <ErrorNotice error={error} /> : <Loading />;
  const items = [setup.places.done, setup.national.done];
  const done = items.filter(Boolean).length;
  return (
    <section>
      <h1>{t('setup.title', { state: setup.state })}</h1>
      <p className={setup.complete ? 'notice notice-ok' : 'notice'}>
        {setup.complete ? t('setup.complete') : t('setup.progress', { done, total: items.length })}
      </p>
      <ol className="checklist">
        <PlacesItem setup={setup} reload={load} />
        <NationalItem setup={setup} />
        <CalendarItem setup={setup} />
      </ol>
    </section>
  );
}

function PlacesItem({ setup, reload }: { setup: SetupBody; reload: () => Promise<unknown> }) {
  const { t, label, number } = useI18n();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [loaded, setLoaded] = useState<{ loaded: number; count: number }>();
  const { places, state } = setup;
  // the places as they stand, again after each load (each load gives a new `setup`)
  const [list, setList] = useState<PlaceBody[]>();
  useEffect(() => {
    if (places.count > 0) api<PlaceBody[]>('GET', '/api/places').then(setList, setError);
  }, [places]);

  async function send(body: { source: 'shipped' } | { source: 'file'; csv: string }) {
    setBusy(true);
    setError(undefined);
    setLoaded(undefined);
    try {
      setLoaded(await api<{ loaded: number; count: number }>('POST', '/api/places/import', body));
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function upload(e: FormEvent) {
    e.preventDefault();
    if (file) await send({ source: 'file', csv: await file.text() });
  }
  const lines = error instanceof ApiError ? error.errors.map((x) => x.reason) : [];
  const kinds = PLACE_KINDS.filter((k) => places.byKind[k] > 0)
    .map((k) => `${label('placeKind', k)}: ${number(places.byKind[k])}`)
    .join(', ');
  return (
    <li className="card">
      <h2>
        {t('setup.places')} <Status done={places.done} />
      </h2>
      <p>
        {places.done
          ? t('setup.placesDone', { n: number(places.count), open: number(places.open), kinds })
          : t('setup.placesMissing', { state })}
      </p>
      {loaded && (
        <p className="notice notice-ok" role="status">
          {t('setup.placesLoaded', { n: number(loaded.loaded), count: number(loaded.count), state })}
        </p>
      )}
      {lines.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{t('setup.fileRefused', { n: lines.length })}</p>
          <ul>
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorNotice error={error} />
      )}
      {places.shipped && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => send({ source: 'shipped' })}>
            {places.done
              ? t('setup.reloadShipped', { n: places.shipped.count })
              : t('setup.loadShipped', { n: places.shipped.count, state })}
          </button>
          <span className="hint">{t('setup.shippedFrom', { file: places.shipped.file })}</span>
        </div>
      )}
      <form onSubmit={upload} className="row">
        <Field label={t('setup.uploadLabel')} hint={t('setup.uploadHint')}>
          {(id, d) => (
            <input
              id={id}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={d}
              onChange={(e) => setFile(e.target.files?.[0])}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy || !file}>
            {t('setup.uploadSubmit')}
          </button>
        </div>
      </form>
      {list && list.length > 0 && (
        <details>
          <summary>{t('setup.placesList', { n: number(list.length) })}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('setup.placeId')}</th>
                <th scope="col">{t('setup.placeKind')}</th>
                <th scope="col">{t('setup.placeName')}</th>
                <th scope="col">{t('setup.placeOpen')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>{p.id}</td>
                  <td>{label('placeKind', p.kind)}</td>
                  <td>{p.name}</td>
                  <td>{p.open ? t('setup.yes') : t('setup.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </li>
  );
}

function NationalItem({ setup }: { setup: SetupBody }) {
  const { t, label, locale } = useI18n();
  const date = useCalendarDate();
  const period = (p: { amount: number; unit: string }) => {
    const unit = INTL_UNITS[p.unit];
    return unit
      ? new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(p.amount)
      : `${p.amount} ${p.unit}`;
  };
  const { national, state } = setup;
  const name = (c: Choice) => {
    const text = label('nationalChoice', c.within);
    return text === c.within ? c.description : text;
  };
  return (
    <li className="card">
      <h2>
        {t('setup.national')} <Status done={national.done} />
      </h2>
      <p>{t('setup.nationalIntro', { state })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('setup.choice')}</th>
            <th scope="col">{t('setup.range')}</th>
            <th scope="col">{t('setup.choiceOf', { state })}</th>
          </tr>
        </thead>
        <tbody>
          {national.choices.map((c) => (
            <tr key={c.name}>
              <td>
                {name(c)}
                <div className="article">{c.rangeCitation}</div>
              </td>
              <td>{t('setup.rangeValue', { min: period(c.range.min), max: period(c.range.max) })}</td>
              <td>
                {c.value ? (
                  <>
                    {period(c.value)}
                    <div className="article">
                      {t('setup.since', { date: date(c.value.since) })} · {c.value.citation}
                    </div>
                  </>
                ) : (
                  <strong>{t('setup.notRecorded')}</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {t('setup.nationalHow', { file: national.file })} <code>{national.command}</code>
      </p>
    </li>
  );
}

function CalendarItem({ setup }: { setup: SetupBody }) {
  const { t, lang } = useI18n();
  const date = useCalendarDate();
  const { calendar } = setup;
  return (
    <li className="card">
      <h2>
        {t('setup.calendar')} <Status done />
      </h2>
      <p>{t('setup.calendarIntro', { zone: calendar.zone })}</p>
      <details>
        <summary>
          {t('setup.holidays', { years: calendar.years.join(', '), n: calendar.holidays.length })}
        </summary>
        <ul>
          {calendar.holidays.map((h) => (
            <li key={h.date}>
              {date(h.date)}: {h.names[lang]}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/**
 * Where a state's administrator lands: the set-up while the state has no places (what a fresh installation
 * needs first, and what the administrator can do here), otherwise `home`.
 */
export function SetupFirst({ home }: { home: string }) {
  const read = useApi<SetupBody>('/api/setup');
  if (!read.data && !read.error) return <Loading />;
  return <Navigate to={read.data && !read.data.places.done ? '/setup' : home} replace />;
}

/** A line on the administrator's home while the set-up is not complete, with a link to it. */
export function SetupReminder() {
  const { t } = useI18n();
  const read = useApi<SetupBody>('/api/setup');
  if (!read.data || read.data.complete) return null;
  const missing = [
    read.data.places.done ? '' : t('setup.places'),
    read.data.national.done ? '' : t('setup.national'),
  ].filter(Boolean);
  return (
    <p className="notice">
      {t('setup.reminder', { missing: missing.join(', ') })} <Link to="/setup">{t('setup.open')}</Link>
    </p>
  );
}
