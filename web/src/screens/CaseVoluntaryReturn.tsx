// issue 22: the voluntary return on the case page (RD Arts 3(8), 7, 8(1), 11(1)(b)): the period for voluntary
// departure and its end, the extensions with their reasons, return counselling, the support (travel,
// reintegration in kind or in cash, the partner organisation), the departure confirmed at a border crossing
// point or the lapse into forced return, the outcome; the readmission requests with their due date, and the
// arrangement with the person's country (its time limit marked when it is a national setting, not law). The
// steps themselves are the case's next actions, as every other command's.
import type { ReadmissionArrangement } from '../../../src/api/contract.ts';
import type { VoluntaryReturn } from '../../../src/domain/returns/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function CaseVoluntaryReturn({
  voluntaryReturn: vr,
  arrangement,
}: {
  voluntaryReturn?: VoluntaryReturn;
  arrangement?: ReadmissionArrangement;
}) {
  const { t, label, dateTime, due } = useI18n();
  const list = (name: string, values: readonly string[]) => values.map((v) => label(name, v)).join(', ');
  const pd = vr?.period;
  return (
    <div className="card" id="voluntary-return">
      <h2>{t('returns.title')}</h2>
      {!pd ? (
        <p className="muted">{t('returns.none')}</p>
      ) : (
        <dl>
          <dt>{t('returns.period')}</dt>
          <dd className="return-period">
            {t('returns.periodText', {
              days: String(pd.days),
              from: dateTime(pd.from),
              endsAt: due(pd.endsAt),
            })}
          </dd>
          {pd.extensions.length > 0 && (
            <>
              <dt>{t('returns.extensions')}</dt>
              {pd.extensions.map((e) => (
                <dd key={e.at}>
                  {t('returns.extensionText', {
                    days: String(e.days),
                    at: dateTime(e.at),
                    reasons: list('extensionReason', e.reasons),
                  })}
                </dd>
              ))}
            </>
          )}
        </dl>
      )}
      {vr && vr.counselling.length > 0 && (
        <>
          <h3>{t('returns.counselling')}</h3>
          <ul>
            {vr.counselling.map((c) => (
              <li key={c.at}>{t('returns.counsellingText', { partner: c.partner, at: dateTime(c.at) })}</li>
            ))}
          </ul>
        </>
      )}
      {vr && vr.support.length > 0 && (
        <>
          <h3>{t('returns.support')}</h3>
          <ul className="return-support">
            {vr.support.map((s) => (
              <li key={`${s.support}-${s.at}`}>
                {t('returns.supportText', {
                  support: label('returnSupport', s.support),
                  partner: s.partner,
                  at: dateTime(s.at),
                })}
                {s.amountEur !== undefined && (
                  <> — {t('returns.amount', { amount: s.amountEur.toFixed(2) })}</>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {vr?.departure && (
        <p className="return-departure">
          <strong>{t('returns.departure')}</strong>:{' '}
          {t('returns.departureText', { place: vr.departure.placeId, at: dateTime(vr.departure.at) })}
          {vr.departure.to && <> {t('returns.departureTo', { to: vr.departure.to })}</>}
        </p>
      )}
      {vr?.lapsedAt && (
        <p className="notice notice-warn">{t('returns.lapsed', { at: dateTime(vr.lapsedAt) })}</p>
      )}
      {vr?.outcome && (
        <p className="return-outcome">
          <strong>{t('returns.outcome')}</strong>: {label('returnOutcome', vr.outcome)}
        </p>
      )}
      {vr && vr.readmission.length > 0 && (
        <>
          <h3>{t('returns.readmission')}</h3>
          <ul className="readmission-requests">
            {vr.readmission.map((r) => (
              <li key={r.at}>
                {t('returns.readmissionText', {
                  kind: label('readmissionKind', r.kind),
                  country: r.country,
                  at: dateTime(r.at),
                  documents: list('readmissionDocument', r.documents),
                })}
                {r.replyDueAt && !r.answer && <>; {t('returns.replyDue', { due: due(r.replyDueAt) })}</>}
                {r.answer && (
                  <>
                    ;{' '}
                    {t('returns.answered', {
                      at: dateTime(r.answer.at),
                      answer: label('readmissionAnswer', r.answer.answer),
                    })}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {arrangement && (
        <details className="readmission-arrangement">
          <summary>{t('returns.arrangement', { name: arrangement.name })}</summary>
          <p>
            {t('returns.arrangementLimit', {
              amount: String(arrangement.replyTimeLimit.value.amount),
              unit: t(`returns.unit.${arrangement.replyTimeLimit.value.unit}` as 'returns.unit.days'),
            })}{' '}
            {arrangement.replyTimeLimit.value.basis === 'national-setting' && t('returns.arrangementSetting')}
          </p>
          <p>
            {t('returns.arrangementSilence', { silence: label('returnSilence', arrangement.silence.value) })}
          </p>
          <p>
            {t('returns.arrangementProof', {
              documents: list('readmissionDocument', arrangement.documents.value.proof),
            })}
          </p>
          <ul className="muted">
            {arrangement.legalBasis.map((b) => (
              <li key={b.value}>{b.value}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
