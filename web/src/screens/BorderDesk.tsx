// The border desk: record an encounter fast. Place and time are defaulted, one line per identified person,
// and the answer names every obligation the encounter started ("registration due by 27 Nov, 14:00").
// Issue 19: Record keeps the encounter in the outbox on this device (web/src/outbox) with its own id and
// Idempotency-Key, and the outbox sends it: the answer is shown when it comes within a moment (a refusal
// loads it back into the form with the reasons at their fields), else it is kept and sent when the network
// is back. Today's encounters and their states are listed under the form (DeskOutbox.tsx).
import { DateTime } from 'luxon';
import { type FormEvent, Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { EncounterInput, PlaceBody } from '../../../src/api/contract.ts';
import { ageRange, type BirthDate } from '../../../src/domain/identity.ts';
import { ENCOUNTER_KINDS, type EncounterKind } from '../../../src/domain/vocabulary.ts';
import { ApiError } from '../api.ts';
import { useAuth, useMe } from '../auth.tsx';
import { ErrorNotice, Field } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { randomId } from '../ids.ts';
import { localNow, toInstant } from '../local-time.ts';
import { type OutboxItem, ownerKey } from '../outbox/item.ts';
import { settled } from '../outbox/store.ts';
import { useOutbox } from '../outbox/use-outbox.tsx';
import { useApi } from '../use-api.ts';
import { Confirmation, Kept } from './DeskConfirmation.tsx';
import { DeskIdentityFields, type DeskIdentityInput, identityBody, NO_IDENTITY } from './DeskIdentity.tsx';
import { DeskOutbox, refusalError } from './DeskOutbox.tsx';
import { ForceFields, type ForceInput, forceBody, NO_FORCE } from './ForceFields.tsx';
import { NO_REFUSAL, RefusalFields, type RefusalInput, refusalBody } from './RefusalFields.tsx';

interface PersonLine {
  nationality: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  birthYear: string;
  minor: boolean;
  unaccompanied: boolean;
  asylumWish: boolean;
  /** names, date of birth, a document: optional, collapsed (DeskIdentity.tsx) */
  identity: DeskIdentityInput;
}

const blankPerson = (nationality = ''): PersonLine => ({
  nationality,
  sex: 'unknown',
  birthYear: '',
  minor: false,
  unaccompanied: false,
  asylumWish: false,
  identity: NO_IDENTITY,
});

/** Whether the typed date of birth allows an age under 18 today in the state's zone. */
function mayBeMinor(i: DeskIdentityInput, zone: string): boolean {
  const b = identityBody(i)?.birthDate;
  if (!b || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(b.value)) return false;
  const today = DateTime.now().setZone(zone).toISODate() ?? '';
  return ageRange(b as BirthDate, today).min < 18;
}

/** What the form held when Record was pressed: kept with the outbox item (until recorded) to correct it. */
interface DeskDraft {
  placeId: string;
  occurredAt: string;
  kind: EncounterKind;
  groupSize: string;
  persons: PersonLine[];
  force: ForceInput;
  refusal: RefusalInput;
  ref: string;
}

/** How long Record waits for the server's answer before saying the encounter is kept on this device. */
const A_MOMENT_MS = 2_000;

const newRef = (state: string, zone: string) =>
  `${state}-${DateTime.now().setZone(zone).toFormat('yyyyLLdd-HHmmss')}-${randomId().slice(0, 4)}`;

export function BorderDesk() {
  const { t, label, zone } = useI18n();
  const words = useErrorWords();
  const me = useMe();
  const { may } = useAuth();
  const placesRead = useApi<PlaceBody[]>('/api/places');
  const places = (placesRead.data ?? []).filter((p) => p.open);
  // the place last used on this device, in this state, while it is open
  const placeKey = `pact.desk.place.${me.jurisdiction}`;
  const [chosenPlace, setPlaceId] = useState(() => localStorage.getItem(placeKey) ?? '');
  const placeId = places.some((p) => p.id === chosenPlace) ? chosenPlace : '';
  const [occurredAt, setOccurredAt] = useState(() => localNow(zone));
  const [kind, setKind] = useState<EncounterKind>('apprehended-irregular-crossing');
  const [groupSize, setGroupSize] = useState('1');
  const [persons, setPersons] = useState<PersonLine[]>([blankPerson()]);
  const [force, setForce] = useState<ForceInput>(NO_FORCE);
  // issue 18: the refusal's reasons, for an encounter of kind entry-prevented-refused (RefusalFields.tsx)
  const [refusal, setRefusal] = useState<RefusalInput>(NO_REFUSAL);
  const [ref, setRef] = useState(() => newRef(me.jurisdiction, zone));
  const outbox = useOutbox();
  // issue 19: the refused outbox item being corrected in the form (Record replaces it: same id, new key)
  const [correcting, setCorrecting] = useState<string>();
  // the time field follows the clock until the guard changes it
  const [timeTouched, setTimeTouched] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // the last encounter recorded from this form: its outbox item is followed live (waiting → recorded)
  const [last, setLast] = useState<{ id: string; persons: { nationality: string }[]; kind: EncounterKind }>();
  const lastItem = last && outbox.items?.find((i) => i.id === last.id);
  // lines whose nationality was left empty when Record was pressed: unknown and stateless are chosen, not
  // assumed (XX, XS)
  const [noNationality, setNoNationality] = useState<number[]>([]);

  const size = Number(groupSize) || 0;
  const place = places.find((p) => p.id === placeId);
  const setPerson = (i: number, change: Partial<PersonLine>) =>
    setPersons((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));

  /** Loads a refused encounter back into the form, with the server's reasons at their fields. */
  function load(item: OutboxItem) {
    const d = item.draft as DeskDraft | undefined;
    if (!d) return;
    setPlaceId(d.placeId);
    setOccurredAt(d.occurredAt);
    setTimeTouched(true);
    setKind(d.kind);
    setGroupSize(d.groupSize);
    setPersons(d.persons);
    setForce(d.force);
    setRefusal(d.refusal);
    setRef(d.ref);
    setCorrecting(item.id);
    setError(item.refusal ? refusalError(item.refusal) : undefined);
    document.querySelector('h1')?.scrollIntoView();
  }

  /** Ready for the next group: same place and kind, a new reference. */
  function clear() {
    setRef(newRef(me.jurisdiction, zone));
    setPersons([blankPerson()]);
    setGroupSize('1');
    setForce(NO_FORCE);
    setRefusal(NO_REFUSAL);
    setOccurredAt(localNow(zone));
    setTimeTouched(false);
    setCorrecting(undefined);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const empty = persons.flatMap((p, i) => (p.nationality.trim() ? [] : [i]));
    setNoNationality(empty);
    if (empty.length > 0) return;
    setBusy(true);
    setError(undefined);
    // the time of the encounter is when Record was pressed (or what the guard typed), not when it is sent
    const local = timeTouched ? occurredAt : localNow(zone);
    const iso = toInstant(local, zone);
    const body: EncounterInput = {
      ref: ref.trim(),
      state: me.jurisdiction as EncounterInput['state'],
      ...(placeId ? { placeId } : {}),
      occurredAt: iso,
      kind,
      groupSize: size,
      persons: persons.map((p) => ({
        ...(p.nationality ? { nationality: p.nationality.trim().toUpperCase() } : {}),
        sex: p.sex,
        ...(p.birthYear ? { birthYear: Number(p.birthYear) } : {}),
        minor: p.minor,
        unaccompanied: p.unaccompanied,
        ...(identityBody(p.identity) ? { identity: identityBody(p.identity) } : {}),
        ...(p.asylumWish
          ? {
              asylumWish: { at: iso, where: place?.name ?? t('desk.atTheBorder'), to: t('desk.borderGuard') },
            }
          : {}),
      })),
      ...forceBody(force),
      ...(kind === 'entry-prevented-refused' ? refusalBody(refusal) : {}),
    };
    const draft: DeskDraft = {
      placeId,
      occurredAt: local,
      kind,
      groupSize,
      persons,
      force,
      refusal,
      ref,
    };
    try {
      let id = correcting;
      if (id) await outbox.replace(id, body, draft);
      else id = await outbox.record(body, draft);
      if (placeId) localStorage.setItem(placeKey, placeId);
      // online, the answer usually comes within a moment: a refusal then stays in the form to correct
      const answer = navigator.onLine ? await settled(id, ownerKey(me), A_MOMENT_MS) : undefined;
      if (answer?.state === 'refused') {
        setCorrecting(id);
        setOccurredAt(local);
        setTimeTouched(true);
        setError(answer.refusal ? refusalError(answer.refusal) : undefined);
        setLast(undefined);
      } else {
        setLast({ id, persons: persons.map((p) => ({ nationality: p.nationality })), kind });
        clear();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fe = error instanceof ApiError ? error : undefined;
  const reason = (field: string) => {
    const e = fe?.fieldError(field);
    return e && words.reason(e);
  };
  /** The words for a field the server names ("body/persons/1/birthYear" → "Year of birth of person 2"). */
  const fieldName = (path: string): string => {
    const p = path.replace(/^(body|headers)\//, '');
    const person = /^persons\/(\d+)\/(\w+)/.exec(p);
    if (person) {
      const key = `person.${person[2]}Of` as MessageKey;
      return key in en ? t(key, { n: Number(person[1]) + 1 }) : p;
    }
    const top: Record<string, MessageKey> = {
      placeId: 'desk.place',
      occurredAt: 'desk.time',
      kind: 'desk.kind',
      groupSize: 'desk.groupSize',
      persons: 'desk.personsField',
      ref: 'desk.ref',
      'force/kind': 'desk.forceKind',
      'force/kindOther': 'desk.forceKindOther',
      'force/reason': 'desk.forceReason',
      refusal: 'desk.refusalReasons',
      'refusal/reasons': 'desk.refusalReasons',
      'refusal/comments': 'desk.refusalComments',
      'refusal/directedTo': 'desk.directedTo',
    };
    const key = top[p];
    return key ? t(key, { zone }) : p === 'idempotency-key' ? t('desk.submit') : p;
  };
  return (
    <section>
      <h1>{t('desk.title')}</h1>
      {last && lastItem?.state === 'recorded' && lastItem.result && (
        <Confirmation result={lastItem.result} persons={last.persons} kind={last.kind} />
      )}
      {last && lastItem && lastItem.state !== 'recorded' && <Kept state={lastItem.state} />}
      {placesRead.data && places.length === 0 && (
        // a fresh installation: say what is missing, rather than offer an empty list
        <p className="notice" role="status">
          {placesRead.data.length === 0
            ? t('desk.noPlacesSetUp', { state: me.jurisdiction })
            : t('desk.noOpenPlaces', { state: me.jurisdiction })}{' '}
          {may('setup.manage') && <Link to="/setup">{t('desk.openSetup')}</Link>}
        </p>
      )}
      <form onSubmit={submit} className="card" noValidate>
        <ErrorNotice error={error ?? placesRead.error} fieldName={fieldName} />
        <div className="row">
          <Field label={t('desk.place')} error={reason('placeId')}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={placeId}
                onChange={(e) => setPlaceId(e.target.value)}
              >
                <option value="">{t('desk.noPlace')}</option>
                {places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('desk.time', { zone })} error={reason('occurredAt')}>
            {(id, d) => (
              <input
                id={id}
                type="datetime-local"
                required
                aria-describedby={d}
                value={occurredAt}
                onChange={(e) => {
                  setOccurredAt(e.target.value);
                  setTimeTouched(true);
                }}
              />
            )}
          </Field>
          <Field label={t('desk.kind')} error={reason('kind')}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={kind}
                onChange={(e) => setKind(e.target.value as EncounterKind)}
              >
                {ENCOUNTER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {label('kind', k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('desk.groupSize')} error={reason('groupSize')}>
            {(id, d) => (
              <input
                id={id}
                type="number"
                min={1}
                max={10000}
                inputMode="numeric"
                required
                aria-describedby={d}
                value={groupSize}
                onChange={(e) => setGroupSize(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{t('desk.persons', { n: persons.length, size })}</legend>
          {reason('persons') && (
            <p className="error" role="alert">
              {reason('persons')}
            </p>
          )}
          <table className="persons">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('person.nationality')}</th>
                <th scope="col">{t('person.sex')}</th>
                <th scope="col">{t('person.birthYear')}</th>
                <th scope="col">{t('person.minor')}</th>
                <th scope="col">{t('person.unaccompanied')}</th>
                <th scope="col">{t('person.asylumWish')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('desk.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {persons.map((p, i) => {
                const err = (f: string) =>
                  reason(`persons/${i}/${f}`) ??
                  (f === 'nationality' && noNationality.includes(i)
                    ? t('desk.nationalityRequired')
                    : undefined);
                const n = i + 1;
                const idErr = (f: string) => reason(`persons/${i}/identity/${f}`);
                const identityOpen =
                  p.identity.open ||
                  !!fe?.errors.some((e) => e.field.startsWith(`body/persons/${i}/identity/`));
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
                  <Fragment key={i}>
                    <tr>
                      <td>
                        {n}{' '}
                        <button
                          type="button"
                          className="link"
                          aria-expanded={identityOpen}
                          aria-label={t('desk.identityOf', { n })}
                          onClick={() => setPerson(i, { identity: { ...p.identity, open: !identityOpen } })}
                        >
                          {t('desk.identity')}
                        </button>
                      </td>
                      <td>
                        <input
                          aria-label={t('person.nationalityOf', { n })}
                          className="code"
                          maxLength={2}
                          list="nationalities"
                          value={p.nationality}
                          aria-invalid={err('nationality') ? true : undefined}
                          onChange={(e) => setPerson(i, { nationality: e.target.value.toUpperCase() })}
                        />
                        {err('nationality') && <small className="error">{err('nationality')}</small>}
                      </td>
                      <td>
                        <select
                          aria-label={t('person.sexOf', { n })}
                          value={p.sex}
                          onChange={(e) => setPerson(i, { sex: e.target.value as PersonLine['sex'] })}
                        >
                          {(['unknown', 'female', 'male', 'other'] as const).map((s) => (
                            <option key={s} value={s}>
                              {label('sex', s)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          aria-label={t('person.birthYearOf', { n })}
                          className="year"
                          inputMode="numeric"
                          value={p.birthYear}
                          aria-invalid={err('birthYear') ? true : undefined}
                          onChange={(e) => {
                            const y = e.target.value.replace(/\D/g, '').slice(0, 4);
                            // born in year y, the person may still be (this year - y - 1) years old: a minor if
                            // that is under 18 (in doubt, a minor); a year never clears the box by itself
                            const youngest = y.length === 4 ? DateTime.now().year - Number(y) - 1 : undefined;
                            setPerson(i, {
                              birthYear: y,
                              ...(youngest !== undefined && youngest < 18 ? { minor: true } : {}),
                            });
                          }}
                        />
                        {err('birthYear') && <small className="error">{err('birthYear')}</small>}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('person.minorOf', { n })}
                          checked={p.minor}
                          onChange={(e) =>
                            setPerson(i, {
                              minor: e.target.checked,
                              ...(e.target.checked ? {} : { unaccompanied: false }),
                            })
                          }
                        />
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('person.unaccompaniedOf', { n })}
                          checked={p.unaccompanied}
                          disabled={!p.minor}
                          onChange={(e) => setPerson(i, { unaccompanied: e.target.checked })}
                        />
                        {err('unaccompanied') && <small className="error">{err('unaccompanied')}</small>}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('person.asylumWishOf', { n })}
                          checked={p.asylumWish}
                          onChange={(e) => setPerson(i, { asylumWish: e.target.checked })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link remove"
                          aria-label={t('desk.removeOf', { n })}
                          onClick={() => setPersons((ps) => ps.filter((_, j) => j !== i))}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                    {identityOpen && (
                      <tr className="desk-identity-row">
                        <td colSpan={8}>
                          <DeskIdentityFields
                            n={n}
                            value={p.identity}
                            onChange={(change) => {
                              const identity = { ...p.identity, ...change };
                              // as with the year: a date that may make the person under 18 ticks the box
                              // (the server flags the case anyway: APR Art. 25(2)); it never clears it
                              setPerson(i, {
                                identity,
                                ...(mayBeMinor(identity, zone) ? { minor: true } : {}),
                              });
                            }}
                            reason={idErr}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          <datalist id="nationalities">
            {['IQ', 'SY', 'AF', 'IR', 'YE', 'SO', 'ER', 'CM', 'CD', 'NG', 'XX', 'XS'].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => setPersons((ps) => [...ps, blankPerson(ps[ps.length - 1]?.nationality)])}
            >
              {t('desk.addPerson')}
            </button>
            {size > persons.length && size <= 100 && (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  setPersons((ps) => [
                    ...ps,
                    ...Array.from({ length: size - ps.length }, () =>
                      blankPerson(ps[ps.length - 1]?.nationality),
                    ),
                  ])
                }
              >
                {t('desk.fillPersons', { n: size })}
              </button>
            )}
          </div>
        </fieldset>
        <ForceFields value={force} onChange={setForce} reason={reason} />
        {kind === 'entry-prevented-refused' && (
          <RefusalFields value={refusal} onChange={setRefusal} reason={reason} />
        )}
        <Field label={t('desk.ref')} error={reason('ref')} hint={t('desk.refHint')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} value={ref} onChange={(e) => setRef(e.target.value)} />
          )}
        </Field>
        {correcting && <p className="muted">{t('outbox.resend')}</p>}
        <button type="submit" disabled={busy}>
          {t('desk.submit')}
        </button>
      </form>
      <DeskOutbox onCorrect={load} fieldName={fieldName} correcting={correcting} />
    </section>
  );
}
