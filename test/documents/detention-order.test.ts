// RCD Arts 10–11, RD Art. 15 (issue 18): the detention order as PDF, parsed back to text — the person's name,
// the articles, the ground of Art. 10(4) used, the reasons in fact and in law with why less coercive measures
// cannot apply (11(2)), the judicial review (11(3)) and the maximum the case knows, in Vilnius time; only
// while the person is detained.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { registeredCase } from './cases.ts';
import { DETENTION_REASONS, detainedApplicant } from './decision-cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'detention-order' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000011',
  // 23:40 UTC on 4 January is 01:40 on 5 January in Vilnius (UTC+2)
  issuedAt: '2027-01-04T23:40:00.000Z',
  issuer: { actor: 'guard-lt-1', role: 'border-guard' },
  extra: { authority: 'State Border Guard Service (test)' },
};

describe('RCD Arts 10–11: the detention order', () => {
  it('is not issued for a person who is not detained', async () => {
    await expect(renderDocument({ ...base, language: 'en', case: registeredCase() })).rejects.toThrow(
      CommandRejectedError,
    );
  });

  it('an applicant: the ground 10(4)(a), the reasons and alternatives (11(2)), the judicial review (11(3)), the maximum', async () => {
    const c = detainedApplicant();
    expect(DETENTION_REASONS).toContain('Alternatives');
    const r = await renderDocument({ ...base, language: 'en', case: c });
    const text = await pdfText(r.bytes);
    expect(text).toContain('HADDAD');
    expect(text).toContain('Karim Test');
    for (const a of [
      'Directive (EU) 2024/1346, Articles 10 and 11',
      'Directive 2008/115/EC, Article 15',
      'Article 11(3)',
    ])
      expect(text).toContain(a);
    expect(text).toContain('an applicant for international protection');
    expect(text).toContain('to determine or verify identity or nationality (Article 10(4)(a))');
    // detained 2027-01-04T23:30Z = 2027-01-05 01:30 Vilnius
    expect(text).toContain('Detained since 2027-01-05 01:30 (Europe/Vilnius)');
    expect(text).toContain('2027-01-12 10:00 (Europe/Vilnius)');
    // 11(3): 15 days from the beginning of detention (law/detention.ts): the day of the event (5 Jan) is not
    // counted (Reg. 1182/71 Art. 3(1)): 6 … 20 January; Wednesday 20 January is a working day; the review is
    // due before 2027-01-21 00:00 Vilnius, shown as the last day's 24:00
    expect(text).toContain('2027-01-20 24:00 (Europe/Vilnius)');
    // Lithuania's national maximum for applicants, 6 months (law/detention.ts, REPORTED): from Tuesday 5
    // January to the end of Monday 5 July 2027 (Reg. 1182/71 Art. 3(2)(c))
    expect(text).toContain('2027-07-05 24:00 (Europe/Vilnius)');
    expect(text).toContain('national maximum');
    expect(text).toContain('why less coercive alternative measures cannot be applied effectively');
    expect(text).toContain('cannot verify identity effectively');
    expect(text).toContain('ask a court to review it');
    expect(text).toContain('released immediately');
    expect(text).toContain('in a language you understand');
    expect(text).toContain('Date of this document 2027-01-05');
    expect(text).toContain('State Border Guard Service (test)');
    await pdfPng(r.bytes, 'detention-order-en');
  });

  it('in Lithuanian, complete', async () => {
    const r = await renderDocument({ ...base, language: 'lt', case: detainedApplicant() });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Sprendimas sulaikyti');
    expect(text).toContain('10 straipsnio 4 dalies a punktas');
    expect(text).toContain('2027-01-05 01:30');
    await pdfPng(r.bytes, 'detention-order-lt');
  });
});
