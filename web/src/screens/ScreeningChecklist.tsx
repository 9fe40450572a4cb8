// The screening checklist (Screening Regulation Arts 12–16): identity, health, vulnerability and security
// checks, the Eurodac transmission, and the outcome. Each check done shows its result and time; each open
// one can be recorded here.
import { useState } from 'react';
import type { CaseCommandInput, CaseViewBody } from '../../../src/api/contract.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import { ErrorNotice } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { localNow, toInstant } from '../local-time.ts';
import { SCREENING_CHECKS } from './command-fields.ts';

export function ScreeningChecklist(props: {
  actions: CaseViewBody['actions'];
  allowed: readonly CommandType[];
  submit(command: CaseCommandInput): Promise<void>;
  cancel(): void;
}) {
  const { t, label, dateTime, zone } = useI18n();
  const [results, setResults] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const done = new Map<string, { at: string; result: string }>();
  for (const a of props.actions)
    if (a.type === 'screening.check-recorded') {
      const p = a.payload as { check?: string; result?: string };
      if (p.check) done.set(p.check, { at: a.at, result: p.result ?? '' });
    }
  const eurodac = props.actions.find((a) => a.type === 'eurodac.transmitted');

  async function record(command: CaseCommandInput) {
    setError(undefined);
    try {
      await props.submit(command);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="card" aria-labelledby="checklist-title">
      <h3 id="checklist-title">{t('screening.title')}</h3>
      <ErrorNotice error={error} />
      <table>
        <tbody>
          {SCREENING_CHECKS.map((check) => {
            const d = done.get(check);
            return (
              <tr key={check}>
                <th scope="row">{label('check', check)}</th>
                {d ? (
                  <td colSpan={2}>
                    ✓ {d.result} <span className="muted">({dateTime(d.at)})</span>
                  </td>
                ) : (
                  <>
                    <td>
                      <input
                        aria-label={t('screening.resultOf', { check: label('check', check) })}
                        value={results[check] ?? ''}
                        onChange={(e) => setResults((r) => ({ ...r, [check]: e.target.value }))}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={!results[check]?.trim()}
                        onClick={() =>
                          record({
                            type: 'screening.check-recorded',
                            at: toInstant(localNow(zone), zone),
                            check,
                            result: results[check]?.trim() ?? '',
                          })
                        }
                      >
                        {t('screening.record')}
                        <span className="visually-hidden"> {label('check', check)}</span>
                      </button>
                    </td>
                  </>
                )}
              </tr>
            );
          })}
          <tr>
            <th scope="row">{label('action', 'eurodac.transmitted')}</th>
            <td colSpan={2}>
              {eurodac ? (
                <>
                  ✓ <span className="muted">({dateTime(eurodac.at)})</span>
                </>
              ) : props.allowed.includes('eurodac.transmitted') ? (
                <button
                  type="button"
                  onClick={() => record({ type: 'eurodac.transmitted', at: toInstant(localNow(zone), zone) })}
                >
                  {t('screening.record')}
                </button>
              ) : (
                '—'
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={props.cancel}>
        {t('form.close')}
      </button>
    </section>
  );
}
