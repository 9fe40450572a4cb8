// The pledge summary for the solidarity coordinator (issue 18; AMMR Arts 56–64): its templates are data,
// checked (keys alike in en and lt, only known placeholders); the PDF of Lithuania's 2026 year, from a fixture
// written through the store, parsed back — every figure checked against hand arithmetic; each print is in the
// audit log (`document.printed`). Both backends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPledgeSummaryTemplates,
  formatEuro,
  PLEDGE_SUMMARY_TEXTS,
} from '../../src/documents/pledge-summary.ts';
import { readTemplates } from '../../src/documents/templates.ts';
import type { Template } from '../../src/domain/documents/model.ts';
import { LAW } from '../../src/law/law.ts';
import type { Store } from '../../src/store/database.ts';
import { printPledgeSummary } from '../../src/store/pledge-summary.ts';
import {
  addCandidates,
  decideDeduction,
  proposeTransfers,
  recordPayment,
  requestDeduction,
  savePledge,
  stepTransfer,
} from '../../src/store/solidarity.ts';
import { BACKENDS } from '../store/backends.ts';
import { pdfPng, pdfText } from './pdf.ts';

const templates = readTemplates();

describe('the pledge summary templates', () => {
  it('en and lt complete: every text the summary reads, the same keys, only its placeholders', () => {
    expect(checkPledgeSummaryTemplates(templates)).toEqual([]);
    const en = templates.find((t) => t.kind === 'pledge-summary' && t.language === 'en');
    for (const key of PLEDGE_SUMMARY_TEXTS) expect(en?.texts[key]).toBeDefined();
  });

  it('an unknown placeholder, a missing key, a dropped placeholder: each fails', () => {
    const change = (f: (t: Template) => Template) =>
      templates.map((t) => (t.kind === 'pledge-summary' && t.language === 'lt' ? f(t) : t));
    const unknown = change((t) => ({ ...t, texts: { ...t.texts, yes: 'taip {iban}' } }));
    expect(checkPledgeSummaryTemplates(unknown)).toContain('pledge-summary/lt: yes uses {iban}');
    const missing = change((t) => {
      const { 'label.shortfall': _gone, ...texts } = t.texts;
      return { ...t, texts };
    });
    expect(checkPledgeSummaryTemplates(missing)).toEqual([
      'pledge-summary/lt: the key label.shortfall is missing',
    ]);
    const dropped = change((t) => ({ ...t, texts: { ...t.texts, persons: 'asmenys' } }));
    expect(checkPledgeSummaryTemplates(dropped).join('\n')).toContain(
      'persons does not use the placeholders',
    );
  });

  it('euro cents are written "€ 1 234 567.00" (no-break spaces; integer arithmetic)', () => {
    expect(formatEuro(123_456_789)).toBe('€\u00a01\u00a0234\u00a0567.89');
    expect(formatEuro(5)).toBe('€\u00a00.05');
    expect(formatEuro(0)).toBe('€\u00a00.00');
  });
});

// pdfText turns every run of spaces (the no-break ones too) into one space
const NOW = new Date('2026-11-25T10:00:00Z');

describe.each(BACKENDS)('the pledge summary of Lithuania, 2026, on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
    const db = store.db;
    // the fixture: LT pledges 57 relocations, EUR 1 160 000 and one alternative measure worth EUR 123 456
    await savePledge(
      db,
      {
        state: 'LT',
        year: 2026,
        relocations: 57,
        eurCents: 116_000_000,
        alternatives: [{ description: 'two asylum caseworkers for six months', valueCents: 12_345_600 }],
      },
      'coordinator-lt',
      NOW,
    );
    // a deduction of 10 % under Art. 62, granted
    const d = await requestDeduction(
      db,
      { state: 'LT', year: 2026, article: '62', requestedOn: '2026-07-15', requestedPercent: 10 },
      'coordinator-lt',
      NOW,
    );
    await decideDeduction(
      db,
      d,
      { status: 'granted', grantedPercent: 10, decidedOn: '2026-08-01', act: 'Council act (synthetic)' },
      'coordinator-eu',
      NOW,
    );
    // paid: EUR 500 000 of money, EUR 12 345 of the alternative measure
    await recordPayment(
      db,
      {
        year: 2026,
        state: 'LT',
        kind: 'financial',
        eurCents: 50_000_000,
        paidOn: '2026-09-15',
        description: 'bank transfer LT-1',
      },
      'coordinator-lt',
      NOW,
    );
    await recordPayment(
      db,
      {
        year: 2026,
        state: 'LT',
        kind: 'alternative',
        eurCents: 1_234_500,
        paidOn: '2026-10-01',
        description: 'first month',
      },
      'coordinator-lt',
      NOW,
    );
    // two synthetic persons relocated from Italy to Lithuania
    const ids = ['IT-PS-1', 'IT-PS-2'];
    await addCandidates(
      db,
      2026,
      ids.map((id) => ({
        id,
        from: 'IT' as const,
        kind: 'applicant' as const,
        nationality: 'SY',
        minor: false,
        vulnerabilities: [],
        languages: ['ar'],
        securityHit: false,
      })),
      'coordinator-it',
      NOW,
    );
    const proposed = await proposeTransfers(
      db,
      LAW,
      2026,
      ids.map((candidateId) => ({ candidateId, from: 'IT' as const, to: 'LT' as const, why: 'test' })),
      'coordinator-it',
      NOW,
    );
    for (const t of proposed) {
      await stepTransfer(db, LAW, t.id, 'confirm', NOW, 'coordinator-lt', NOW);
      await stepTransfer(db, LAW, t.id, 'transferred', NOW, 'coordinator-it', NOW);
    }
  }, 120_000);
  afterAll(() => store?.close());

  it('every figure, by hand from the fixture; the print is in the audit log', async () => {
    const printed = await printPledgeSummary(
      store.db,
      LAW,
      { year: 2026, state: 'LT', language: 'en' },
      { actor: 'coordinator-lt', role: 'solidarity-coordinator' },
      NOW,
    );
    const text = await pdfText(printed.bytes);
    const row = (label: string, value: string) => expect(text).toContain(`${label} ${value}`);
    expect(text).toContain('Articles 56–64');
    expect(text).toContain('Council Implementing Decision (EU) 2025/2642, 2025-12-19');
    // 10:00 UTC on 25 November = 12:00 in Vilnius (UTC+2)
    row('Printed on', '2026-11-25 12:00 (Europe/Vilnius)');
    row('One relocation counts as (derived, Article 12(2)–(3))', '€ 20 000.00');
    // fair share: 115 persons (the 2026 pool's key for LT, as `pact solidarity` shows it); 115 × 20 000 = 2 300 000
    row('Fair share of the relocations', '115 persons');
    row('Fair share, valued in euro', '€ 2 300 000.00');
    // the pledge: 57 × 20 000 = 1 140 000; + 1 160 000 + 123 456 = 2 423 456 ≥ 2 300 000: no shortfall
    row('(a) Relocations', '57 persons');
    row('(b) Financial contributions', '€ 1 160 000.00');
    row('(c) Alternative solidarity measures, at their stated value', '€ 123 456.00');
    row('Value of the pledge (relocations counted at the amount above)', '€ 2 423 456.00');
    row('Shortfall against the fair share', '€ 0.00 (0 persons)');
    row('The pledge meets the fair share', 'yes');
    expect(text).toContain('two asylum caseworkers for six months: € 123 456.00');
    // the deduction: 10 %; what is kept is rounded up (src/solidarity/deductions.ts): 57 × 0.9 = 51.3 → 52;
    // 1 160 000 × 0.9 = 1 044 000; 123 456 × 0.9 = 111 110.40
    expect(text).toContain('Article 62: 10 % — granted by Council act (synthetic) of 2026-08-01');
    row('Deducted from the pledge', '10 %');
    row('Relocations to implement after deductions', '52 persons');
    row('Financial contributions after deductions', '€ 1 044 000.00');
    row('Alternative measures after deductions', '€ 111 110.40');
    // offsets (Art. 63(3), 63(7)): pledges (52) far below 30 000, so mandatory; LT's cap is its fair share after
    // the deduction, floor(115 × 0.9) = 103, less its relocation pledge 52 = 51; its share of the gap by key
    // (about 0.55 % of 29 948 ≈ 164) is more, so it takes the cap
    row('Mandatory offsets (Article 63(3)–(4), at most the fair share, 63(7))', '51 applications (cap 51)');
    // implemented: 2 relocated; EUR 500 000 paid; EUR 12 345 delivered. Outstanding: 52 − 2 = 50;
    // 1 044 000 − 500 000 = 544 000; 111 110.40 − 12 345 = 98 765.40
    row('Persons relocated to this State', '2 persons');
    row('Financial contributions paid', '€ 500 000.00');
    row('Alternative measures delivered', '€ 12 345.00');
    row('Relocations outstanding', '50 persons');
    row('Financial contributions outstanding', '€ 544 000.00');
    row('Alternative measures outstanding', '€ 98 765.40');
    expect(text).toContain('2026-09-15 — financial contribution paid: € 500 000.00 — bank transfer LT-1');
    expect(text).toContain('is not written in Regulation (EU) 2024/1351');
    const [audit] = await store.query<{ actor: string; subject: string; data: { sha256: string } }>(
      "select actor, subject, data from audit_log where action = 'document.printed' order by seq desc limit 1",
    );
    expect(audit).toMatchObject({
      actor: 'coordinator-lt',
      subject: 'pledge-summary/2026/LT',
      data: { sha256: printed.sha256 },
    });
    await pdfPng(printed.bytes, `pledge-summary-en-${backend.name}`);
  });

  it('in Lithuanian: the same figures, its review status on its face', async () => {
    const printed = await printPledgeSummary(
      store.db,
      LAW,
      { year: 2026, state: 'LT', language: 'lt' },
      { actor: 'coordinator-lt', role: 'solidarity-coordinator' },
      NOW,
    );
    const text = await pdfText(printed.bytes);
    expect(text).toContain('Solidarumo įsipareigojimo suvestinė — LT, 2026');
    expect(text).toContain('€ 2 423 456.00');
    expect(text).toContain('neperžiūrėtas');
    await pdfPng(printed.bytes, `pledge-summary-lt-${backend.name}`);
  });
});
