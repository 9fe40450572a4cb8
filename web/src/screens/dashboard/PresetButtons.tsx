// The preset periods of a statistics screen (the dashboard, the public page): a button each, pressed when the
// period shown is the preset's.
import { useI18n } from '../../i18n/i18n.tsx';

export interface Preset {
  readonly key: string;
  readonly label: string;
  readonly pressed: boolean;
  choose(): void;
}

export function PresetButtons(props: { presets: readonly Preset[] }) {
  const { t } = useI18n();
  return (
    <fieldset className="presets">
      <legend>{t('dashboard.presets')}</legend>
      {props.presets.map((p) => (
        <button key={p.key} type="button" className="secondary" aria-pressed={p.pressed} onClick={p.choose}>
          {p.label}
        </button>
      ))}
    </fieldset>
  );
}
