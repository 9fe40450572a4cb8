// The border desk's identified persons (issue 19): a "Whole group" row (nationality, sex, year of birth) above
// one line per person. A person's empty cell shows the group's value greyed and sends it; typing in the cell
// (or choosing in the sex list) overrides it, clearing the cell returns to the group's. Keyboard focus never
// drops to the page: "one line per person" and "Add a person" move it to the first new line's nationality,
// removing a line moves it to the line now in its place (else the one before, else "Add a person"), and a
// refused Record to the first line without a nationality.
import { DateTime } from 'luxon';
import { type Dispatch, Fragment, type SetStateAction, useEffect, useId, useRef } from 'react';
import { ageRange, type BirthDate } from '../../../src/domain/identity.ts';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DeskIdentityFields, type DeskIdentityInput, identityBody } from './DeskIdentity.tsx';
import { blankPerson, type GroupDefaults, type PersonLine, type Sex, yearRule } from './desk-persons.ts';

const SEXES = ['unknown', 'female', 'male', 'other'] as const;

/** Whether the typed date of birth allows an age under 18 today in the state's zone. */
function mayBeMinor(i: DeskIdentityInput, zone: string): boolean {
  const b = identityBody(i)?.birthDate;
  if (!b || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(b.value)) return false;
  const today = DateTime.now().setZone(zone).toISODate() ?? '';
  return ageRange(b as BirthDate, today).min < 18;
}

/** Keeps only digits, at most four. */
const yearDigits = (s: string) => s.replace(/\D/g, '').slice(0, 4);

export function DeskPersons(props: {
  persons: readonly PersonLine[];
  setPersons: Dispatch<SetStateAction<PersonLine[]>>;
  group: GroupDefaults;
  setGroup: Dispatch<SetStateAction<GroupDefaults>>;
  /** the group size typed above */
  size: number;
  /** the server's reason for a field of the body (path without `body/`) */
  reason(path: string): string | undefined;
  /** the server's refusal, to open the identity part of a line it names */
  fe: ApiError | undefined;
  /** lines refused for want of a nationality (set anew by each Record) */
  noNationality: readonly number[];
}) {
  const { t, label, zone } = useI18n();
  const { persons, setPersons, group, setGroup, size, reason, fe, noNationality } = props;
  const base = useId();
  const natId = (i: number) => `${base}-nationality-${i}`;
  // what a screen reader adds to a cell that shows the group's value
  const inheritedId = `${base}-inherited`;
  const inherits = (own: string) => (own ? undefined : inheritedId);
  const addRef = useRef<HTMLButtonElement>(null);
  // where focus goes once the lines are rendered: a line's nationality, or "Add a person" (-1)
  const pendingFocus = useRef<number>(undefined);
  useEffect(() => {
    const i = pendingFocus.current;
    if (i === undefined) return;
    pendingFocus.current = undefined;
    if (i < 0) addRef.current?.focus();
    else document.getElementById(natId(i))?.focus();
  });
  useEffect(() => {
    const first = noNationality[0];
    if (first !== undefined) document.getElementById(`${base}-nationality-${first}`)?.focus();
  }, [noNationality, base]);

  const thisYear = DateTime.now().setZone(zone).year;
  const setPerson = (i: number, change: Partial<PersonLine>) =>
    setPersons((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));
  /** New lines take the group's values; a group year that may make them minors ticks "minor". */
  const newLines = (n: number) =>
    Array.from({ length: n }, () => yearRule(blankPerson(), group.birthYear, thisYear));
  const addLines = (n: number) => {
    pendingFocus.current = persons.length;
    setPersons((ps) => [...ps, ...newLines(n)]);
  };
  const remove = (i: number) => {
    const left = persons.length - 1;
    pendingFocus.current = left === 0 ? -1 : Math.min(i, left - 1);
    setPersons((ps) => ps.filter((_, j) => j !== i));
  };

  return (
    <fieldset className="desk-persons">
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
          <tr className="group-row">
            <th scope="row">{t('desk.wholeGroup')}</th>
            <td>
              <input
                aria-label={t('desk.groupNationality')}
                className="code"
                maxLength={2}
                list="nationalities"
                value={group.nationality}
                onChange={(e) => setGroup((g) => ({ ...g, nationality: e.target.value.toUpperCase() }))}
              />
            </td>
            <td>
              <select
                aria-label={t('desk.groupSex')}
                value={group.sex}
                onChange={(e) => setGroup((g) => ({ ...g, sex: e.target.value as Sex }))}
              >
                {SEXES.map((s) => (
                  <option key={s} value={s}>
                    {label('sex', s)}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <input
                aria-label={t('desk.groupBirthYear')}
                className="year"
                inputMode="numeric"
                value={group.birthYear}
                onChange={(e) => {
                  const y = yearDigits(e.target.value);
                  setGroup((g) => ({ ...g, birthYear: y }));
                  // the lines that take the group's year: a year that may make them minors ticks the box (never
                  // clears it)
                  setPersons((ps) => ps.map((p) => (p.birthYear ? p : yearRule(p, y, thisYear))));
                }}
              />
            </td>
            <td colSpan={4}>
              <small className="hint">{t('desk.groupHint')}</small>
              <span id={inheritedId} className="visually-hidden">
                {t('desk.inherited')}
              </span>
            </td>
          </tr>
          {persons.map((p, i) => {
            const err = (f: string) =>
              reason(`persons/${i}/${f}`) ??
              (f === 'nationality' && noNationality.includes(i) ? t('desk.nationalityRequired') : undefined);
            const n = i + 1;
            const idErr = (f: string) => reason(`persons/${i}/identity/${f}`);
            const identityOpen =
              p.identity.open || !!fe?.errors.some((e) => e.field.startsWith(`body/persons/${i}/identity/`));
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
                      id={natId(i)}
                      aria-label={t('person.nationalityOf', { n })}
                      className={p.nationality ? 'code' : 'code inherited'}
                      maxLength={2}
                      list="nationalities"
                      placeholder={group.nationality}
                      value={p.nationality}
                      aria-describedby={inherits(p.nationality)}
                      aria-invalid={err('nationality') ? true : undefined}
                      onChange={(e) => setPerson(i, { nationality: e.target.value.toUpperCase() })}
                    />
                    {err('nationality') && <small className="error">{err('nationality')}</small>}
                  </td>
                  <td>
                    <select
                      aria-label={t('person.sexOf', { n })}
                      className={p.sex ? undefined : 'inherited'}
                      value={p.sex}
                      aria-describedby={inherits(p.sex)}
                      onChange={(e) => setPerson(i, { sex: e.target.value as PersonLine['sex'] })}
                    >
                      <option value="">{t('desk.asGroup', { value: label('sex', group.sex) })}</option>
                      {SEXES.map((s) => (
                        <option key={s} value={s}>
                          {label('sex', s)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={t('person.birthYearOf', { n })}
                      className={p.birthYear ? 'year' : 'year inherited'}
                      inputMode="numeric"
                      placeholder={group.birthYear}
                      value={p.birthYear}
                      aria-describedby={inherits(p.birthYear)}
                      aria-invalid={err('birthYear') ? true : undefined}
                      onChange={(e) => {
                        const y = yearDigits(e.target.value);
                        // the year that counts is the person's own, else the group's (a cleared cell returns to
                        // it); one that may make the person under 18 ticks "minor", never clears it
                        setPersons((ps) =>
                          ps.map((q, j) =>
                            j === i ? yearRule({ ...q, birthYear: y }, y || group.birthYear, thisYear) : q,
                          ),
                        );
                      }}
                    />
                    {err('birthYear') && <small className="error">{err('birthYear')}</small>}
                  </td>
                  <td>
                    <label className="touch">
                      <input
                        type="checkbox"
                        aria-label={t('person.minorOf', { n })}
                        checked={p.minor}
                        onChange={(e) =>
                          setPerson(i, {
                            minor: e.target.checked,
                            minorByYear: false,
                            ...(e.target.checked ? {} : { unaccompanied: false }),
                          })
                        }
                      />
                    </label>
                  </td>
                  <td>
                    <label className="touch">
                      <input
                        type="checkbox"
                        aria-label={t('person.unaccompaniedOf', { n })}
                        checked={p.unaccompanied}
                        disabled={!p.minor}
                        onChange={(e) => setPerson(i, { unaccompanied: e.target.checked })}
                      />
                    </label>
                    {err('unaccompanied') && <small className="error">{err('unaccompanied')}</small>}
                  </td>
                  <td>
                    <label className="touch">
                      <input
                        type="checkbox"
                        aria-label={t('person.asylumWishOf', { n })}
                        checked={p.asylumWish}
                        onChange={(e) => setPerson(i, { asylumWish: e.target.checked })}
                      />
                    </label>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link remove"
                      aria-label={t('desk.removeOf', { n })}
                      onClick={() => remove(i)}
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
                          // as with the year: a date that may make the person under 18 ticks the box (the server
                          // flags the case anyway: APR Art. 25(2)); it never clears it
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
        <button ref={addRef} type="button" className="secondary" onClick={() => addLines(1)}>
          {t('desk.addPerson')}
        </button>
        {size > persons.length && size <= 100 && (
          <button type="button" className="secondary" onClick={() => addLines(size - persons.length)}>
            {t('desk.fillPersons', { n: size })}
          </button>
        )}
      </div>
    </fieldset>
  );
}
