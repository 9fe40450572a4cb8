// A person's case: who, the flags, the deadlines, the timeline of actions with their legal basis, and the
// next allowed actions as buttons that open the right form (the screening checklist while in screening).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseCommandInput, CaseViewBody, CommandResultBody } from '../../../src/api/contract.ts';
import type { CaseState } from '../../../src/domain/case-state.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdempotencyKeys } from '../ids.ts';
import { ActionForm } from './ActionForm.tsx';
import { CaseAmend } from './CaseAmend.tsx';
import { CaseAttachments } from './CaseAttachments.tsx';
import { CaseDeadlines } from './CaseDeadlines.tsx';
import { CaseGuarantees } from './CaseGuarantees.tsx';
import { CaseLinks } from './CaseLinks.tsx';
import { CasePrint, PrintHeader } from './CasePrint.tsx';
import { CaseResponsibility } from './CaseResponsibility.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseVoluntaryReturn } from './CaseVoluntaryReturn.tsx';
import { PersonPanel } from './PersonPanel.tsx';
import { ScreeningChecklist } from './ScreeningChecklist.tsx';

export function CaseScreen() {
  const { id = '' } = useParams();
  const { t, label, dateTime, due } = useI18n();
  const [view, setView] = useState<CaseViewBody>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<CommandType>();
  const [done, setDone] = useState<CommandResultBody>();
  const keyFor = useIdempotencyKeys();
  const { may } = useAuth();
  const [amending, setAmending] = useState(false);
  const [warning, setWarning] = useState<{ assignee: string; command: CaseCommandInput; close: boolean }>();
  const [ackError, setAckError] = useState<unknown>();

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
    setWarning(undefined);
    setAckError(undefined);
    load();
  }, [load]);

  if (error && !view)
    return (
      <section>
        <h1>{t('case.title')}</h1>
        {error instanceof ApiError && error.status === 404 ? (
          <p role="alert">{t('case.notFound')}</p>
        ) : error instanceof ApiError && error.code === 'case-id-ambiguous' ? (
          // a short id that several cases of the state begin with (issue #16): list them
          <p role="alert">
            {t('case.ambiguous', { id })}{' '}
            <Link to={`/search?q=${encodeURIComponent(id)}`}>{t('case.ambiguousSearch')}</Link>
          </p>
        ) : (
          <ErrorNotice error={error} />
        )}
        <Link to="/queue">{t('case.backToQueue')}</Link>
      </section>
    );
  if (!view) return <Loading />;
  const c = view.case as unknown as CaseState;

  async function submit(command: CaseCommandInput, close = true, acknowledgeAssignment = false) {
    const body = {
      expectedVersion: c.version,
      command,
      ...(acknowledgeAssignment ? { acknowledgeAssignment } : {}),
    };
    let r: CommandResultBody;
    try {
      // the same body on the same version is the same intent: a retry gets the same key (src/ids.ts)
      r = await api<CommandResultBody>('POST', `/api/cases/${c.id}/actions`, body, {
        'idempotency-key': keyFor(body),
      });
    } catch (e) {
      // the case is assigned to someone else (issue 16): warn, and let the user go on with the same command
      if (e instanceof ApiError && e.code === 'assigned-to-other')
        setWarning({ assignee: String(e.problem.params?.assignee ?? ''), command, close });
      // someone (or the deadline sweep) changed the case meanwhile: read it again; the form stays as typed
      else if (e instanceof ApiError && e.status === 409) await load();
      throw e;
    }
    setWarning(undefined);
    setAckError(undefined);
    setDone(r);
    if (close) setOpen(undefined);
    await load();
  }

  // the server's list: the actions it would accept from this user on the case as it stands
  // identity.recorded has its own form, in the person panel
  const allowed = (view.allowedActions as CommandType[]).filter((a) => a !== 'identity.recorded');
  const choices = view.allowedChoices as Partial<Record<CommandType, Record<string, string[]>>>;
  return (
    <section className="case-page">
      {/* on paper only: the case's full id and when it was printed (styles.css @media print) */}
      <PrintHeader caseId={c.id} />
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
      <PersonPanel
        person={view.person}
        asOf={view.asOf}
        mayRecord={view.allowedActions.includes('identity.recorded')}
        submit={(cmd) => submit(cmd)}
      />
      <div className="grid">
        <div className="card">
          <h2>{t('case.encounter')}</h2>
          <dl>
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
          <CaseDeadlines obligations={view.obligations} asOf={view.asOf} />
        </div>
        {/* issue 17: the person's guarantees, beside the deadlines */}
        <div className="card" id="guarantees">
          <h2>{t('guarantees.title')}</h2>
          <CaseGuarantees guarantees={view.guarantees} />
        </div>
        {/* issue 20: the member state responsible (AMMR Part III) */}
        {(c.responsibility || c.registeredAt) && <CaseResponsibility responsibility={c.responsibility} />}
        {/* issue 22: assisted voluntary return and readmission (RD Arts 7–8, 11) */}
        {(c.status === 'in-return' || c.voluntaryReturn) && (
          <CaseVoluntaryReturn
            voluntaryReturn={c.voluntaryReturn}
            arrangement={view.readmissionArrangement}
          />
        )}
        <CaseLinks caseId={c.id} version={c.version} />
      </div>

      {/* issue 18: papers — the Print menu and the documents issued on the case */}
      <CasePrint
        caseId={c.id}
        version={c.version}
        personLanguages={view.person.identity?.languages ?? []}
        changed={load}
      />

      <CaseAttachments caseId={String(view.case.id)} />

      <h2 className="no-print">{t('case.next')}</h2>
      {allowed.length === 0 ? (
        <p className="muted no-print">{t('case.nothingAllowed')}</p>
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
      {warning && (
        <div className="notice notice-warning assignment-warning" role="alert">
          <p>{t('assign.warning', { assignee: warning.assignee })}</p>
          <button
            type="button"
            onClick={() => submit(warning.command, warning.close, true).catch(setAckError)}
          >
            {t('assign.goOn')}
          </button>
          <ErrorNotice error={ackError} />
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
        open && (
          <ActionForm
            key={open}
            type={open}
            choices={choices[open]}
            submit={submit}
            cancel={() => setOpen(undefined)}
          />
        )
      )}

      {may('case.amend') && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            aria-expanded={amending}
            onClick={() => setAmending(!amending)}
          >
            {t('amend.open')}
          </button>
        </div>
      )}
      {amending && (
        <CaseAmend
          view={view}
          saved={async () => {
            setAmending(false);
            setDone(undefined);
            await load();
          }}
          cancel={() => setAmending(false)}
        />
      )}

      <h2>{t('case.timeline')}</h2>
      <CaseTimeline actions={view.actions} />
    </section>
  );
}
