// Relocation (AMMR Arts 67–68): the matching of the candidates to the relocation pledges — first a dry run
// that only shows it, then the proposal of each match to its state of relocation — and the transfers with
// their deadlines and the steps the user may take: the state of relocation (or the EU coordinator) confirms
// or refuses a proposal (silence confirms, Art. 67(9)); then the person was transferred or did not appear.
import { useState } from 'react';
import type { MatchBody } from '../../../../src/api/contract.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CAPTION, NUM, useStateName } from './shared.tsx';
import { Transfers } from './Transfers.tsx';

export function RelocationSection({ year, onChanged }: { year: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  return (
    <section aria-labelledby="relocation-title">
      <h2 id="relocation-title">{t('relocation.title')}</h2>
      <Matching year={year} onProposed={changed} />
      <Transfers year={year} version={version} onChanged={changed} />
    </section>
  );
}

function Matching({ year, onProposed }: { year: number; onProposed: () => void }) {
  const { t, number, label } = useI18n();
  const name = useStateName();
  const [run, setRun] = useState<MatchBody>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function match(dryRun: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<MatchBody>('POST', `/api/solidarity/${year}/match`, { dryRun });
      setRun(r);
      if (!dryRun) onProposed();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const reasons = new Map<string, number>();
  for (const u of run?.unmatched ?? []) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const offers = new Map((run?.offers ?? []).map((o) => [o.state as string, o.remaining]));
  return (
    <div className="card">
      <h3>{t('relocation.matching')}</h3>
      <p>{t('relocation.matchingText')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => match(true)}>
          {t('relocation.dryRun')}
        </button>
        {run?.dryRun && run.assignments.length > 0 && (
          <button type="button" disabled={busy} onClick={() => match(false)}>
            {t('relocation.propose', { n: run.assignments.length })}
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
      {run && (
        <div aria-live="polite">
          <p className={run.dryRun ? 'notice' : 'notice notice-ok'}>
            {run.dryRun
              ? t('relocation.dryRunText', {
                  matched: run.assignments.length,
                  unmatched: run.unmatched.length,
                })
              : t('relocation.proposedText', { n: run.proposed.length, unmatched: run.unmatched.length })}
          </p>
          <div className="grid" style={{ alignItems: 'start' }}>
            <table>
              <caption style={CAPTION}>{t('relocation.perState')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('balance.state')}</th>
                  <th scope="col" style={NUM}>
                    {t('relocation.matched')}
                  </th>
                  <th scope="col" style={NUM}>
                    {t('relocation.placesLeft')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(run.perState).map(([s, n]) => (
                  <tr key={s}>
                    <th scope="row">
                      {name(s)} ({s})
                    </th>
                    <td className="num">{number(n)}</td>
                    <td className="num">{offers.has(s) ? number(offers.get(s) ?? 0) : '—'}</td>
                  </tr>
                ))}
                {Object.keys(run.perState).length === 0 && (
                  <tr>
                    <td colSpan={3}>{t('relocation.noOffers')}</td>
                  </tr>
                )}
              </tbody>
            </table>
            <table>
              <caption style={CAPTION}>{t('relocation.unmatchedByReason')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('relocation.reason')}</th>
                  <th scope="col" style={NUM}>
                    {t('relocation.persons')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...reasons].map(([r, n]) => (
                  <tr key={r}>
                    <th scope="row">{label('unmatched', r)}</th>
                    <td className="num">{number(n)}</td>
                  </tr>
                ))}
                {reasons.size === 0 && (
                  <tr>
                    <td colSpan={2}>{t('relocation.allMatched')}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {run.assignments.length + run.unmatched.length > 0 && (
            <details style={{ marginTop: '1rem' }}>
              <summary style={{ marginBottom: '0.5rem' }}>
                {t('relocation.each', { n: run.assignments.length + run.unmatched.length })}
              </summary>
              <table style={{ fontSize: '0.9rem' }}>
                <caption className="visually-hidden">{t('relocation.eachCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('relocation.candidate')}</th>
                    <th scope="col">{t('relocation.result')}</th>
                    <th scope="col">{t('relocation.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {run.assignments.map((a) => (
                    <tr key={a.candidateId}>
                      <th scope="row">{a.candidateId}</th>
                      <td>{t('relocation.to', { state: name(a.state) })}</td>
                      <td>{a.why}</td>
                    </tr>
                  ))}
                  {run.unmatched.map((u) => (
                    <tr key={u.candidateId}>
                      <th scope="row">{u.candidateId}</th>
                      <td>{label('unmatched', u.reason)}</td>
                      <td>
                        {u.why}
                        {u.article && <span className="article"> ({u.article})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
