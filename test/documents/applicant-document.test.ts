// APR Art. 29 (issue 18): the document certifying the status of applicant, as PDF — parsed back to text: the
// person's name, the article, the dates in Lithuania's zone (Europe/Vilnius), every field of 29(4)(a)–(c)
// Pact holds; the same input gives the same bytes; a person's language without a reviewed translation says
// so on the document's face, in that language, and the text is English.
import { describe, expect, it } from 'vitest';
import { composeDocument, renderDocument } from '../../src/documents/compose.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import type { DocumentModel } from '../../src/domain/documents/model.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { refusedAtEncounter, screenedCase } from './border-cases.ts';
import { metCase, registeredCase } from './cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'applicant-document' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000029',
  // 23:30 UTC on 8 December is 01:30 on 9 December in Vilnius (UTC+2): the document's date is the 9th
  issuedAt: '2026-12-08T23:30:00.000Z',
  issuer: { actor: 'officer-lt-1', role: 'case-officer' },
  extra: { authority: 'Migration Department (test)', place: 'Pabradė' },
};

describe('APR Art. 29: the applicant document', () => {
  it('before registration it is refused (29(1): it is given at registration)', async () => {
    await expect(renderDocument({ ...base, language: 'en', case: metCase() })).rejects.toThrow(
      CommandRejectedError,
    );
  });

  it('in English: the name, Art. 29, the registration and issue dates in Vilnius time, the fields of 29(4)(a)–(c)', async () => {
    const r = await renderDocument({ ...base, language: 'en', case: registeredCase() });
    const text = await pdfText(r.bytes);
    expect(text).toContain('HADDAD');
    expect(text).toContain('Karim Test');
    expect(text).toContain('Article 29');
    // registered 2026-12-08 10:00 Vilnius; issued 2026-12-08T23:30Z = 2026-12-09 01:30 Vilnius
    expect(text).toContain('registered on 2026-12-08');
    expect(text).toContain('2026-12-09');
    expect(text).not.toContain('2026-12-08T23:30');
    for (const field of ['Date of birth', '1994-03-07', 'Place of birth', 'Mosul', 'Sex', 'male', 'IQ'])
      expect(text).toContain(field);
    for (const field of [
      'Issuing authority',
      'Migration Department (test)',
      'Place of issue',
      'Pabradė',
      'Valid',
    ])
      expect(text).toContain(field);
    expect(text).toContain('Signature of the applicant');
    expect(text).toContain(base.documentId);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    await pdfPng(r.bytes, 'applicant-document-en');
  });

  it('the same case, time and id give the same bytes (a reprint is identical)', async () => {
    const a = await renderDocument({ ...base, language: 'lt', case: registeredCase() });
    const b = await renderDocument({ ...base, language: 'lt', case: registeredCase() });
    expect(b.sha256).toBe(a.sha256);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const text = await pdfText(a.bytes);
    expect(text).toContain('29 straipsnis');
    expect(text).toContain('Pavardė');
    // Lithuanian is the authority's language: complete, and its review status is on its face
    expect(text).toContain('neperžiūrėtas');
  });

  it('the same bytes whatever was printed before in the process (the parsed fonts are shared, their glyph cache is not)', async () => {
    const first = await renderDocument({ ...base, language: 'en', case: registeredCase() });
    // documents that make other glyphs first: other kinds, Arabic and Persian notices, Lithuanian letters
    await renderDocument({ ...base, kind: 'screening-form', language: 'en', case: screenedCase() });
    await renderDocument({ ...base, kind: 'refusal-of-entry', language: 'lt', case: refusedAtEncounter() });
    await renderDocument({ ...base, language: 'ar', case: registeredCase() });
    await renderDocument({ ...base, language: 'fa', case: registeredCase(), draft: true });
    // a page right to left with brackets and Latin letters in Arabic text (mirrored when drawn)
    const rtl = (await composeDocument({ ...base, language: 'en', case: registeredCase() })) as DocumentModel;
    await renderPdf([
      {
        ...rtl,
        direction: 'rtl',
        blocks: [{ type: 'paragraph', text: 'الحق في تقديم طلب (المادة 8(2)(a)) والسبب (I) [انظر] {أ}' }],
      },
    ]);
    await renderDocument({ ...base, language: 'lt', case: registeredCase() });
    const again = await renderDocument({ ...base, language: 'en', case: registeredCase() });
    expect(again.sha256).toBe(first.sha256);
  });

  it('Arabic, with no translation reviewed by a speaker: the notice in Arabic on its face, the text in English', async () => {
    const r = await renderDocument({ ...base, language: 'ar', case: registeredCase() });
    expect(r.model.language).toBe('en');
    expect(r.model.requestedLanguage).toBe('ar');
    const text = await pdfText(r.bytes);
    // shaped Arabic glyphs do not map back to letters one by one (pdf.js reads them in drawing order): the
    // Arabic notice is checked as Arabic letters present, and looked at on the PNG below
    expect(text).toMatch(/[\u0621-\u064A]{3}/);
    expect(text).toContain('No translation of this document into');
    expect(text).toContain('was drafted by the Pact project and has not been reviewed by a speaker');
    expect(text).toContain('HADDAD');
    await pdfPng(r.bytes, 'applicant-document-ar-fallback');
  });
});
