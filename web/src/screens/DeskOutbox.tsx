// Today's encounters of the logged-in guard (issue 19), under the desk's form, newest first: each with its
// state in words and a badge — waiting, sending, recorded (when the server received it, the case links, the
// first deadline), refused (the server's reasons per field, "Correct and resend", and "Discard" only after
// an explicit confirmation). Earlier days' items are listed too while not recorded: nothing unsent is hidden.
import { DateTime } from 'luxon';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { Question } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { OutboxItem, Refusal } from '../outbox/item.ts';
import { useOutbox } from '../outbox/use-outbox.tsx';

/** The server's refusal as the error the desk's form shows at its fields. */
export const refusalError = (r: Refusal): ApiError =>
  new ApiError(r.status, r.title, r.detail, r.errors, {
    type: `urn:pact:problem:${r.code}`,
    ...(Object.keys(r.params).length > 0 ? { params: r.params as Record<string, string> } : {}),
  });

export function DeskOutbox({
  onCorrect,
  fieldName,
  correcting,
}: {
  /** loads a refused item back into the desk's form */
  onCorrect(item: OutboxItem): void;
  /** the words for a field the server names (the desk's) */
  fieldName(path: string): string;
  /** the id of the item in the form now */
  correcting?: string;
}) {
  const { t, zone, dateTime } = useI18n();
  const { items, needsLogin, waiting } = useOutbox();
  const today = DateTime.now().setZone(zone).toISODate();
  const shown = (items ?? [])
    .filter(
      (i) => i.state !== 'recorded' || DateTime.fromISO(i.capturedAt).setZone(zone).toISODate() === today,
    )
    .reverse();
  return (
    <section className="desk-outbox" aria-labelledby="desk-outbox-title">
      <h2 id="desk-outbox-title">{t('outbox.title')}</h2>
      {needsLogin && waiting > 0 && (
        <p className="notice" role="alert">
          {t('outbox.logInAgain', { n: waiting })}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted">{t('outbox.none')}</p>
      ) : (
        <table className="outbox">
          <thead>
            <tr>
              <th scope="col">{t('outbox.captured')}</th>
              <th scope="col">{t('desk.ref')}</th>
              <th scope="col">{t('outbox.group')}</th>
              <th scope="col">{t('outbox.state')}</th>
              <th scope="col">{t('outbox.details')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id} data-state={item.state} aria-current={item.id === correcting || undefined}>
                <td>{dateTime(item.summary.occurredAt)}</td>
                <td className="ref">{item.summary.ref}</td>
                <td>
                  {t('outbox.groupOf', {
                    size: item.summary.groupSize,
                    asylum: item.summary.asylumSeekers,
                    uam: item.summary.unaccompaniedMinors,
                  })}
                </td>
                <td>
                  <span className={`badge badge-${item.state}`}>{t(`outbox.state.${item.state}`)}</span>
                </td>
                <td>
                  <Details item={item} onCorrect={onCorrect} fieldName={fieldName} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Details({
  item,
  onCorrect,
  fieldName,
}: {
  item: OutboxItem;
  onCorrect(item: OutboxItem): void;
  fieldName(path: string): string;
}) {
  const { t, label, due, dateTime } = useI18n();
  const words = useErrorWords();
  const { discard } = useOutbox();
  const [confirming, setConfirming] = useState(false);
  if (item.state === 'recorded' && item.result) {
    const r = item.result;
    const first = [...r.obligations].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    return (
      <>
        {t('outbox.receivedAt', { when: dateTime(r.receivedAt) })}
        {r.caseIds.length > 0 && (
          <>
            {' · '}
            {r.caseIds.map((id, n) => (
              <span key={id}>
                {n > 0 && ', '}
                <Link to={`/cases/${id}`}>{t('outbox.caseN', { n: n + 1 })}</Link>
              </span>
            ))}
          </>
        )}
        {first && (
          <div>{t('desk.dueBy', { what: label('obligation', first.kind), when: due(first.dueAt) })}</div>
        )}
      </>
    );
  }
  if (item.state === 'refused' && item.refusal) {
    const e = refusalError(item.refusal);
    return (
      <>
        <ul className="outbox-reasons">
          {e.errors.length > 0 ? (
            e.errors.map((fe) => (
              <li key={fe.field}>
                {fieldName(fe.field)}: {words.reason(fe)}
              </li>
            ))
          ) : (
            <li>{words.problem(e)}</li>
          )}
        </ul>
        {confirming ? (
          <Question
            text={t('outbox.discardQuestion')}
            yes={t('outbox.discardYes')}
            no={t('outbox.discardNo')}
            onYes={() => void discard(item)}
            onNo={() => setConfirming(false)}
          />
        ) : (
          <div className="actions">
            <button type="button" onClick={() => onCorrect(item)}>
              {t('outbox.correct')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t('outbox.discard')}
            </button>
          </div>
        )}
      </>
    );
  }
  return (
    <span className="muted">
      {item.state === 'sending'
        ? t('outbox.sendingNow')
        : item.lastError === 'login'
          ? t('outbox.waitingLogin')
          : item.lastError?.startsWith('server')
            ? t('outbox.waitingServer')
            : t('outbox.waitingNetwork')}
    </span>
  );
}

/** "3 waiting" next to the desk in the header, while the user has unsent encounters. */
export function OutboxCount() {
  const { t } = useI18n();
  const { waiting } = useOutbox();
  if (waiting === 0) return null;
  return <span className="badge badge-waiting nav-count">{t('outbox.navWaiting', { n: waiting })}</span>;
}
