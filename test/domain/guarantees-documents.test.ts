// The papers' guarantees on the case page (src/domain/documents/module.ts): APR (Regulation (EU) 2024/1348)
// Art. 8(2) — the information on rights and obligations, points (a)–(e) "at the latest" when the application
// is registered — and Art. 29(1) — the document "at the time of registration". The boundary is the
// registration: before it the information is due (by the registration deadline), after it missing unless
// given; given at the registration's own time is in time, a minute later is late. Synthetic persons only.
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { issueDecision, notifyDecision } from '../../src/domain/documents/issue.ts';
import type { DocumentKind } from '../../src/domain/documents/kinds.ts';
import { guaranteesOf } from '../../src/domain/guarantees/index.ts';
import { metCase, walk } from '../documents/cases.ts';

const by = { actor: 'officer-lt-1', role: 'case-officer' };
const REGISTERED_AT = '2026-12-08T10:00:00+02:00';

const screened = () =>
  walk(metCase(), [
    { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
  ] as CaseCommand[]);
const registered = (c = screened()) =>
  walk(c, [
    { type: 'application.registered', at: REGISTERED_AT, disproportionateNumbers: false },
  ] as CaseCommand[]);

let n = 0;
/** The case after `document.issued` at `at` (and `document.notified` at `notifiedAt`, if given). */
function issue(c: CaseState, kind: DocumentKind, at: string, notifiedAt?: string): CaseState {
  const documentId = `d0c00000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const facts = {
    documentId,
    kind,
    language: 'en' as const,
    requestedLanguage: 'ar' as const,
    templateVersion: `${kind}/en@1`,
    sha256: 'a'.repeat(64),
    size: 1000,
    articles: 'APR',
  };
  let s = issueDecision(c, facts, by, new Date(at)).next;
  if (notifiedAt)
    s = notifyDecision(
      s,
      { documentId, means: 'in-person', language: 'ar', at: notifiedAt },
      by,
      new Date(notifiedAt),
    ).next;
  return s;
}

const guarantee = (c: CaseState, key: string, open: { kind: 'registration'; dueAt: string }[] = []) =>
  guaranteesOf(c, new Date('2026-12-20T00:00:00Z'), open).find((g) => g.key.startsWith(key));

describe('APR Art. 8(2): information on rights and obligations, at the latest at registration', () => {
  it('does not apply where no application is made (no wish to apply recorded)', () => {
    expect(guarantee(metCase({ asylumWish: undefined }), 'applicant-information')).toBeUndefined();
  });

  it('is due before the registration, by the registration deadline the case has open', () => {
    const dueAt = '2026-12-13T08:00:00.000Z';
    expect(guarantee(screened(), 'applicant-information', [{ kind: 'registration', dueAt }])).toEqual({
      key: 'applicant-information',
      article: 'APR Art. 8(2)',
      status: 'due',
      dueAt,
    });
  });

  it('issued but not notified is not given: missing once the application is registered', () => {
    const c = registered(issue(screened(), 'applicant-information', '2026-12-08T09:10:00+02:00'));
    expect(guarantee(c, 'applicant-information')?.status).toBe('missing');
  });

  it('registered without it: missing', () => {
    expect(guarantee(registered(), 'applicant-information')).toMatchObject({
      key: 'applicant-information',
      status: 'missing',
    });
  });

  it('issued and notified before the registration: done, at the notification', () => {
    const c = registered(
      issue(screened(), 'applicant-information', '2026-12-08T09:10:00+02:00', '2026-12-08T09:20:00+02:00'),
    );
    expect(guarantee(c, 'applicant-information')).toEqual({
      key: 'applicant-information',
      article: 'APR Art. 8(2)',
      status: 'done',
      at: '2026-12-08T09:20:00+02:00',
    });
  });

  it('notified at the registration time itself is in time; a minute after it is late (its own key)', () => {
    // the registration is logged at REGISTERED_AT (walk decides it a minute later: the stated time counts)
    const r = registered();
    expect(Date.parse(r.registeredAt ?? '')).toBe(Date.parse(REGISTERED_AT));
    const onTime = issue(
      r,
      'applicant-information',
      '2026-12-08T10:00:00+02:00',
      '2026-12-08T10:00:00+02:00',
    );
    expect(guarantee(onTime, 'applicant-information')?.key).toBe('applicant-information');
    const late = issue(r, 'applicant-information', '2026-12-08T10:01:00+02:00', '2026-12-08T10:01:00+02:00');
    expect(guarantee(late, 'applicant-information')).toMatchObject({
      key: 'applicant-information-late',
      status: 'done',
      at: '2026-12-08T10:01:00+02:00',
    });
  });
});

describe('APR Art. 29(1): the document certifying applicant status, at the time of registration', () => {
  it('does not apply before the registration', () => {
    expect(guarantee(screened(), 'applicant-document')).toBeUndefined();
  });

  it('registered without it: missing', () => {
    expect(guarantee(registered(), 'applicant-document')).toEqual({
      key: 'applicant-document',
      article: 'APR Art. 29(1)',
      status: 'missing',
    });
  });

  it('issued after the registration: done, at the issue (no notification needed: it is in the applicant’s hands)', () => {
    const c = issue(registered(), 'applicant-document', '2026-12-08T10:05:00+02:00');
    expect(guarantee(c, 'applicant-document')).toEqual({
      key: 'applicant-document',
      article: 'APR Art. 29(1)',
      status: 'done',
      at: new Date('2026-12-08T10:05:00+02:00').toISOString(),
    });
  });

  it('another paper issued after the registration does not count', () => {
    const c = issue(registered(), 'applicant-information', '2026-12-08T10:05:00+02:00');
    expect(guarantee(c, 'applicant-document')?.status).toBe('missing');
  });
});
