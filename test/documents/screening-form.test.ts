// Screening Regulation (EU) 2024/1356 Art. 17(1) (issue 18): the screening form as PDF, parsed back to text —
// the person's name, the articles, the dates in Vilnius time, every point (a)–(i) (label and value; "not
// recorded" where Pact holds nothing), the outcome and the referral of Art. 18. Before the end of the
// screening the form is refused.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import { refusedAtEncounter, screenedCase } from './border-cases.ts';
import { metCase } from './cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'screening-form' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000017',
  issuedAt: '2026-12-07T22:30:00.000Z',
  issuer: { actor: 'screener-lt-2', role: 'screening-officer' },
  extra: { authority: 'State Border Guard Service (test)' },
};

describe('Screening Regulation Art. 17: the screening form', () => {
  it('in English: every point (a)–(i), the outcome and the referral', async () => {
    const r = await renderDocument({ ...base, language: 'en', case: screenedCase() });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Screening form');
    expect(text).toContain('HADDAD');
    for (const a of [
      'Regulation (EU) 2024/1356',
      'Article 17',
      'Article 18',
      'Article 12(1)',
      'Article 12(3)',
      'Article 15',
      'Article 9',
    ])
      expect(text).toContain(a);
    const fields: [string, string][] = [
      // (a)
      ['Family name', 'HADDAD'],
      ['Given names', 'Karim Test'],
      ['Date of birth', '1994-03-07'],
      ['Place of birth', 'Mosul'],
      ['Gender', 'male'],
      // (b)
      ['Nationalities or statelessness', 'IQ'],
      ['Languages spoken', 'ar, ckb'],
      // (c): the encounter's kind
      ['(c) Reason for which the screening was performed', 'unauthorised crossing of the external border'],
      // met 2026-12-07 04:10 Vilnius
      ['Screening started', '2026-12-07 04:10'],
      ['Identity check (Article 14)', 'passport seen; identity established (2026-12-07 09:00)'],
      ['Identity and travel documents', 'passport T0000001 (IQ)'],
      // (d), (e)
      ['(d) Preliminary health check', 'no further health check needed (2026-12-07 09:10)'],
      ['(e) Preliminary vulnerability check', 'no vulnerability identified (2026-12-07 09:20)'],
      // (f): the wish at 04:30 Vilnius
      ['(f) Application for international protection made', 'yes, made on 2026-12-07 04:30'],
      // (h)
      ['(h) Consultation of databases (Article 15)', 'no hit (SIS, Europol, Interpol) (2026-12-07 09:30)'],
      ['Eurodac: data transmitted', '2026-12-07 10:00'],
      // Art. 18
      ['Outcome of the screening', 'application for international protection'],
      ['Referred to', 'the authorities registering applications for international protection'],
      // completed at 2026-12-08T00:20+02:00 = 2026-12-07T22:20Z: the form says the 8th
      ['Screening completed', '2026-12-08 00:20'],
      ['Screening authority', 'State Border Guard Service (test)'],
    ];
    for (const [label, value] of fields) {
      expect(text).toContain(label);
      expect(text).toContain(value);
    }
    // points Pact holds nothing for: (b) residence, (e) needs, (g) family, (i) cooperation
    for (const label of [
      'Countries of residence prior to arrival',
      '(e) Vulnerabilities, special reception or procedural needs identified',
      '(g) Family members',
      '(i) Obligation to cooperate (Article 9)',
    ])
      expect(text).toContain(label);
    expect(text.match(/— not recorded —/g)?.length).toBeGreaterThanOrEqual(4);
    expect(text).not.toContain('2026-12-07 22:20');
    expect(text).toContain('Screening officer (name, signature, stamp)');
    await pdfPng(r.bytes, 'screening-form-en');
  });

  it('the referral follows the outcome (Art. 18): return', async () => {
    const text = await pdfText(
      (await renderDocument({ ...base, language: 'en', case: screenedCase('return') })).bytes,
    );
    expect(text).toContain('the authorities competent for return (Directive 2008/115/EC)');
  });

  it('in Lithuanian, complete', async () => {
    const r = await renderDocument({ ...base, language: 'lt', case: screenedCase('relocation') });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Patikros forma');
    expect(text).toContain('17 straipsnis');
    expect(text).toContain('perkėlimo procedūrai');
    await pdfPng(r.bytes, 'screening-form-lt');
  });

  it('before the screening is completed the form is unavailable and says why', async () => {
    await expect(renderDocument({ ...base, language: 'en', case: metCase() })).rejects.toThrow(
      /the screening is not completed/,
    );
    await expect(renderDocument({ ...base, language: 'en', case: refusedAtEncounter() })).rejects.toThrow(
      /the screening is not completed/,
    );
  });
});
