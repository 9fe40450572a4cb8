// Right-to-left verified on rendered pages (issue 18): (a) the information on rights (APR Art. 8) asked for in
// Arabic, Persian and Sorani — the English text with the language notice in the language, right to left;
// (b) a document model written right to left throughout (built here by hand: Arabic, Persian and Sorani
// paragraphs, a fields block with a Latin name and dates, a checklist, a list, and mixed runs with dates,
// article numbers and brackets). The PNGs (test-results/documents/rtl-*.png) are looked at; the text read
// back checks that the Latin and numeric runs come out whole and in their own order.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/compose.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import type { DocumentModel } from '../../src/domain/documents/model.ts';
import { registeredCase } from './cases.ts';
import { pdfPng, pdfText } from './pdf.ts';

const base = {
  kind: 'applicant-information' as const,
  documentId: 'd0c00000-0000-4000-8000-0000000000a8',
  issuedAt: '2026-12-08T23:30:00.000Z',
  issuer: { actor: 'officer-lt-1', role: 'case-officer' },
  extra: { authority: 'Migration Department (test)', 'due.lodging': '2026-12-29T22:10:00.000Z' },
};

describe('the information on rights in a right-to-left language with no reviewed translation', () => {
  for (const language of ['ar', 'fa', 'ckb'] as const)
    it(`${language}: the notice right to left, in the language, then the English text`, async () => {
      const r = await renderDocument({ ...base, language, case: registeredCase() });
      expect(r.model.requestedLanguage).toBe(language);
      expect(r.model.language).toBe('en');
      const first = r.model.blocks[0];
      expect(first).toMatchObject({ type: 'notice', dir: 'rtl' });
      const text = await pdfText(r.bytes);
      expect(text).toMatch(/[\u0621-\u06D5]{3}/);
      expect(text).toContain('No translation of this document into');
      expect(text).toContain('2026-12-30 00:10');
      await pdfPng(r.bytes, `rtl-applicant-information-${language}`);
    });
});

/** A page written right to left throughout (synthetic texts; the fields' values are Latin and dates). */
const model: DocumentModel = {
  kind: 'applicant-information',
  language: 'ar',
  requestedLanguage: 'ar',
  direction: 'rtl',
  title: 'معلومات لطالبي الحماية الدولية: حقوقكم وواجباتكم',
  blocks: [
    { type: 'heading', text: 'المادة 8 من اللائحة (EU) 2024/1348' },
    { type: 'paragraph', text: 'المادة 8 من اللائحة (EU) 2024/1348 بتاريخ 2026-12-09' },
    { type: 'paragraph', text: 'قدّمتَ طلبك في 2026-12-07 الساعة 04:30 (بتوقيت Europe/Vilnius).' },
    { type: 'paragraph', text: 'فارسی: درخواست شما در تاریخ 2026-12-08 ثبت شد (ماده 27).' },
    { type: 'paragraph', text: 'کوردی: داواکارییەکەت لە 2026-12-08 تۆمار کرا (مادەی 27).' },
    {
      type: 'fields',
      rows: [
        { label: 'الاسم', value: 'Karim Test HADDAD' },
        { label: 'الاسم بالحروف الأصلية', value: 'كريم حداد' },
        { label: 'تاريخ الميلاد', value: '1994-03-07' },
        { label: 'آخر موعد لتقديم الطلب', value: '2026-12-30 00:10' },
        { label: 'رقم الملف', value: '0b7c0a10-0000-4000-8000-000000000001' },
      ],
    },
    {
      type: 'checklist',
      items: [
        { text: 'أ) ليس لديه وثيقة سفر صالحة', checked: true },
        { text: 'ب) لديه وثيقة سفر مزورة', checked: false },
      ],
    },
    {
      type: 'list',
      items: ['الحق في تقديم طلب فردي (المادة 8(2)(a))', 'المواعيد النهائية ومراحل الإجراء [انظر أعلاه]'],
    },
    { type: 'notice', text: 'مهم: إذا لم تفِ بواجباتك فقد يُعتبر طلبك مسحوبًا (المادتان 40–41).' },
    { type: 'signatures', items: ['توقيع الموظف', 'توقيع المترجم'] },
  ],
  footer: 'd0c00000-0000-4000-8000-0000000000a9 · Regulation (EU) 2024/1348 (APR) Art. 8 · rtl test',
  meta: {
    documentId: 'd0c00000-0000-4000-8000-0000000000a9',
    templateVersion: 'applicant-information/ar@test',
    issuedAt: '2026-12-09T08:00:00.000Z',
    draft: false,
  },
};

describe('a document right to left throughout', () => {
  it('keeps dates, article numbers and Latin runs whole and left to right', async () => {
    const bytes = await renderPdf([model]);
    await pdfPng(bytes, 'rtl-model');
    const text = await pdfText(bytes);
    for (const run of [
      '2024/1348',
      '2026-12-09',
      '2026-12-07',
      '04:30',
      'Europe/Vilnius',
      'Karim Test HADDAD',
      '1994-03-07',
      '2026-12-30 00:10',
      '0b7c0a10-0000-4000-8000-000000000001',
    ])
      expect(text).toContain(run);
  });
});
