// RD Art. 12 (issue 18): the return decision as PDF, parsed back to text — the person's name, the articles,
// in writing with the reasons in fact and in law (its own, or the rejection's: APR Art. 37) and the
// remedies (12(1)), the translation on request (12(2)), the period for voluntary departure (Art. 7), the entry
// ban (Art. 11: Pact records none, and the document says so), the return border procedure (RBPR), the dates
// in Vilnius time; only once a return decision is recorded.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { decidedCase, REASONS, returnCase } from './decision-cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'return-decision' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000012',
  // 22:20 UTC on 12 December is 00:20 on 13 December in Vilnius
  issuedAt: '2026-12-12T22:20:00.000Z',
  issuer: { actor: 'return-lt-1', role: 'return-officer' },
  extra: { authority: 'Migration Department (test)' },
};

describe('RD Art. 12: the return decision', () => {
  it('is not issued before a return decision, nor without reasons (12(1))', async () => {
    const none = decidedCase('unfounded', { reasons: REASONS, procedure: 'accelerated' });
    await expect(renderDocument({ ...base, language: 'en', case: none })).rejects.toThrow(
      CommandRejectedError,
    );
    await expect(renderDocument({ ...base, language: 'en', case: returnCase() })).rejects.toThrow(
      /RD Art\. 12\(1\)/,
    );
  });

  it('adopted with the rejection: its reasons, remedies, 10 days to leave, no entry ban recorded, RBPR', async () => {
    const c = returnCase({ decisionReasons: REASONS });
    const r = await renderDocument({ ...base, language: 'en', case: c });
    const text = await pdfText(r.bytes);
    expect(text).toContain('HADDAD');
    expect(text).toContain('Karim Test');
    expect(text).toContain('T0000001');
    for (const a of [
      'Directive 2008/115/EC, Articles 7, 11 and 12',
      'Article 12(1)',
      'Article 12(2)',
      'Article 37',
      'Regulation (EU) 2024/1349',
    ])
      expect(text).toContain(a);
    // return decided 2026-12-11T21:10Z = 2026-12-11 23:10 Vilnius; the document 2026-12-12T22:20Z = the 13th
    expect(text).toContain('Date of the return decision 2026-12-11');
    expect(text).toContain('Date of this document 2026-12-13');
    // the rejection it was adopted with, decided 2026-12-10T22:30Z = the 11th in Vilnius
    expect(text).toContain('the application is rejected as unfounded — 2026-12-11');
    expect(text).toContain('Reasons in fact and in law (Article 12(1))');
    expect(text).toContain('Article 39(2) of Regulation (EU) 2024/1348');
    // Art. 7: 10 days granted on 2026-12-12 (09:00 Vilnius)
    expect(text).toContain('Period for voluntary departure, in days (Article 7), granted on 10 (2026-12-12)');
    expect(text).toContain('no entry ban is recorded on this case');
    expect(text).toContain('return border procedure');
    expect(text).toContain('Legal remedies');
    expect(text).toContain('Article 68(1)');
    expect(text).toContain('translation of the main elements');
    await pdfPng(r.bytes, 'return-decision-en');
  });

  it('its own reasons where recorded; in Lithuanian', async () => {
    const c = returnCase({
      returnReasons: 'Own return reasons (synthetic): Article 6(1) of Directive 2008/115/EC.',
    });
    const r = await renderDocument({ ...base, language: 'lt', case: c });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Sprendimas grąžinti');
    expect(text).toContain('Own return reasons (synthetic)');
    expect(text).toContain('12 straipsnio 2 dalis');
    expect(text).toContain('2026-12-11');
    await pdfPng(r.bytes, 'return-decision-lt');
  });
});
