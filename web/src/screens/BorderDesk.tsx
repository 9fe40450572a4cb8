// The border desk: record an encounter fast. Place and time are defaulted, one line per identified person,
// and the answer names every obligation the encounter started ("registration due by 27 Nov, 14:00").
// Issue 19: Record keeps the encounter in the outbox on this device (web/src/outbox) with its own id and
// Idempotency-Key, and the outbox sends it: the answer is shown when it comes within a moment (a refusal
// loads it back into the form with the reasons at their fields), else it is kept and sent when the network
// is back. Today's encounters and their states are listed under the form (DeskOutbox.tsx).
import { DateTime } from 'luxon';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { EncounterInput, PlaceBody } from '../../../src/api/contract.ts';
import { BORDER_ENCOUNTER_KINDS, type EncounterKind } from '../../../src/domain/vocabulary.ts';
import { ApiError } from '../api.ts';
import { useAuth, useMe } from '../auth.tsx';
import { ErrorNotice, Field, Question } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { randomId } from '../ids.ts';
import { localNow, toInstant } from '../local-time.ts';
import { type OutboxItem, ownerKey } from '../outbox/item.ts';
import { settled } from '../outbox/store.ts';
import { useOutbox } from '../outbox/use-outbox.tsx';
import { useApi } from '../use-api.ts';
import { useClockOff } from '../use-clock-off.ts';
import { Confirmation, Kept } from './DeskConfirmation.tsx';
import { DeskOutbox, refusalError } from './DeskOutbox.tsx';
import { DeskPersons } from './DeskPersons.tsx';
import { DeskSamePerson } from './DeskSamePerson.tsx';
import {
  blankPerson,
  type GroupDefaults,
  NO_GROUP,
  type PersonLine,
  personsBody,
  withoutNationality,
} from './desk-persons.ts';
import { ForceFields, type ForceInput, forceBody, NO_FORCE } from './ForceFields.tsx';
import { NO_REFUSAL, RefusalFields, type RefusalInput, refusalBody } from './RefusalFields.tsx';

/** What the form held when Record was pressed: kept with the outbox item (until recorded) to correct it. */
interface DeskDraft {
  placeId: string;
  occurredAt: string;
  kind: EncounterKind;
  groupSize: string;
  persons: PersonLine[];
  group: GroupDefaults;
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
  // issue 19: nationality, sex and year of birth for the whole group, overridden per person (desk-persons.ts)
  const [group, setGroup] = useState(NO_GROUP);
  const [force, setForce] = useState<ForceInput>(NO_FORCE);
  // issue 18: the refusal's reasons, for an encounter of kind entry-prevented-refused (RefusalFields.tsx)
  const [refusal, setRefusal] = useState<RefusalInput>(NO_REFUSAL);
  const [ref, setRef] = useState(() => newRef(me.jurisdiction, zone));
  const outbox = useOutbox();
  // issue 19: this tablet's clock against the server's (the time of each encounter is taken from it)
  const clockOff = useClockOff();
  // issue 19: the refused outbox item being corrected in the form (Record replaces it: same id, new key)
  const [correcting, setCorrecting] = useState<string>();
  // the time field follows the clock until the guard changes it
  const [timeTouched, setTimeTouched] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // the last encounter recorded from this form: its outbox item is followed live (waiting → recorded)
  const [last, setLast] = useState<{
    id: string;
    persons: NonNullable<EncounterInput['persons']>;
    kind: EncounterKind;
  }>();
  const lastItem = last && outbox.items?.find((i) => i.id === last.id);
  // lines whose nationality was left empty when Record was pressed: unknown and stateless are chosen, not
  // assumed (XX, XS)
  const [noNationality, setNoNationality] = useState<number[]>([]);

  const size = Number(groupSize) || 0;
  const place = places.find((p) => p.id === placeId);

  /** Loads a refused encounter back into the form, with the server's reasons at their fields. */
  // a refused item asked for while the form holds a group not recorded yet: the guard says which to keep
  const [pendingLoad, setPendingLoad] = useState<OutboxItem>();
  const typedSomething =
    groupSize !== '1' ||
    JSON.stringify(group) !== JSON.stringify(NO_GROUP) ||
    JSON.stringify(persons) !== JSON.stringify([blankPerson()]);

  function load(item: OutboxItem, confirmed = false) {
    const d = item.draft as DeskDraft | undefined;
    if (!d) return;
    if (!confirmed && typedSomething && correcting !== item.id) {
      setPendingLoad(item);
      return;
    }
    setPendingLoad(undefined);
    setPlaceId(d.placeId);
    setOccurredAt(d.occurredAt);
    setTimeTouched(true);
    setKind(d.kind);
    setGroupSize(d.groupSize);
    setPersons(d.persons);
    setGroup(d.group ?? NO_GROUP);
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
    setGroup(NO_GROUP);
    setGroupSize('1');
    setForce(NO_FORCE);
    setRefusal(NO_REFUSAL);
    setOccurredAt(localNow(zone));
    setTimeTouched(false);
    setCorrecting(undefined);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const empty = withoutNationality(persons, group);
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
      persons: personsBody(persons, group, {
        at: iso,
        where: place?.name ?? t('desk.atTheBorder'),
        to: t('desk.borderGuard'),
      }),
      ...forceBody(force),
      ...(kind === 'entry-prevented-refused' ? refusalBody(refusal) : {}),
    };
    const draft: DeskDraft = {
      placeId,
      occurredAt: local,
      kind,
      groupSize,
      persons,
      group,
      force,
      refusal,
      ref,
    };
    try {
      let id = correcting;
      if (id) id = await outbox.replace(id, body, draft);
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
        setLast({ id, persons: body.persons ?? [], kind });
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
    // a person's identity: persons/0/identity/familyName, persons/0/identity/documents/0/number
    const identity = /^persons\/(\d+)\/identity\/(?:documents\/\d+\/)?(\w+)/.exec(p);
    const identityKeys: Record<string, MessageKey> = {
      familyName: 'person.familyNameOf',
      givenNames: 'person.givenNamesOf',
      birthDate: 'person.birthDateOf',
      type: 'person.documentTypeOf',
      number: 'person.documentNumberOf',
      issuingCountry: 'person.documentCountryOf',
    };
    const identityKey = identity?.[2] ? identityKeys[identity[2]] : undefined;
    if (identity && identityKey) return t(identityKey, { n: Number(identity[1]) + 1 });
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
      {clockOff !== undefined && (
        <p className="notice clock-off" role="alert">
          {t(clockOff > 0 ? 'desk.clockBehind' : 'desk.clockAhead', { n: Math.abs(clockOff) })}
        </p>
      )}
      {last && lastItem?.state === 'recorded' && lastItem.result && (
        // focus moves to its heading: the guard reads who was recorded and what follows before the next group
        <Confirmation result={lastItem.result} persons={last.persons} kind={last.kind} focusOnShow />
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
      <form onSubmit={submit} className="card desk-form" noValidate>
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
                {BORDER_ENCOUNTER_KINDS.map((k) => (
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
        <DeskPersons
          persons={persons}
          setPersons={setPersons}
          group={group}
          setGroup={setGroup}
          size={size}
          reason={reason}
          fe={fe}
          noNationality={noNationality}
        />
        <DeskSamePerson fe={fe} persons={persons} setPersons={setPersons} />
        <ForceFields value={force} onChange={setForce} reason={reason} />
        {kind === 'entry-prevented-refused' && (
          <RefusalFields value={refusal} onChange={setRefusal} reason={reason} />
        )}
        <Field label={t('desk.ref')} error={reason('ref')} hint={t('desk.refHint')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} value={ref} onChange={(e) => setRef(e.target.value)} />
          )}
        </Field>
        {correcting && (
          <p className="muted">
            {t('outbox.resend')}{' '}
            {/* the refused item stays as it was, under Today's encounters; the form is emptied for a new group */}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                clear();
                setError(undefined);
              }}
            >
              {t('outbox.cancelCorrection')}
            </button>
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('desk.submit')}
        </button>
      </form>
      {pendingLoad && (
        <Question
          text={t('outbox.replaceFormQuestion')}
          yes={t('outbox.replaceFormYes')}
          no={t('outbox.replaceFormNo')}
          onYes={() => load(pendingLoad, true)}
          onNo={() => setPendingLoad(undefined)}
        />
      )}
      <DeskOutbox onCorrect={(item) => load(item)} fieldName={fieldName} correcting={correcting} />
    </section>
  );
}
