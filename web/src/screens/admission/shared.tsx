// What the admission screens share (issue 22): the Framework's first day, a country picked by name, a list of
// checkboxes and a select for a closed list (eligibility categories, refusal grounds, type, procedure, status),
// a day field, and a deadline's words.
import { useMemo } from 'react';
import { Field } from '../../components.tsx';
import { nationalities } from '../../i18n/countries.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';

import { FIRST_DAY } from './programme-check.ts';

export { FIRST_DAY };

/** A nationality or third country by name in the chosen language (the project's list of codes). */
export function CountrySelect(props: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
}) {
  const { t, locale } = useI18n();
  const unknown = t('queue.unknownNationality');
  const stateless = t('nationality.stateless');
  const list = useMemo(() => nationalities(locale, unknown, stateless), [locale, unknown, stateless]);
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(id, d) => (
        <select
          id={id}
          aria-describedby={d}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">—</option>
          {list
            .filter((n) => !props.optional || (n.code !== 'XX' && n.code !== 'XS'))
            .map((n) => (
              <option key={n.code} value={n.code}>
                {n.name} ({n.code})
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

/** A labelled day (no earlier than the Regulation's first day of application, Art. 16(2)). */
export function DayField(props: {
  label: string;
  value: string;
  onChange: (day: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(id, d) => (
        <input
          id={id}
          type="date"
          min={FIRST_DAY}
          aria-describedby={d}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled select of the values of a closed list, each labelled `${prefix}.${value}`. */
export function ListSelect<V extends string>(props: {
  label: string;
  values: readonly V[];
  prefix: string;
  value: V;
  onChange: (value: V) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const { t } = useI18n();
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(id, d) => (
        <select
          id={id}
          aria-describedby={d}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as V)}
        >
          {props.values.map((x) => (
            <option key={x} value={x}>
              {t(`${props.prefix}.${x}` as MessageKey)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Checkboxes for the values of a closed list, each labelled `${prefix}.${value}`. */
export function CheckList<V extends string>(props: {
  legend: string;
  prefix: string;
  values: readonly V[];
  chosen: readonly V[];
  onChange: (chosen: V[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      {props.values.map((v) => (
        <label key={v} className="inline">
          <input
            type="checkbox"
            checked={props.chosen.includes(v)}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...props.chosen, v] : props.chosen.filter((c) => c !== v))
            }
          />
          {t(`${props.prefix}.${v}` as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}

/** "overdue", "due today" or "n days left". */
export function useDueWords(): (overdue: boolean, daysLeft: number) => string {
  const { t } = useI18n();
  return (overdue, daysLeft) =>
    overdue
      ? t('admission.overdue')
      : daysLeft === 0
        ? t('admission.dueToday')
        : t('admission.daysLeft', { n: daysLeft });
}

/** Today in the user's time zone, as YYYY-MM-DD (the default date of a step). */
export function today(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
