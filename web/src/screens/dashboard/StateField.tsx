// The member state whose figures a statistics screen shows (the dashboard for Union accounts, the public page).
import { MEMBER_STATES } from '../../../../law/member-states.ts';
import { Field } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function StateField(props: { value: string; onChange(state: string): void }) {
  const { t } = useI18n();
  return (
    <Field label={t('solidarity.country')}>
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {Object.entries(MEMBER_STATES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
