// The border desk's "use of force" fieldset: whether force was used, which (the closed list of
// src/domain/vocabulary.ts, with a text for "other") and why — so that the monitoring figures group by kind.
import type { EncounterInput } from '../../../src/api/contract.ts';
import { FORCE_KINDS, type ForceKind } from '../../../src/domain/vocabulary.ts';
import { Field } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export interface ForceInput {
  readonly used: boolean;
  readonly kind: ForceKind | '';
  readonly kindOther: string;
  readonly reason: string;
}

export const NO_FORCE: ForceInput = { used: false, kind: '', kindOther: '', reason: '' };

/** The encounter's `force` field for what was typed (nothing when no force was used). */
export function forceBody(f: ForceInput): Pick<EncounterInput, 'force'> {
  if (!f.used) return {};
  return {
    force: {
      used: true,
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.kind === 'other' ? { kindOther: f.kindOther.trim() } : {}),
      reason: f.reason,
    },
  };
}

export function ForceFields(props: {
  value: ForceInput;
  onChange: (f: ForceInput) => void;
  /** The server's reason for a field (`force/kind` …), if it refused one. */
  reason: (field: string) => string | undefined;
}) {
  const { t, label } = useI18n();
  const { value: f, onChange, reason } = props;
  const set = (change: Partial<ForceInput>) => onChange({ ...f, ...change });
  return (
    <fieldset>
      <legend>{t('desk.force')}</legend>
      <label className="inline">
        <input type="checkbox" checked={f.used} onChange={(e) => set({ used: e.target.checked })} />{' '}
        {t('desk.forceUsed')}
      </label>
      {f.used && (
        <div className="row">
          <Field label={t('desk.forceKind')} error={reason('force/kind')}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={f.kind}
                onChange={(e) => set({ kind: e.target.value as ForceKind | '' })}
              >
                <option value="">—</option>
                {FORCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {label('forceKind', k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {f.kind === 'other' && (
            <Field label={t('desk.forceKindOther')} error={reason('force/kindOther')}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  value={f.kindOther}
                  onChange={(e) => set({ kindOther: e.target.value })}
                />
              )}
            </Field>
          )}
          <Field label={t('desk.forceReason')} error={reason('force/reason')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                value={f.reason}
                onChange={(e) => set({ reason: e.target.value })}
              />
            )}
          </Field>
        </div>
      )}
    </fieldset>
  );
}
