// A person's case: who, the flags, the deadlines, the timeline of actions with their legal basis, and the
// next allowed actions as buttons that open the right form (the screening checklist while in screening).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseCommandInput, CaseViewBody, CommandResultBody } from '../../../src/api/contract.ts';
import type { CaseState } from '../../../src/domain/case-state.ts';
import { COMMAND_PERMISSION } from '../../../src/domain/roles.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdempotencyKeys } from '../ids.ts';
import { ActionForm } from './ActionForm.tsx';
import { ScreeningChecklist } from './ScreeningChecklist.tsx';

export function CaseScreen() {
  const { id = '' } = useParams();
  const { t, label, dateTime, due } = useI18n();
  const { may } = useAuth();
  const [view, setView] = useState<CaseViewBody>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<CommandType>();
  const [done, setDone] = useState<CommandResultBody>();
  const keyFor = useIdempotencyKeys();

  // the answer of the last request for this case only (a slower earlier one, or one for the case shown
  // before, is ignored)
  const latest = useRef(0);
  const load = useCallback(() => {
    const n = ++latest.current;
    return api<CaseViewBody>('GET', `/api/cases/${encodeURIComponent(id)}`).then(
      (v) => {
        if (n !== latest.current) return;
        setView(v);
        setError(undefined);
      },
      (e) => {
        if (n === latest.current) setError(e);
      },
    );
  }, [id]);
  useEffect(() => {
    setView(undefined);
    setDone(undefined);
    setOpen(undefined);
    load();
  }, [load]);

  if (error && !view)
    return (
      <section>
        <h1>{t('case.title')}</h1>
        {error instanceof ApiError && error.status === 404 ? (
          <p role="alert">{t('case.notFound')}</p>
        ) : (
          <ErrorNotice error={error} />
        )}
        <Link to="/queue">{t('case.backToQueue')}</Link>
      </section>
    );
  if (!view) return <Loading />;
  const c = view.case as unknown as CaseState;

  async function submit(command: CaseCommandInput, close = true) {
    const body = { expectedVersion: c.version, command };
    let r: CommandResultBody;
    try {
      // the same body on the same version is the same intent: a retry gets the same key (src/ids.ts)
      r = await api<CommandResultBody>('POST', `/api/cases/${c.id}/actions`, body, {
        'idempotency-key': keyFor(body),
      });
    } catch (e) {
      // someone (or the deadline sweep) changed the case meanwhile: read it again; the form stays as typed
      if (e instanceof ApiError && e.status === 409) await load();
      throw e;
    }
    setDone(r);
    if (close) setOpen(undefined);
    await load();
  }

  const allowed = (view.allowedActions as CommandType[]).filter((a) => may(COMMAND_PERMISSION[a]));
  const p = c.person;
  return (
    <section>
      <h1>
        {t('case.title')} <span className="muted">{c.id.slice(0, 8)}</span>
      </h1>
      {done && (
        <p className="notice notice-ok" role="status">
          {t('case.done', { status: label('status', done.status) })}
          {done.opened.length > 0 &&
            ` ${done.opened.map((o) => t('desk.dueBy', { what: label('obligation', o.kind), when: due(o.dueAt) })).join('; ')}`}
        </p>
      )}
      <div className="grid">
        <div className="card">
          <h2>{t('case.person')}</h2>
          <dl>
            <dt>{t('person.nationality')}</dt>
            <dd>{p.nationality ?? '—'}</dd>
            <dt>{t('person.sex')}</dt>
            <dd>{label('sex', p.sex)}</dd>
            <dt>{t('person.birthYear')}</dt>
            <dd>{p.birthYear ?? '—'}</dd>
            <dt>{t('case.status')}</dt>
            <dd>
              <strong>{label('status', c.status)}</strong>
            </dd>
            <dt>{t('case.encounter')}</dt>
            <dd>
              {label('kind', c.encounterKind)}, {dateTime(c.occurredAt)}
            </dd>
            {c.asylumWishAt && (
              <>
                <dt>{t('person.asylumWish')}</dt>
                <dd>{dateTime(c.asylumWishAt)}</dd>
              </>
            )}
            {c.procedure && (
              <>
                <dt>{t('field.procedure')}</dt>
                <dd>{label('procedure', c.procedure)}</dd>
              </>
            )}
            {c.decision && (
              <>
                <dt>{t('field.decision')}</dt>
                <dd>
                  {label('decision', c.decision.type)}, {dateTime(c.decision.at)}
                </dd>
              </>
            )}
          </dl>
          <h3>{t('case.flags')}</h3>
          {c.flags.length === 0 ? (
            <p className="muted">{t('case.noFlags')}</p>
          ) : (
            <ul className="flags">
              {c.flags.map((f) => (
                <li key={f} className={`flag flag-${f}`}>
                  {label('flag', f)}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="card">
          <h2>{t('case.deadlines')}</h2>
          {view.obligations.length === 0 ? (
            <p className="muted">{t('case.noDeadlines')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('queue.kind')}</th>
                  <th scope="col">{t('queue.due')}</th>
                  <th scope="col">{t('case.obligationStatus')}</th>
                  <th scope="col">{t('queue.article')}</th>
                </tr>
              </thead>
              <tbody>
                {view.obligations.map((o) => (
                  <tr key={`${o.kind}-${o.dueAt}`} className={`obligation-${o.status}`}>
                    <td>{label('obligation', o.kind)}</td>
                    <td>{due(o.dueAt)}</td>
                    <td>
                      {label('obligationStatus', o.status)}
                      {/* closed: the time the closing action states, and when it was entered */}
                      {o.closedAt && (
                        <span className="muted">
                          {' '}
                          · {dateTime(o.closedAt)}
                          {o.closedRecordedAt &&
                            ` (${t('case.entered', { time: dateTime(o.closedRecordedAt) })})`}
                        </span>
                      )}
                    </td>
                    <td className="article">{o.article}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>

      <h2>{t('case.next')}</h2>
      {allowed.length === 0 ? (
        <p className="muted">{t('case.nothingAllowed')}</p>
      ) : (
        <div className="actions">
          {allowed.map((a) => (
            <button
              key={a}
              type="button"
              className={open === a ? '' : 'secondary'}
              aria-expanded={open === a}
              onClick={() => setOpen(open === a ? undefined : a)}
            >
              {label('action', a)}
            </button>
          ))}
        </div>
      )}
      {open === 'screening.check-recorded' ? (
        <ScreeningChecklist
          actions={view.actions}
          allowed={allowed}
          submit={(cmd) => submit(cmd, false)}
          cancel={() => setOpen(undefined)}
        />
      ) : (
        open && <ActionForm key={open} type={open} submit={submit} cancel={() => setOpen(undefined)} />
      )}

      <h2>{t('case.timeline')}</h2>
      <ol className="timeline">
        {view.actions.map((a) => (
          <li key={a.seq}>
            <strong>{label('action', a.type)}</strong> — {dateTime(a.at)}{' '}
            {/* both times: when it happened and when it was entered (security issue #14) */}
            <span className="muted">({t('case.entered', { time: dateTime(a.recordedAt) })})</span>
            {a.lateEntry && (
              <div className="late-entry">{t('case.lateEntry', { reason: a.lateEntryReason ?? '—' })}</div>
            )}
            <div className="muted">
              {t('case.by', { actor: a.actor, role: label('role', a.role) })} ·{' '}
              <span className="article">{a.legalBasis}</span>
            </div>
            <Payload payload={a.payload} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Payload({ payload }: { payload: unknown }) {
  const { label } = useI18n();
  if (!payload || typeof payload !== 'object') return null;
  // what the user gave (the fields the forms ask for), not the system's bookkeeping (ids, derived status)
  const entries = Object.entries(payload as Record<string, unknown>).filter(
    ([k, v]) => label('field', k) !== k && v !== undefined && v !== null && v !== '',
  );
  if (entries.length === 0) return null;
  return (
    <div className="payload">
      {entries.map(([k, v]) => (
        <span key={k}>
          {label('field', k)}: {Array.isArray(v) ? v.join(', ') : String(v)}{' '}
        </span>
      ))}
    </div>
  );
}
