// The border desk's answer: each person recorded, with a link to the case, the deadlines it started and the
// files that may be the same person (issue 16); after a refusal of entry, the group's refusal forms to print
// in one PDF (issue 18: POST /api/encounters/ID/documents/refusal-of-entry). Issue 19: each person who asked for
// international protection and each unaccompanied minor is marked in words, with the obligations that follow
// for them: the deadlines the server computed (with their article), and those the law names without a period
// the server counts here (desk-follows.ts).
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { EncounterResultBody } from '../../../src/api/contract.ts';
import type { EncounterKind } from '../../../src/domain/vocabulary.ts';
import { ErrorNotice } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useReasons } from './Duplicates.tsx';
import { followsFor } from './desk-follows.ts';
import { GROUP_PRINT_MAX, printRefusals } from './print-refusals.ts';

/** Issue 19: an encounter kept on this device, not yet recorded (or refused: listed under the form). */
export function Kept({ state }: { state: 'waiting' | 'sending' | 'refused' }) {
  const { t } = useI18n();
  if (state === 'refused')
    return (
      <div className="notice notice-error" role="status">
        <h2>{t('outbox.refusedBelow')}</h2>
      </div>
    );
  return (
    <div className="notice" role="status">
      <h2>{state === 'sending' ? t('outbox.sendingNow') : t('outbox.kept')}</h2>
    </div>
  );
}

/** What was recorded: each person, with a link to the case and the deadlines it started. */
export function Confirmation({
  result,
  persons,
  kind,
  focusOnShow,
}: {
  result: EncounterResultBody;
  /** the persons as sent, in the order of result.caseIds */
  persons: readonly {
    nationality?: string;
    unaccompanied?: boolean;
    minor?: boolean;
    asylumWish?: unknown;
  }[];
  kind?: EncounterKind;
  /** the heading takes the keyboard focus when an answer is shown (after Record) */
  focusOnShow?: boolean;
}) {
  const { t, label, due, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow && result) heading.current?.focus();
  }, [focusOnShow, result]);
  const reasons = useReasons();
  const [printError, setPrintError] = useState<unknown>();
  const [printing, setPrinting] = useState(false);
  const print = async (from: number) => {
    setPrinting(true);
    setPrintError(undefined);
    try {
      await printRefusals(result.encounterId, lang, from);
    } catch (e) {
      setPrintError(e);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <div className="notice notice-ok" role="status">
      <h2 ref={heading} tabIndex={-1}>
        {t('desk.recorded', { n: result.caseIds.length, unidentified: result.unidentified })}
      </h2>
      <ul className="desk-recorded">
        {result.caseIds.map((caseId, i) => {
          const obligations = result.obligations.filter((o) => o.caseId === caseId);
          const person = persons[i];
          const asked = !!person?.asylumWish;
          const unaccompanied = !!person?.unaccompanied;
          const follows = followsFor({ asked, unaccompanied }, obligations);
          return (
            <li key={caseId}>
              <Link to={`/cases/${caseId}`}>
                {t('desk.personN', { n: i + 1, nationality: person?.nationality || '?' })}
              </Link>{' '}
              {asked && <span className="flag flag-protection">{t('desk.askedProtection')}</span>}
              {unaccompanied && (
                <span className="flag flag-unaccompanied">{t('desk.unaccompaniedMinor')}</span>
              )}
              {(obligations.length > 0 || follows.length > 0) && (
                <ul className="desk-follows" aria-label={t('desk.whatFollows', { n: i + 1 })}>
                  {obligations.map((o) => (
                    <li key={o.kind}>
                      {t('desk.dueBy', { what: label('obligation', o.kind), when: due(o.dueAt) })}{' '}
                      <span className="article">({o.article})</span>
                    </li>
                  ))}
                  {follows.map((k) => (
                    <li key={k}>{t(k)}</li>
                  ))}
                </ul>
              )}
              {(result.possibleDuplicates ?? [])
                .filter((d) => d.caseId === caseId)
                .map((d) => (
                  <div key={d.otherCaseId} className="possible-duplicate">
                    <Link to={`/cases/${d.otherCaseId}`}>
                      {t('duplicates.possibly', {
                        id: d.otherCaseId.slice(0, 8),
                        reasons: reasons(d.reasons),
                      })}
                    </Link>
                  </div>
                ))}
            </li>
          );
        })}
      </ul>
      {kind === 'entry-prevented-refused' && result.caseIds.length > 0 && (
        <>
          <ErrorNotice error={printError} />
          {/* at most GROUP_PRINT_MAX forms per print: a larger group is printed in parts */}
          {Array.from({ length: Math.ceil(result.caseIds.length / GROUP_PRINT_MAX) }, (_, part) => {
            const from = part * GROUP_PRINT_MAX;
            const to = Math.min(from + GROUP_PRINT_MAX, result.caseIds.length);
            return (
              <button key={from} type="button" onClick={() => print(from)} disabled={printing}>
                {result.caseIds.length > GROUP_PRINT_MAX
                  ? t('desk.printRefusalsPart', { from: from + 1, to })
                  : t('desk.printRefusals')}
              </button>
            );
          })}
        </>
      )}
    </div>
  );
}
