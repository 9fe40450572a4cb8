// The transfers of a year (AMMR Art. 67(9)–(11), Art. 68) with their deadlines, the most urgent first, and
// the steps the user may take: the state of relocation (or the EU coordinator) confirms or refuses a
// proposal (silence confirms it); then either state, or the EU coordinator, records that the person was
// transferred or did not appear. The server decides; a step it refuses is shown as its reason. A transfer
// carried out (or closed) after its deadline is marked late, one still waiting past it overdue (Art. 67(11)).
import { useState } from 'react';
import type { TransferViewBody } from '../../../../src/api/contract.ts';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { ErrorNotice, Loading } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useReread, useStateName, Wide } from './shared.tsx';

type Step = 'confirm' | 'refuse' | 'transferred' | 'did-not-appear';

export function Transfers(props: { year: number; version: number; onChanged: () => void }) {
  const { t, label, due, dateTime, zone } = useI18n();
  const me = useMe();
  const name = useStateName();
  const read = useReread<TransferViewBody[]>(`/api/solidarity/${props.year}/transfers`, props.version);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  // issue 20: a refusal states its reasons (AMMR Art. 67(8)–(9)); required where the benefitting state is
  // another installation, which receives them
  const [refusing, setRefusing] = useState<{ id: string; reasons: string }>();

  async function step(tr: TransferViewBody, s: Step, reasons?: string) {
    if (s === 'refuse' && reasons === undefined) {
      setRefusing({ id: tr.id, reasons: '' });
      return;
    }
    setBusy(tr.id);
    setError(undefined);
    try {
      await api('POST', `/api/solidarity/transfers/${tr.id}`, {
        step: s,
        ...(reasons?.trim() ? { reasons: reasons.trim() } : {}),
      });
      setRefusing(undefined);
      props.onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  }

  const eu = me.jurisdiction === 'EU';
  const stepsFor = (tr: TransferViewBody): Step[] => {
    if (tr.status === 'proposed' && (eu || me.jurisdiction === tr.to)) return ['confirm', 'refuse'];
    if (tr.status === 'confirmed' && (eu || me.jurisdiction === tr.to || me.jurisdiction === tr.from))
      return ['transferred', 'did-not-appear'];
    return [];
  };
  // the most urgent first: open ones by their next deadline, then the closed ones
  const transfers = read.data
    ? [...read.data].sort((a, b) => {
        const next = (x: TransferViewBody) =>
          x.status === 'proposed' ? x.confirmDueAt : x.status === 'confirmed' ? (x.transferDueAt ?? '') : '~';
        return next(a).localeCompare(next(b)) || a.candidateId.localeCompare(b.candidateId);
      })
    : undefined;
  return (
    <div>
      <h3>{t('transfer.title')}</h3>
      <ErrorNotice error={error ?? read.error} />
      {!transfers && !read.error && <Loading />}
      {transfers && transfers.length === 0 && <p>{t('transfer.none')}</p>}
      {transfers && transfers.length > 0 && (
        <Wide label={t('transfer.title')}>
          <table style={{ fontSize: '0.9rem' }}>
            <caption className="visually-hidden">{t('transfer.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('relocation.candidate')}</th>
                <th scope="col">{t('transfer.fromTo')}</th>
                <th scope="col">{t('transfer.status')}</th>
                <th scope="col">{t('transfer.proposed')}</th>
                <th scope="col">{t('transfer.confirmBy')}</th>
                <th scope="col">{t('transfer.transferBy')}</th>
                <th scope="col">{t('transfer.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {transfers.map((tr) => {
                const steps = stepsFor(tr);
                const open = tr.status === 'proposed' || tr.status === 'confirmed';
                return (
                  <tr key={tr.id}>
                    <th scope="row">{tr.candidateId}</th>
                    <td>{t('transfer.fromToText', { from: name(tr.from), to: name(tr.to) })}</td>
                    <td>
                      {label('transferStatus', tr.status)}
                      {(tr.late || tr.overdue) && (
                        <>
                          {' '}
                          <span className="flag flag-late">
                            {t(tr.late ? 'transfer.late' : 'transfer.overdue')}
                          </span>
                        </>
                      )}
                      {tr.confirmedAt && (
                        <>
                          <br />
                          <small>
                            {t(
                              tr.confirmedBySilence ? 'transfer.confirmedBySilence' : 'transfer.confirmedAt',
                              {
                                at: dateTime(tr.confirmedAt),
                              },
                            )}
                          </small>
                        </>
                      )}
                      {tr.closedAt && (
                        <>
                          <br />
                          <small>{t('transfer.closedAt', { at: dateTime(tr.closedAt) })}</small>
                        </>
                      )}
                      {tr.exceptional && (
                        <>
                          <br />
                          <small>{t('transfer.exceptional')}</small>
                        </>
                      )}
                      {tr.exchange && (
                        <>
                          <br />
                          <small>{t('transfer.otherInstallation')}</small>
                        </>
                      )}
                      {tr.reasons && (
                        <>
                          <br />
                          <small>{t('transfer.reasonsText', { reasons: tr.reasons })}</small>
                        </>
                      )}
                    </td>
                    <td>{dateTime(tr.proposedAt)}</td>
                    <td>
                      {tr.status === 'proposed' ? (
                        <strong>{due(tr.confirmDueAt)}</strong>
                      ) : (
                        due(tr.confirmDueAt)
                      )}
                    </td>
                    <td>
                      {tr.transferDueAt ? (
                        open ? (
                          <strong>{due(tr.transferDueAt)}</strong>
                        ) : (
                          due(tr.transferDueAt)
                        )
                      ) : (
                        '—'
                      )}
                      {(tr.late || tr.overdue) && (
                        <>
                          <br />
                          <small>
                            {t(tr.late ? 'transfer.lateText' : 'transfer.overdueText')}{' '}
                            <span className="article">(AMMR Art. 67(11))</span>
                          </small>
                        </>
                      )}
                    </td>
                    <td>
                      <div className="actions">
                        {steps.map((s) => (
                          <button
                            key={s}
                            type="button"
                            className={s === 'confirm' || s === 'transferred' ? undefined : 'secondary'}
                            disabled={busy === tr.id}
                            aria-label={t(`transfer.step.${s}Of`, {
                              candidate: tr.candidateId,
                              to: name(tr.to),
                            })}
                            onClick={() => step(tr, s)}
                          >
                            {t(`transfer.step.${s}`)}
                          </button>
                        ))}
                      </div>
                      {refusing?.id === tr.id && (
                        <form
                          onSubmit={(e) => {
                            e.preventDefault();
                            void step(tr, 'refuse', refusing.reasons);
                          }}
                        >
                          <label>
                            {t('transfer.reasons')}
                            <textarea
                              value={refusing.reasons}
                              required={tr.exchange === 'in'}
                              minLength={10}
                              rows={3}
                              style={{ display: 'block', width: '100%', minWidth: '18rem' }}
                              onChange={(e) => setRefusing({ id: tr.id, reasons: e.target.value })}
                            />
                          </label>
                          <div className="actions">
                            <button type="submit" disabled={busy === tr.id}>
                              {t('transfer.refuseWithReasons')}
                            </button>
                            <button
                              type="button"
                              className="secondary"
                              onClick={() => setRefusing(undefined)}
                            >
                              {t('transfer.cancelRefusal')}
                            </button>
                          </div>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">{t('transfer.timesIn', { zone })}</p>
        </Wide>
      )}
    </div>
  );
}
