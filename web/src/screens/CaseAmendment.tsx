// A correction in the timeline: what was corrected (of which earlier action), the old value → the new, the
// reason, and what the correction recomputed — a flag set or ended, an obligation opened or ended, a deadline
// moved. Who and when are shown by the timeline as for every action.
import type { CaseViewBody } from '../../../src/api/contract.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAmendValue } from './amend-value.ts';

type Action = CaseViewBody['actions'][number];

interface AmendmentPayload {
  field: string;
  old: unknown;
  new: unknown;
  reason: string;
  seq?: number;
  actionType?: string;
  recomputed?: { what: string; old: unknown; new: unknown; article: string }[];
  moved?: { kind: string; oldDueAt: string; newDueAt: string; article: string }[];
  opens?: { kind: string; dueAt: string; article: string }[];
  cancels?: string[];
}

export const AMENDMENT_TYPES: ReadonlySet<string> = new Set([
  'person.amended',
  'encounter.amended',
  'action.amended',
]);

export function CaseAmendment({ action }: { action: Action }) {
  const { t, label, due } = useI18n();
  const shown = useAmendValue();
  const p = action.payload as AmendmentPayload;
  const field =
    action.type === 'action.amended'
      ? `#${p.seq} ${label('action', p.actionType ?? '')} — ${label('field', p.field)}`
      : t(`amend.field.${p.field}` as MessageKey);
  const what = (w: string) => (w === 'eurodac' ? label('obligation', w) : label('flag', w));
  return (
    <div className="payload amendment">
      <div>
        {field}: <del>{shown(p.field, p.old)}</del> → <ins>{shown(p.field, p.new)}</ins>
      </div>
      <div>{t('amend.reasonShown', { reason: p.reason })}</div>
      {(p.recomputed ?? []).map((r) => (
        <div key={`r-${r.what}`} className="recomputed">
          {t('amend.recomputed', { what: what(r.what), old: shown('', r.old), new: shown('', r.new) })}{' '}
          <span className="article">{r.article}</span>
        </div>
      ))}
      {(p.moved ?? []).map((m) => (
        <div key={`m-${m.kind}`} className="recomputed">
          {t('amend.moved', {
            what: label('obligation', m.kind),
            old: due(m.oldDueAt),
            new: due(m.newDueAt),
          })}
        </div>
      ))}
      {(p.opens ?? [])
        .filter((o) => !(p.moved ?? []).some((m) => m.kind === o.kind))
        .map((o) => (
          <div key={`o-${o.kind}`} className="recomputed">
            {t('amend.opened', { what: label('obligation', o.kind), when: due(o.dueAt) })}{' '}
            <span className="article">{o.article}</span>
          </div>
        ))}
      {(p.cancels ?? [])
        .filter((k) => !(p.moved ?? []).some((m) => m.kind === k))
        .map((k) => (
          <div key={`c-${k}`} className="recomputed">
            {t('amend.cancelled', { what: label('obligation', k) })}
          </div>
        ))}
    </div>
  );
}
