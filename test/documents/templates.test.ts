// Issue 18: the templates are data, checked — a template that uses a placeholder its kind does not provide,
// or a language that lacks a key of the English template, fails here (the checker is run on the shipped
// templates and on broken copies of them).
import { describe, expect, it } from 'vitest';
import { checkTemplates } from '../../src/documents/check-templates.ts';
import { readTemplates } from '../../src/documents/templates.ts';
import { DEFINITIONS } from '../../src/domain/documents/definitions.ts';
import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds.ts';
import type { Template } from '../../src/domain/documents/model.ts';

const templates = readTemplates();
const definitions = Object.values(DEFINITIONS);

function replaced(kind: string, language: string, change: (t: Template) => Template): Template[] {
  return templates.map((t) => (t.kind === kind && t.language === language ? change(t) : t));
}

describe('document templates (issue 18)', () => {
  it('every document of the issue has a definition (SBC Annex V B, SR Art. 17, APR Arts 8, 29, 36, RCD Art. 11, RD Art. 12, AMMR Art. 67)', () => {
    expect(Object.keys(DEFINITIONS).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  it('the shipped templates are sound: English and Lithuanian complete, placeholders known, keys alike', () => {
    expect(checkTemplates(templates, definitions)).toEqual([]);
  });

  it('a template with an unknown placeholder fails', () => {
    const broken = replaced('applicant-document', 'lt', (t) => ({
      ...t,
      texts: { ...t.texts, certifies: `${t.texts.certifies} {passportPhotoUrl}` },
    }));
    expect(checkTemplates(broken, definitions)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('applicant-document/lt: certifies uses {passportPhotoUrl}'),
      ]),
    );
  });

  it('a language missing a key fails', () => {
    const broken = replaced('applicant-document', 'lt', (t) => {
      const { 'label.sex': _gone, ...texts } = t.texts;
      return { ...t, texts };
    });
    expect(checkTemplates(broken, definitions)).toEqual([
      'applicant-document/lt: the key label.sex is missing',
    ]);
  });

  it('a translation that drops a placeholder of the English text fails', () => {
    const broken = replaced('applicant-document', 'lt', (t) => ({
      ...t,
      texts: { ...t.texts, certifies: 'Patvirtinama, kad asmuo pateikė prašymą.' },
    }));
    expect(checkTemplates(broken, definitions).join('\n')).toContain('applicant-document/lt: certifies uses');
  });

  it('a missing language notice for a person language fails', () => {
    const broken = templates.filter((t) => !(t.kind === 'language-notice' && t.language === 'ckb'));
    expect(checkTemplates(broken, definitions)).toEqual(['language-notice/ckb: missing']);
  });
});
