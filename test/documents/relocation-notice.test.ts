// AMMR Art. 67 (issue 18): the relocation transfer notice, as PDF — parsed back to text: the person's name, the
// articles (67, 42, 43), the state of relocation, the confirmation date and the transfer's deadline in
// Lithuania's zone (Europe/Vilnius), the 42(2) items (the decision, the time limit of the transfer, the
// obligation to comply, that this state will not examine the application), the 43 remedy (court, grounds,
// 1–3 weeks from notification, suspension). Not before a confirmation. Through the store: the facts come from
// the case's log and its obligation row (src/store/relocation-notice.ts), on every backend.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import type { CaseState } from '../../src/domain/case-state.ts';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { relocationConfirmed } from '../../src/domain/system-steps.ts';
import { LAW } from '../../src/law/law.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { issueDocument, readIssuedDocument } from '../../src/store/documents.ts';
import { BACKENDS, testClock } from '../store/backends.ts';
import { IDENTITY, registeredCase } from './cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

// Confirmed by France at 22:30 UTC on 10 December = 00:30 on 11 December in Vilnius (UTC+2): the 11th.
const CONFIRMED_AT = '2026-12-10T22:30:00.000Z';
// Art. 67(11): four weeks from Friday 11 December 2026 end with Friday 8 January 2027, at the end of that day
// in Vilnius = 2027-01-08T22:00:00Z; a person reads it as "2027-01-08 24:00"
const TRANSFER_DUE = '2027-01-08T22:00:00.000Z';

function confirmedCase(): CaseState {
  return relocationConfirmed(registeredCase(), {
    to: 'FR',
    transferId: 'a1b2c3d4-0000-4000-8000-000000000067',
    confirmedAt: CONFIRMED_AT,
    transferDueAt: TRANSFER_DUE,
    article: 'AMMR Art. 67(11)',
  }).next;
}

const base = {
  kind: 'relocation-notice' as const,
  documentId: 'd0c00000-0000-4000-8000-000000000067',
  // 23:15 UTC on 11 December is 01:15 on 12 December in Vilnius: the notice is dated the 12th
  issuedAt: '2026-12-11T23:15:00.000Z',
  issuer: { actor: 'officer-lt-1', role: 'case-officer' },
  extra: {
    authority: 'Migration Department (test)',
    relocationState: 'FR',
    relocationConfirmedAt: CONFIRMED_AT,
    transferDueAt: TRANSFER_DUE,
  },
};

describe('AMMR Art. 67: the relocation transfer notice', () => {
  it('before the Member State of relocation confirmed, it is refused (Art. 67(9)–(11))', async () => {
    await expect(renderDocument({ ...base, language: 'en', case: registeredCase() })).rejects.toThrow(
      CommandRejectedError,
    );
  });

  it('in English: the name, Arts 67/42/43, France, the confirmation and deadline in Vilnius time, every item of 42(2) and 43', async () => {
    const r = await renderDocument({ ...base, language: 'en', case: confirmedCase() });
    const text = await pdfText(r.bytes);
    expect(text).toContain('HADDAD');
    expect(text).toContain(IDENTITY.givenNames);
    expect(text).toContain('Articles 67, 42 and 43');
    expect(text).toContain('Art. 67, Arts 42(2)–(3), 43');
    // the person's data (fields)
    for (const field of ['Date of birth', '1994-03-07', 'Nationality', 'IQ', 'Case reference'])
      expect(text).toContain(field);
    // 42(2): the decision to transfer to the state of relocation, confirmed on the 11th (local), not the 10th (UTC)
    expect(text).toContain('Member State of relocation');
    expect(text).toContain('France');
    expect(text).toContain('confirmed this on 2026-12-11');
    expect(text).not.toContain('2026-12-10');
    expect(text).toContain('decided to transfer you to France');
    // 42(2): the time limit for carrying out the transfer (67(11)), at the end of the local day
    expect(text).toContain('Transfer to take place by');
    expect(text).toContain('2027-01-08 24:00');
    expect(text).toContain('within four weeks of the confirmation');
    expect(text).toContain('Europe/Vilnius');
    // 42(2): the obligation to comply (Art. 17(5)); where applicable, this state does not examine the application
    expect(text).toContain('You must comply with this decision');
    expect(text).toContain('Lithuania will not examine your application');
    expect(text).toContain('Article 68(2)–(3)');
    // where and when to report: not recorded in Pact, so the person is told it will come in writing
    expect(text).toContain('Where and when to report');
    expect(text).toContain('The authority will tell you in writing');
    // 43(1): the remedy before a court, limited to its grounds; 43(2): 1–3 weeks from notification; 43(3)
    expect(text).toContain('before a court or tribunal (Article 43(1))');
    expect(text).toContain('inhuman or degrading treatment');
    expect(text).toContain('circumstances arising after this decision');
    expect(text).toContain('at least one week and at most three weeks after this decision is notified');
    expect(text).toContain('suspend the transfer (Article 43(3))');
    // 42(3): the notification to a legal adviser; the authority; the date of the notice (the 12th, local)
    expect(text).toContain('Article 42(3)');
    expect(text).toContain('Migration Department (test)');
    expect(text).toContain('Date of this notice 2026-12-12');
    expect(text).toContain(base.documentId);
    await pdfPng(r.bytes, 'relocation-notice-en');
  });

  it('where Pact knows where and when to report, the notice gives them', async () => {
    const r = await renderDocument({
      ...base,
      language: 'en',
      case: confirmedCase(),
      // 07:30 UTC = 09:30 in Vilnius
      extra: { ...base.extra, reportPlace: 'Pabradė centre', reportAt: '2027-01-05T07:30:00.000Z' },
    });
    const text = await pdfText(r.bytes);
    expect(text).toContain('Report to Pabradė centre');
    expect(text).toContain('2027-01-05 09:30');
    expect(text).not.toContain('The authority will tell you in writing');
  });

  it('in Lithuanian: complete, its review status on its face; the same input gives the same bytes', async () => {
    const a = await renderDocument({ ...base, language: 'lt', case: confirmedCase() });
    const b = await renderDocument({ ...base, language: 'lt', case: confirmedCase() });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const text = await pdfText(a.bytes);
    expect(text).toContain('Prancūzija');
    expect(text).toContain('2027-01-08 24:00');
    expect(text).toContain('43 straipsnio 2 dalis');
    expect(text).toContain('neperžiūrėtas');
    await pdfPng(a.bytes, 'relocation-notice-lt');
  });

  it('in Persian, with no reviewed translation: the notice in Persian on its face, the text in English', async () => {
    const r = await renderDocument({ ...base, language: 'fa', case: confirmedCase() });
    expect(r.model.language).toBe('en');
    const text = await pdfText(r.bytes);
    expect(text).toMatch(/[\u0621-\u064A\u06A9\u06AF\u06CC]{3}/);
    expect(text).toContain('France');
    await pdfPng(r.bytes, 'relocation-notice-fa-fallback');
  });
});

describe.each(BACKENDS)('the relocation notice through the store on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  let caseId = '';
  const clock = testClock('2026-12-11T08:00:00Z');
  const officer = { actor: 'officer-lt-1', role: 'case-officer' as const };

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    const { result } = await cs.recordEncounter(
      RecordEncounter.parse({
        ref: 'RELOC-DOC-1',
        state: 'LT',
        occurredAt: '2026-12-07T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'SY',
            sex: 'female',
            identity: {
              givenNames: 'Lina Test',
              familyName: 'Nasser',
              birthDate: { value: '1991-05-02', precision: 'full' },
            },
            asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' },
          },
        ],
      }),
      { actor: 'guard-1', role: 'border-guard' },
      'reloc-doc-enc',
    );
    caseId = result.caseIds[0] ?? '';
    await cs.recordSystemStep(caseId, (c) =>
      relocationConfirmed(c, {
        to: 'FR',
        transferId: randomUUID(),
        confirmedAt: CONFIRMED_AT,
        transferDueAt: TRANSFER_DUE,
        article: 'AMMR Art. 67(11)',
      }),
    );
  }, 120_000);
  afterAll(() => store?.close());

  it('the state of relocation and the confirmation from the log, the deadline from the obligation row', async () => {
    const out = await issueDocument(
      cs,
      { caseId, kind: 'relocation-notice', language: 'en' },
      officer,
      'reloc-doc-issue',
    );
    const found = await findCase(store.db, caseId);
    const file =
      found &&
      (await readIssuedDocument(store.db, found.case, out.result.documentId, 'LT', officer, clock.now()));
    const text = await pdfText(file?.bytes ?? Buffer.alloc(0));
    expect(text).toContain('NASSER');
    expect(text).toContain('decided to transfer you to France');
    expect(text).toContain('confirmed this on 2026-12-11');
    expect(text).toContain('2027-01-08 24:00');
    expect(text).toContain('Lithuania will not examine your application');
  });
});
