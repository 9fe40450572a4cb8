// How a corrected value is shown (the form's "recorded now" and the timeline's old → new): yes or no, a sex by
// its label, a time in the user's zone, a date of birth with its precision; nothing recorded as a dash.
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function useAmendValue(): (field: string, v: unknown) => string {
  const { t, label, dateTime } = useI18n();
  const show = (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
    if (typeof v === 'boolean') return v ? t('case.yes') : t('case.no');
    if (field === 'sex' && typeof v === 'string') return label('sex', v);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return dateTime(v);
    if (Array.isArray(v)) return v.map((x) => show(field, x)).join(', ');
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.value === 'string' && typeof o.precision === 'string')
        return `${o.value} (${t(`amend.precision.${o.precision}` as MessageKey)})`;
      if (typeof o.used === 'boolean')
        return o.used
          ? [label('forceKind', String(o.kind ?? '')), o.kindOther, o.reason].filter(Boolean).join(', ')
          : t('case.no');
      return Object.entries(o)
        .map(([k, x]) => `${k}: ${show(k, x)}`)
        .join('; ');
    }
    return String(v);
  };
  return show;
}
