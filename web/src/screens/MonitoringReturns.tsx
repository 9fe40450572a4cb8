// issue 22: the monitoring view's return figures (src/store/monitoring-returns.ts): voluntary departures
// confirmed and of them assisted, forced returns and of them those after a lapsed voluntary departure, lapsed
// periods, persons who absconded — each person once (src/store/return-events.ts). Exact for the monitoring body.
import type { MonitoringIndicators } from '../../../src/api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Card, Numbers } from './Monitoring.tsx';

export function ReturnCards({ m }: { m: MonitoringIndicators }) {
  const { t } = useI18n();
  const r = m.returns;
  return (
    <Card id="returns" title={t('returnFigures.title')} basis={r.legalBasis}>
      <Numbers
        rows={[
          ['returnFigures.voluntaryDeparted', r.voluntaryDeparted],
          ['returnFigures.assisted', r.assisted],
          ['returnFigures.forced', r.forced],
          ['returnFigures.lapsedTurnedForced', r.lapsedTurnedForced],
          ['returnFigures.lapsed', r.lapsed],
          ['returnFigures.absconded', r.absconded],
        ]}
      />
      <p className="muted">{t('returnFigures.once')}</p>
    </Card>
  );
}
