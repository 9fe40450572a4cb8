// The parts of the pledge form that are lists: alternative measures (a description and a value in euros,
// rows added and removed) and the relocation criteria (nationalities and languages as comma lists, families,
// a monthly cap). Each field shows the server's reason for it.
import { Field, NumberField } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useReasonUnder } from './shared.tsx';

export type Families = 'any' | 'singles-only' | 'families-only';
const FAMILIES: readonly Families[] = ['any', 'singles-only', 'families-only'];

export interface AlternativeText {
  readonly description: string;
  readonly euros: string;
}

/** The criteria as typed: comma lists and numbers as text. */
export interface CriteriaText {
  readonly nationalities: string;
  readonly families: Families;
  readonly languages: string;
  readonly maxPerMonth: string;
}

export function AlternativesFields(props: {
  rows: readonly AlternativeText[];
  setRows: (f: (rows: AlternativeText[]) => AlternativeText[]) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const alternatives = props.rows;
  const setAlternatives = props.setRows;
  const reason = useReasonUnder(props.error);
  return (
    <fieldset>
      <legend>{t('pledge.alternatives')}</legend>
      {alternatives.length === 0 && <p className="muted">{t('pledge.noAlternatives')}</p>}
      {alternatives.map((a, i) => {
        const n = i + 1;
        const set = (change: Partial<AlternativeText>) =>
          setAlternatives((all) => all.map((x, j) => (j === i ? { ...x, ...change } : x)));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div className="row" key={i}>
            <Field
              label={t('pledge.altDescriptionOf', { n })}
              error={reason(`alternatives/${i}/description`)}
            >
              {(id, d) => (
                <input
                  id={id}
                  size={40}
                  aria-describedby={d}
                  value={a.description}
                  onChange={(e) => set({ description: e.target.value })}
                />
              )}
            </Field>
            <NumberField
              label={t('pledge.altValueOf', { n })}
              error={reason(`alternatives/${i}/valueCents`)}
              value={a.euros}
              onChange={(v) => set({ euros: v })}
              min={0}
              step="0.01"
            />
            <div className="field">
              <button
                type="button"
                className="secondary"
                onClick={() => setAlternatives((all) => all.filter((_, j) => j !== i))}
              >
                {t('pledge.removeAlternative', { n })}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => setAlternatives((all) => [...all, { description: '', euros: '' }])}
      >
        {t('pledge.addAlternative')}
      </button>
    </fieldset>
  );
}

export function CriteriaFields(props: {
  value: CriteriaText;
  set: (f: (c: CriteriaText) => CriteriaText) => void;
  error: unknown;
}) {
  const { t, label } = useI18n();
  const { nationalities, families, languages, maxPerMonth } = props.value;
  const change = (c: Partial<CriteriaText>) => props.set((v) => ({ ...v, ...c }));
  const reason = useReasonUnder(props.error);
  return (
    <fieldset>
      <legend>{t('pledge.criteria')}</legend>
      <div className="row">
        <Field
          label={t('pledge.nationalities')}
          error={reason('criteria/nationalities')}
          hint={t('pledge.nationalitiesHint')}
        >
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={nationalities}
              onChange={(e) => change({ nationalities: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('pledge.families')} error={reason('criteria/families')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={families}
              onChange={(e) => change({ families: e.target.value as Families })}
            >
              {FAMILIES.map((f) => (
                <option key={f} value={f}>
                  {label('families', f)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('pledge.languages')}
          error={reason('criteria/languages')}
          hint={t('pledge.languagesHint')}
        >
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={languages}
              onChange={(e) => change({ languages: e.target.value })}
            />
          )}
        </Field>
        <NumberField
          label={t('pledge.maxPerMonth')}
          error={reason('criteria/maxPerMonth')}
          hint={t('pledge.maxPerMonthHint')}
          value={maxPerMonth}
          onChange={(v) => change({ maxPerMonth: v })}
          min={1}
        />
      </div>
    </fieldset>
  );
}
