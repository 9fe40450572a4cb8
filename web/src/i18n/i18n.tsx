// Language and formatting: every text comes from a message catalogue (en.ts is the source, lt.ts must
// have every key — the type checker and test/web/catalogues.test.ts both check). Dates and times are
// shown in the member state's time zone, formatted for the chosen language, with the year when it is not the
// current one (dates.ts).
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { STATE_TIME_ZONES } from '../../../src/law/calendar/time-zones.ts';
import { useAuth } from '../auth.tsx';
import { type DateFormats, dateFormats } from './dates.ts';
import { en, type MessageKey } from './en.ts';
import { lt } from './lt.ts';

export const LANGUAGES = {
  en: { catalogue: en, locale: 'en-GB' },
  lt: { catalogue: lt, locale: 'lt-LT' },
} as const;
export type Language = keyof typeof LANGUAGES;

/** The zone of a jurisdiction: the state's; for the Union, Brussels. */
export const zoneOf = (jurisdiction: string | undefined): string =>
  STATE_TIME_ZONES[jurisdiction as MemberStateCode] ?? 'Europe/Brussels';

export interface I18n {
  readonly lang: Language;
  readonly locale: string;
  readonly zone: string;
  setLang(lang: Language): void;
  /** A message with {name} placeholders filled in. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** The label of a value of one of the domain's lists ("flag", "kind", …), or the value itself. */
  label(list: string, value: string): string;
  /** Dates and times in the state's zone, with the year when it is not the current one (dates.ts). */
  dateTime: DateFormats['dateTime'];
  due: DateFormats['due'];
  date: DateFormats['date'];
  periodTick: DateFormats['periodTick'];
  number(n: number, digits?: number): string;
  eur(cents: number): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);
const STORAGE_KEY = 'pact.lang';

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'lt') return saved;
  return navigator.language.toLowerCase().startsWith('lt') ? 'lt' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const { me } = useAuth();
  const zone = zoneOf(me?.jurisdiction);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const { catalogue, locale } = LANGUAGES[lang];
    const fmtNumber = new Intl.NumberFormat(locale);
    const fmtEur = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    const dates = dateFormats(locale, zone, () => new Date());
    const t = (key: MessageKey, vars: Record<string, string | number> = {}) =>
      catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
    return {
      lang,
      locale,
      zone,
      setLang(l) {
        localStorage.setItem(STORAGE_KEY, l);
        setLangState(l);
      },
      t,
      label(list, value) {
        const key = `${list}.${value}`;
        return key in catalogue ? catalogue[key as MessageKey] : value;
      },
      dateTime: dates.dateTime,
      due: dates.due,
      date: dates.date,
      periodTick: dates.periodTick,
      number: (n, digits) =>
        digits === undefined
          ? fmtNumber.format(n)
          : new Intl.NumberFormat(locale, {
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            }).format(n),
      eur: (cents) => fmtEur.format(cents / 100),
    };
  }, [lang, zone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i = useContext(I18nContext);
  if (!i) throw new Error('useI18n outside I18nProvider');
  return i;
}
