// APR Art. 8 (issue 18): the information to applicants on their rights and obligations, as PDF — parsed back
// to text: the person's name, Art. 8 and every point (a)–(f) of 8(2), the dates in Lithuania's zone
// (Europe/Vilnius, UTC+2 in December), the time limits open on the case (passed by the store as
// `due.<kind>`); offered from the moment the wish to apply is recorded (an application is made: APR Art. 26),
// refused before; a person's language with no reviewed translation gives the English text with the notice.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { metCase, registeredCase, walk } from './cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'applicant-information' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000008',
  // 22:30 UTC on 7 December is 00:30 on 8 December in Vilnius (UTC+2): the information's date is the 8th
  issuedAt: '2026-12-07T22:30:00.000Z',
  issuer: { actor: 'officer-lt-1', role: 'case-officer' },
};

/** Wish made at 00:20 Vilnius on 7 December (22:20 UTC on the 6th), screened at 09:00: registration open. */
function screenedCase() {
  return walk(
    metCase({ asylumWish: { at: '2026-12-07T00:20:00+02:00', where: 'station', to: 'border guard' } }),
    [{ type: 'screening.completed', at: '2026-12-07T09:00:00+02:00', outcome: 'asylum' }] as CaseCommand[],
  );
}

describe('APR Art. 8: information to applicants on their rights and obligations', () => {
  it('is refused where no wish to apply is recorded (8(2) informs applicants: no application is made)', async () => {
    await expect(
      renderDocument({ ...base, language: 'en', case: metCase({ asylumWish: undefined }), extra: {} }),
    ).rejects.toThrow(CommandRejectedError);
  });

  it('before registration: the name, Art. 8, every point of 8(2), the made date and the registration deadline in Vilnius time', async () => {
    const c = screenedCase();
    expect(c.open).toContain('registration');
    const r = await renderDocument({
      ...base,
      language: 'en',
      case: c,
      // the store's due time: 22:30 UTC on 11 December = 00:30 on 12 December in Vilnius
      extra: { authority: 'Migration Department (test)', 'due.registration': '2026-12-11T22:30:00.000Z' },
    });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Karim Test HADDAD');
    expect(text).toContain('Regulation (EU) 2024/1348, Article 8');
    expect(text).toContain('Article 8(2)');
    // the wish at 00:20 Vilnius on 7 December (22:20 UTC on the 6th): made on the 7th
    expect(text).toContain('Application made on');
    expect(text).toContain('2026-12-07');
    expect(text).not.toContain('2026-12-06');
    // issued 2026-12-07T22:30Z = 2026-12-08 00:30 Vilnius
    expect(text).toContain('Date of this information');
    expect(text).toContain('2026-12-08');
    expect(text).toContain('Your application is to be registered by the authority by');
    expect(text).toContain('2026-12-12 00:30');
    expect(text).toContain('Europe/Vilnius');
    // points (a)–(f) of Art. 8(2), each with what the Article names
    expect(text).toContain('(a) You have the right to lodge an individual application');
    expect(text).toContain('(b) The stages of the procedure');
    expect(text).toContain('Regulation (EU) 2024/1351');
    expect(text).toMatch(/explicitly or implicitly withdrawn/);
    expect(text).toContain('free legal counselling');
    expect(text).toContain('legal assistance and representation at all stages');
    expect(text).toContain('Articles 15 to 19');
    expect(text).toContain('Article 4 of Regulation (EU) 2024/1347');
    expect(text).toContain(
      '(f) The determining authority will take a decision on your application (Article 36)',
    );
    // the language rule of 8(2), on its face
    expect(text).toContain('a language you understand or are reasonably supposed to understand');
    for (const field of ['Name in original script', 'Date of birth', '1994-03-07', 'Nationality', 'IQ'])
      expect(text).toContain(field);
    expect(text).toContain('Migration Department (test)');
    expect(text).toContain('Case reference');
    expect(text).toContain(c.id);
    // registration is the only open limit: no lodging line, no "none" line
    expect(text).not.toContain('You must lodge your application');
    expect(text).not.toContain('No time limit is running');
    expect(text).toContain(base.documentId);
    await pdfPng(r.bytes, 'applicant-information-en');
  });

  it('after registration: the registration date and the lodging deadline the case has open', async () => {
    const c = registeredCase();
    expect(c.open).toContain('lodging');
    const r = await renderDocument({
      ...base,
      issuedAt: '2026-12-08T23:30:00.000Z',
      language: 'lt',
      case: c,
      // a stale registration due time the store might still hold is not printed: the case no longer has it open
      extra: { 'due.lodging': '2026-12-29T22:10:00.000Z', 'due.registration': '2026-12-12T10:00:00.000Z' },
    });
    const text = await pdfText(r.bytes);
    expect(text).toContain('8 straipsnis');
    expect(text).toContain('Karim Test HADDAD');
    // registered 2026-12-08 10:00 Vilnius
    expect(text).toContain('Prašymas užregistruotas');
    expect(text).toContain('2026-12-08');
    // 22:10 UTC on 29 December = 00:10 on 30 December in Vilnius
    expect(text).toContain('Savo prašymą (28 straipsnis) turite įforminti iki');
    expect(text).toContain('2026-12-30 00:10');
    expect(text).not.toContain('2026-12-12');
    for (const point of ['a)', 'b)', 'c)', 'd)', 'e)', 'f)']) expect(text).toContain(point);
    expect(text).toContain('neperžiūrėtas');
  });

  it('with no time limit open it says so', async () => {
    const r = await renderDocument({ ...base, language: 'en', case: metCase(), extra: {} });
    expect(await pdfText(r.bytes)).toContain('No time limit is running in your case at the moment');
  });

  it('in Persian, with no reviewed translation: the notice in Persian on its face, the text in English', async () => {
    const r = await renderDocument({ ...base, language: 'fa', case: registeredCase(), extra: {} });
    expect(r.model.language).toBe('en');
    expect(r.model.requestedLanguage).toBe('fa');
    const text = await pdfText(r.bytes);
    expect(text).toMatch(/[\u0621-\u064A\u067E\u06A9\u06AF\u06CC]{3}/);
    expect(text).toContain('No translation of this document into');
    expect(text).toContain('(a) You have the right to lodge an individual application');
  });
});
