// Schengen Borders Code Art. 14(2), Annex V Parts A and B (issue 18): the standard form for refusal of entry as
// PDF, parsed back to text — the person's name, the articles, the date in Vilnius time, every field of the
// form the research notes list (labels; values where Pact holds them), the reasons ticked, the comments, the
// crossing point, the appeal statement, both signatures. No reason recorded: the form is refused.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { decide } from '../../src/domain/decide.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { ctx } from '../domain/fixtures.ts';
import { refusedAtEncounter, screenedCase } from './border-cases.ts';
import { metCase } from './cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'refusal-of-entry' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000014',
  // 22:45 UTC on 7 December is 00:45 on 8 December in Vilnius
  issuedAt: '2026-12-07T22:45:00.000Z',
  issuer: { actor: 'guard-lt-7', role: 'border-guard' },
  extra: { authority: 'State Border Guard Service (test)', place: 'Šalčininkai section, post 12' },
};

describe('SBC Art. 14(2), Annex V Part B: the refusal of entry form', () => {
  it('in English: the name, the articles, the refusal in Vilnius time, every field, the reasons ticked', async () => {
    const r = await renderDocument({ ...base, language: 'en', case: refusedAtEncounter() });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Refusal of entry at the border');
    expect(text).toContain('HADDAD');
    expect(text).toContain('Karim Test');
    for (const a of [
      'Regulation (EU) 2016/399',
      'Article 14(2)',
      'Annex V Part B',
      'Article 14(1)',
      'Article 14(3)',
    ])
      expect(text).toContain(a);
    // refused at 2026-12-08T01:30+02:00 = 2026-12-07T23:30Z: the form says the 8th, 01:30
    expect(text).toContain('On 2026-12-08 at 01:30 (Europe/Vilnius)');
    expect(text).not.toContain('2026-12-07 at 23:30');
    // the fields of the form (research notes §1, UNCONFIRMED list): label and value
    const fields: [string, string][] = [
      ['Border crossing point / place', 'Šalčininkai section, post 12'],
      ['Officer (capacity)', 'guard-lt-7 (border-guard)'],
      ['Surname', 'HADDAD'],
      ['First name(s)', 'Karim Test'],
      ['Date of birth', '1994-03-07'],
      ['Place of birth', 'Mosul'],
      ['Sex', 'male'],
      ['Nationality', 'IQ'],
      ['Type of travel document', 'passport'],
      ['Number of travel document', 'T0000001'],
      ['Travel document issued in (country)', 'IQ'],
      ['Travel document issued on', '2019-05-02'],
      ['Comments', 'The person refused to sign.'],
      ['Directed to the border crossing point', 'Medininkai BCP'],
    ];
    for (const [label, value] of fields) {
      expect(text).toContain(label);
      expect(text).toContain(value);
    }
    // fields Pact does not hold: labelled, and marked as not recorded for the officer to complete
    for (const label of [
      'Residence',
      'Visa (type, number, period of validity)',
      'Purpose of the journey',
      'Coming from',
      'Means of transport',
    ])
      expect(text).toContain(label);
    expect(text).toContain('— not recorded —');
    // every reason of the closed list is printed; the letters ticked are A and C, in the form's order
    for (const letter of [
      '(A) has no valid travel document',
      '(B) has a false',
      '(C) has no valid visa',
      '(D)',
      '(E)',
      '(F)',
      '(G)',
      '(H)',
      '(I)',
    ])
      expect(text).toContain(letter);
    expect(r.model.blocks.find((b) => b.type === 'checklist')).toMatchObject({
      items: [true, false, true, false, false, false, false, false, false].map((checked) => ({ checked })),
    });
    expect(text).toContain('cancelled entry stamp (Annex V Part A, point 1(d)) A, C');
    expect(text).toContain('may appeal against the decision to refuse entry as provided for in national law');
    expect(text).toContain('receives a copy of this form');
    expect(text).toContain('The person concerned (signature)');
    expect(text).toContain('The officer responsible for checks');
    expect(text).toContain(base.documentId);
    await pdfPng(r.bytes, 'refusal-of-entry-en');
  });

  it('in Lithuanian: the form is complete (its review status on its face)', async () => {
    const r = await renderDocument({ ...base, language: 'lt', case: refusedAtEncounter() });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Atsisakymas leisti atvykti pasienyje');
    expect(text).toContain('14 straipsnio 2 dalis');
    expect(text).toContain('2026-12-08');
    expect(text).toContain('Pavardė');
    expect(text).toContain('(A) neturi galiojančio');
    expect(text).toContain('neperžiūrėtas');
    await pdfPng(r.bytes, 'refusal-of-entry-lt');
  });

  it('with no reason recorded, or no refusal, the form is unavailable and says why', async () => {
    await expect(
      renderDocument({ ...base, language: 'en', case: refusedAtEncounter({ refusal: null }) }),
    ).rejects.toThrow(/no refusal of entry is recorded/);
    await expect(renderDocument({ ...base, language: 'en', case: metCase() })).rejects.toThrow(
      CommandRejectedError,
    );
  });

  it('entry.refused after screening records the reasons and comments; the form follows the correction of its crossing point', async () => {
    const screened = screenedCase('return', { complete: false });
    const refused = decide(
      screened,
      {
        type: 'entry.refused',
        at: '2026-12-08T01:00:00+02:00',
        directedTo: 'Lavoriškės BCP',
        reasons: ['E', 'G'],
        comments: 'Travel purpose not shown.',
      } as CaseCommand,
      ctx('2026-12-08T01:05:00+02:00', 'border-guard'),
    ).next;
    expect(refused.refusal).toEqual({
      at: '2026-12-07T23:00:00.000Z',
      seq: refused.version,
      reasons: ['E', 'G'],
      comments: 'Travel purpose not shown.',
      directedTo: 'Lavoriškės BCP',
    });
    const text = await pdfText((await renderDocument({ ...base, language: 'en', case: refused })).bytes);
    expect(text).toContain('On 2026-12-08 at 01:00');
    expect(text).toContain('Lavoriškės BCP');
    expect(text).toContain('E, G');
    // a correction of the crossing point (action.amended on that entry.refused) reaches the form
    const corrected = evolve(refused, {
      type: 'action.amended',
      at: '2026-12-08T02:00:00.000Z',
      actor: 'supervisor-1',
      role: 'supervisor',
      state: 'LT',
      legalBasis: 'correction',
      payload: {
        seq: refused.version,
        actionType: 'entry.refused',
        field: 'directedTo',
        old: 'Lavoriškės BCP',
        new: 'Medininkai BCP',
        reason: 'typo',
      },
    });
    expect(corrected.refusal?.directedTo).toBe('Medininkai BCP');
  });

  it('an entry.refused without reasons leaves the form unavailable until they are recorded', async () => {
    const refused = decide(
      screenedCase('return', { complete: false }),
      { type: 'entry.refused', at: '2026-12-08T01:00:00+02:00' } as CaseCommand,
      ctx('2026-12-08T01:05:00+02:00', 'border-guard'),
    ).next;
    await expect(renderDocument({ ...base, language: 'en', case: refused })).rejects.toThrow(
      /no reason for the refusal is recorded/,
    );
  });

  it('the encounter takes the reasons only with the kind entry-prevented-refused, each letter once, from the closed list', () => {
    const e = {
      ref: 'LT-T-1',
      state: 'LT',
      occurredAt: '2026-12-08T01:30:00+02:00',
      kind: 'entry-prevented-refused',
      groupSize: 2,
      refusal: { reasons: ['A'] },
    };
    expect(RecordEncounter.safeParse(e).success).toBe(true);
    expect(RecordEncounter.safeParse({ ...e, kind: 'apprehended-irregular-crossing' }).success).toBe(false);
    expect(RecordEncounter.safeParse({ ...e, refusal: { reasons: ['A', 'A'] } }).success).toBe(false);
    expect(RecordEncounter.safeParse({ ...e, refusal: { reasons: ['J'] } }).success).toBe(false);
    expect(RecordEncounter.safeParse({ ...e, refusal: { reasons: [] } }).success).toBe(false);
  });
});
