// issue 20: the member state responsible on the case page (AMMR Part III): the criteria recorded, in the order
// of the law (Art. 24(1)), each with its evidence; the take-charge requests and take-back notifications with
// when they were sent, received (the other state's receipt) and answered, and the answer's time limit. The
// actions (record a criterion, request, transfer) are the case's next actions, as every other command's.
import type { CaseResponsibility as Responsibility } from '../../../src/domain/responsibility/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const ORDER = [
  'unaccompanied-minor',
  'family-beneficiary',
  'family-applicant',
  'family-procedure',
  'residence-document-or-visa',
  'diploma',
  'visa-waived-entry',
  'airport-transit',
  'irregular-entry',
  'dependent-persons',
  'discretionary',
];

export function CaseResponsibility({ responsibility }: { responsibility?: Responsibility }) {
  const { t, label, dateTime, due } = useI18n();
  const criteria = [...(responsibility?.criteria ?? [])].sort(
    (a, b) => ORDER.indexOf(a.criterion) - ORDER.indexOf(b.criterion),
  );
  const requests = responsibility?.requests ?? [];
  return (
    <div className="card" id="responsibility">
      <h2>{t('responsibility.title')}</h2>
      {criteria.length === 0 ? (
        <p className="muted">{t('responsibility.none')}</p>
      ) : (
        <>
          <h3>{t('responsibility.criteria')}</h3>
          <ol className="responsibility-criteria">
            {criteria.map((k) => (
              <li key={`${k.criterion}-${k.state}-${k.at}`}>
                <strong>{label('criterion', k.criterion)}</strong> → {k.state} ({dateTime(k.at)})
                <ul>
                  {k.evidence.map((e) => (
                    <li key={`${e.kind}-${e.description}`}>
                      {label('evidenceKind', e.kind)}: {e.description}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
      {requests.length > 0 && (
        <>
          <h3>{t('responsibility.requests')}</h3>
          <ul className="responsibility-requests">
            {requests.map((r) => (
              <li key={`${r.kind}-${r.to}-${r.at}`}>
                {label('requestKind', r.kind)} → {r.to}: {t('responsibility.sent', { at: dateTime(r.at) })}
                {r.receivedAt && <>; {t('responsibility.received', { at: dateTime(r.receivedAt) })}</>}
                {r.replyDueAt && !r.answer && (
                  <>; {t('responsibility.replyDue', { due: due(r.replyDueAt) })}</>
                )}
                {r.answer && (
                  <>
                    ; {t('responsibility.answered', { at: dateTime(r.answer.at) })} —{' '}
                    {label(
                      'guarantee',
                      r.answer.bySilence
                        ? 'responsibility-request-silence'
                        : r.answer.accepted
                          ? 'responsibility-request-accepted'
                          : 'responsibility-request-refused',
                    )
                      .replace('{requestKind}', label('requestKind', r.kind))
                      .replace('{to}', r.to)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
