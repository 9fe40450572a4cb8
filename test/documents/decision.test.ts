// APR Arts 36, 67–68 (issue 18): the decision document as PDF, parsed back to text — the person's name, the
// articles, the dates in Lithuania's zone (Europe/Vilnius), the result, the reasons in fact and in law
// (36(2)), and the remedy (36(3), 67, 68): the court, the time limit counted from notification and, when the
// notification is known, its end, and whether the appeal suspends removal or the person must ask to remain.
// A rejection without reasons is refused (36(2)) until a correction of the decision's record adds them.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import { amendAction } from '../../src/domain/amend.ts';
import { remedyExtras } from '../../src/domain/documents/kinds/decision-remedy.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { ctx, LAW_WITH_TEST_WINDOWS } from '../domain/fixtures.ts';
import { DECISION_AT, decidedCase, REASONS } from './decision-cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'decision' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000036',
  // 22:45 UTC on 11 December is 00:45 on 12 December in Vilnius (UTC+2): the document's date is the 12th
  issuedAt: '2026-12-11T22:45:00.000Z',
  issuer: { actor: 'officer-lt-1', role: 'case-officer' },
};
const authority = 'Migration Department (test)';

describe('APR Arts 36, 67–68: the decision document', () => {
  it('a rejection without reasons is not issued (36(2)); a correction of the decision record adds them', async () => {
    const bare = decidedCase('unfounded', { procedure: 'regular' });
    const refused = renderDocument({ ...base, language: 'en', case: bare, extra: { authority } });
    await expect(refused).rejects.toThrow(CommandRejectedError);
    await expect(refused).rejects.toThrow(/APR Art\. 36\(2\)/);
    // the correction names the decision's log entry (its seq) and gives the reasons, with why
    const seq = bare.decision?.seq ?? 0;
    const fixed = amendAction(
      bare,
      { seq, type: 'decision.issued', payload: { decision: 'unfounded' } },
      {
        kind: 'action',
        seq,
        field: 'reasons',
        value: REASONS,
        reason: 'the reasons of the written decision',
      },
      ctx('2026-12-11T09:00:00Z'),
    ).next;
    expect(fixed.decision?.reasons).toBe(REASONS);
    const r = await renderDocument({ ...base, language: 'en', case: fixed, extra: { authority } });
    expect(await pdfText(r.bytes)).toContain('economic reasons');
  });

  it('a positive decision needs no reasons: the result, no remedy section', async () => {
    const r = await renderDocument({
      ...base,
      language: 'en',
      case: decidedCase('refugee-status', { procedure: 'regular' }),
      extra: { authority },
    });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Refugee status is granted.');
    expect(text).toContain('HADDAD');
    expect(text).not.toContain('How to challenge this decision');
  });

  it('accelerated, unfounded, notified at issue: reasons, 67(7)(a) 7 days from the notification, ends on the next working day, no suspensive effect (68(3)(a)(i))', async () => {
    const c = decidedCase('unfounded', { reasons: REASONS, procedure: 'accelerated' });
    // notified 2026-12-11T22:15Z = Saturday 12 December 00:15 in Vilnius
    const notifiedAt = '2026-12-11T22:15:00.000Z';
    const extra = {
      authority,
      ...remedyExtras(c, LAW_WITH_TEST_WINDOWS, base.issuedAt, notifiedAt),
      notifiedAt,
    };
    const r = await renderDocument({ ...base, language: 'en', case: c, extra });
    const text = await pdfText(r.bytes);
    expect(text).toContain('HADDAD');
    expect(text).toContain('Karim Test');
    for (const article of ['Articles 36, 67 and 68', 'Article 36(2)', 'Article 67(8)', 'Article 68(3)'])
      expect(text).toContain(article);
    // the dates in Vilnius time: decided 2026-12-10T22:30Z = 2026-12-11 00:30; issued 2026-12-11T22:45Z = the 12th
    expect(DECISION_AT).toBe('2026-12-10T22:30:00.000Z');
    expect(text).toContain('Date of the decision 2026-12-11');
    expect(text).toContain('Date of this document 2026-12-12');
    expect(text).toContain('Application lodged on 2026-12-09');
    expect(text).toContain('accelerated examination procedure');
    // 36(2): the reasons in fact and in law, as recorded
    expect(text).toContain('Reasons in fact and in law');
    expect(text).toContain('Article 39(2) of Regulation (EU) 2024/1348');
    // 36(3): the result and how to challenge it
    expect(text).toContain('The application is rejected as unfounded.');
    expect(text).toContain('the competent court or tribunal of first instance');
    // 67(7)(a): the test window of 7 days (LAW_WITH_TEST_WINDOWS), from the notification (67(8)):
    // notified Sat 12 Dec 00:15 local; that day is not counted (Reg. 1182/71 Art. 3(1)); days 13–19 Dec;
    // the last day, Sat 19 Dec, moves to Mon 21 Dec (Art. 3(4)); the window ends at 2026-12-22 00:00 Vilnius, i.e. 2026-12-21 24:00
    expect(text).toContain('Time limit for the appeal (Article 67(7)(a)) 7 days');
    expect(text).toContain('2026-12-12 00:15 (Europe/Vilnius)');
    expect(text).toContain('Last moment to lodge the appeal 2026-12-21 24:00 (Europe/Vilnius)');
    // 68(3)(a)(i): no suspensive effect — the person must ask the court to remain (68(4)–(5))
    expect(text).toContain('does NOT by itself allow you to remain');
    expect(text).toContain('Article 68(4)');
    expect(text).not.toContain('You cannot be removed during that time');
    expect(text).toContain('in a language you understand');
    expect(text).toContain('free legal assistance');
    expect(text).toContain('For the determining authority');
    expect(text).toContain(authority);
    await pdfPng(r.bytes, 'decision-en');
    await pdfPng(r.bytes, 'decision-en-p2', 2).catch(() => undefined);
  });

  it('regular, unfounded, not yet notified: 67(7)(b) 14 days from the day of notification, suspensive (68(2))', async () => {
    const c = decidedCase('unfounded', { reasons: REASONS, procedure: 'regular' });
    const extra = { authority, ...remedyExtras(c, LAW_WITH_TEST_WINDOWS, base.issuedAt) };
    const text = await pdfText((await renderDocument({ ...base, language: 'en', case: c, extra })).bytes);
    expect(text).toContain('Time limit for the appeal (Article 67(7)(b)) 14 days');
    expect(text).toContain('the time limit above, counted from the day of notification');
    expect(text).toContain('You cannot be removed during that time');
    expect(text).toContain('Article 68(2)');
  });

  it('where the state has no confirmed window, the document does not guess it; in Lithuanian', async () => {
    const c = decidedCase('unfounded', { reasons: REASONS, procedure: 'regular' });
    const r = await renderDocument({ ...base, language: 'lt', case: c, extra: { authority } });
    const text = await pdfText(r.bytes);
    expect(text).toContain('HADDAD');
    expect(text).toContain('36, 67 ir 68 straipsniai');
    expect(text).toContain('Faktinės ir teisinės priežastys');
    expect(text).toContain('institucija jį įrašo čia');
    expect(text).toContain('2026-12-11');
    await pdfPng(r.bytes, 'decision-lt');
  });

  it('Arabic without a reviewed translation: the notice in Arabic, the text in English', async () => {
    const c = decidedCase('unfounded', { reasons: REASONS, procedure: 'regular' });
    const r = await renderDocument({ ...base, language: 'ar', case: c, extra: { authority } });
    expect(r.model.language).toBe('en');
    const text = await pdfText(r.bytes);
    expect(text).toMatch(/[\u0621-\u064A]{3}/);
    expect(text).toContain('No translation of this document into');
    await pdfPng(r.bytes, 'decision-ar-fallback');
  });
});
