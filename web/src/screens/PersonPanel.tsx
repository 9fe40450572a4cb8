// Who the person of a case is (issue #16), at the top of the case page: names in Latin and original script,
// date of birth worded with its precision ("about 1990", "March 1990"), age today, sex, nationality and the
// nationality stated, languages by name, place of birth, Eurodac reference, documents with their checks. A
// user who may record identity (case.screening) opens the form here (IdentityForm.tsx).
import { DateTime } from 'luxon';
import { useState } from 'react';
import type { CaseCommandInput, PersonViewBody } from '../../../src/api/contract.ts';
import { ageRange } from '../../../src/domain/identity.ts';
import { knownBirthDate } from '../../../src/domain/identity-rules.ts';
import { nationalityName } from '../i18n/countries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { IdentityForm } from './IdentityForm.tsx';

export function PersonPanel(props: {
  person: PersonViewBody;
  /** the server's time the case was read at: "age today" counts from its day in the state's zone */
  asOf: string;
  /** identity.recorded is among the actions the server would accept from this user */
  mayRecord: boolean;
  submit(command: CaseCommandInput): Promise<void>;
}) {
  const { t, label, locale, zone } = useI18n();
  const [open, setOpen] = useState(false);
  const p = props.person;
  const id = p.identity;
  const country = (code: string | undefined) =>
    code
      ? `${nationalityName(locale, code, t('queue.unknownNationality'), t('nationality.stateless'))} (${code})`
      : t('identity.notRecorded');
  const birth = knownBirthDate({ birthYear: p.birthYear, identity: id as never });
  const today = DateTime.fromISO(props.asOf).setZone(zone).toISODate() ?? props.asOf.slice(0, 10);
  const age = birth ? ageRange(birth, today) : undefined;
  const languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const name = [id?.givenNames, id?.familyName].filter(Boolean).join(' ');
  const original = [id?.originalScript?.givenNames, id?.originalScript?.familyName].filter(Boolean).join(' ');
  const notRecorded = <span className="muted">{t('identity.notRecorded')}</span>;

  return (
    <section className="card person-panel" aria-labelledby="person-panel-title">
      <h2 id="person-panel-title">{t('case.person')}</h2>
      <dl className="person-facts">
        <dt>{t('identity.name')}</dt>
        <dd>{name ? <strong>{name}</strong> : notRecorded}</dd>
        {original && (
          <>
            <dt>{t('identity.originalScript')}</dt>
            {/* the script's direction from its letters; the language is the first the person speaks, if known */}
            <dd>
              <bdi dir="auto" lang={id?.languages[0] ?? 'und'}>
                {original}
              </bdi>
            </dd>
          </>
        )}
        {id && id.aliases.length > 0 && (
          <>
            <dt>{t('identity.aliases')}</dt>
            <dd>{id.aliases.join(', ')}</dd>
          </>
        )}
        <dt>{t('identity.birthDate')}</dt>
        <dd>{birth ? birthWords(birth, locale, (year) => t('identity.about', { year })) : notRecorded}</dd>
        {age && (
          <>
            <dt>{t('identity.age')}</dt>
            <dd>
              {age.min === age.max
                ? t('identity.years', { n: age.min })
                : t('identity.yearsRange', { min: age.min, max: age.max })}
            </dd>
          </>
        )}
        <dt>{t('person.sex')}</dt>
        <dd>{label('sex', p.sex)}</dd>
        <dt>{t('person.nationality')}</dt>
        <dd>{country(p.nationality)}</dd>
        {id?.statedNationality && (
          <>
            <dt>{t('identity.statedNationality')}</dt>
            <dd>{country(id.statedNationality)}</dd>
          </>
        )}
        <dt>{t('identity.languages')}</dt>
        <dd>
          {id && id.languages.length > 0
            ? id.languages.map((l) => languageNames.of(l) ?? l).join(', ')
            : notRecorded}
        </dd>
        {id?.placeOfBirth && (
          <>
            <dt>{t('identity.placeOfBirth')}</dt>
            <dd>
              <bdi dir="auto">{id.placeOfBirth}</bdi>
            </dd>
          </>
        )}
        <dt>{t('identity.eurodacRef')}</dt>
        <dd>{id?.eurodacRef ? <code>{id.eurodacRef}</code> : notRecorded}</dd>
      </dl>
      <h3>{t('identity.documents')}</h3>
      {id && id.documents.length > 0 ? (
        <ul className="documents">
          {id.documents.map((d) => (
            <li key={`${d.type}-${d.issuingCountry}-${d.number}`}>
              {label('docType', d.type)} <code>{d.number}</code>, {country(d.issuingCountry)}
              {d.expiresOn && `, ${t('identity.expires', { date: d.expiresOn })}`}{' '}
              {d.falseDocument ? (
                <span className="flag doc-false">{t('identity.falseDocument')}</span>
              ) : (
                <>
                  {d.seenOriginal && <span className="flag doc-ok">{t('identity.seenOriginal')}</span>}{' '}
                  {d.verified && <span className="flag doc-ok">{t('identity.verified')}</span>}
                  {!d.seenOriginal && !d.verified && (
                    <span className="muted">{t('identity.notChecked')}</span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('identity.noDocuments')}</p>
      )}
      {props.mayRecord &&
        (open ? (
          <IdentityForm
            person={p}
            submit={async (cmd) => {
              await props.submit(cmd);
              setOpen(false);
            }}
            cancel={() => setOpen(false)}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => setOpen(true)}>
            {t('identity.record')}
          </button>
        ))}
    </section>
  );
}

/** A date of birth in words, as precise as it is known: "4 March 1990", "March 1990", "1990", "about 1990". */
export function birthWords(
  b: { value: string; precision: string },
  locale: string,
  about: (year: string) => string,
): string {
  const [y, m, d] = b.value.split('-').map(Number) as [number, number?, number?];
  const at = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  if (b.precision === 'about') return about(String(y));
  if (b.precision === 'year') return String(y);
  const options: Intl.DateTimeFormatOptions =
    b.precision === 'year-month'
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}
