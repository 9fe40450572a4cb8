// The border desk's refusal of entry (issue 18): for an encounter of kind entry-prevented-refused, the reasons
// of the standard form (Schengen Borders Code Art. 14(2), Annex V Part B: letters (A)–(I), each with its text
// from the catalogue), the form's comments and the crossing point the group was directed to — for the whole
// group. Without a reason the refusal form cannot be printed (the server says why).
import type { EncounterInput } from '../../../src/api/contract.ts';
import { REFUSAL_REASONS, type RefusalReason } from '../../../src/domain/refusal.ts';
import { Field } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export interface RefusalInput {
  readonly reasons: readonly RefusalReason[];
  readonly comments: string;
  readonly directedTo: string;
}

export const NO_REFUSAL: RefusalInput = { reasons: [], comments: '', directedTo: '' };

/** The encounter's `refusal` field for what was ticked and typed (nothing when nothing was). */
export function refusalBody(r: RefusalInput): Pick<EncounterInput, 'refusal'> {
  const comments = r.comments.trim();
  const directedTo = r.directedTo.trim();
  if (r.reasons.length === 0 && !comments && !directedTo) return {};
  return {
    refusal: {
      reasons: REFUSAL_REASONS.filter((x) => r.reasons.includes(x)),
      ...(comments ? { comments } : {}),
      ...(directedTo ? { directedTo } : {}),
    },
  };
}

export function RefusalFields(props: {
  value: RefusalInput;
  onChange: (r: RefusalInput) => void;
  /** The server's reason for a field (`refusal/reasons` …), if it refused one. */
  reason: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  const { value: r, onChange, reason } = props;
  const set = (change: Partial<RefusalInput>) => onChange({ ...r, ...change });
  const toggle = (x: RefusalReason, on: boolean) =>
    set({ reasons: on ? [...r.reasons, x] : r.reasons.filter((y) => y !== x) });
  const reasonsError = reason('refusal/reasons') ?? reason('refusal');
  return (
    <fieldset>
      <legend>{t('desk.refusalReasons')}</legend>
      <p className="hint">{t('desk.refusalReasonsHint')}</p>
      {reasonsError && (
        <p className="error" role="alert">
          {reasonsError}
        </p>
      )}
      {REFUSAL_REASONS.map((x) => (
        <label key={x} className="inline block">
          <input
            type="checkbox"
            checked={r.reasons.includes(x)}
            onChange={(e) => toggle(x, e.target.checked)}
          />{' '}
          {t(`refusalReason.${x}`)}
        </label>
      ))}
      <div className="row">
        <Field label={t('desk.directedTo')} error={reason('refusal/directedTo')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              maxLength={100}
              value={r.directedTo}
              onChange={(e) => set({ directedTo: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('desk.refusalComments')} error={reason('refusal/comments')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              maxLength={1000}
              value={r.comments}
              onChange={(e) => set({ comments: e.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
