// The Print menu's language chooser (issue 18): the person's languages first, marked when the text is
// English with a notice in the language; the first choice for a document the person must understand.
import { describe, expect, it } from 'vitest';
import {
  firstChoice,
  languageChoices,
  notificationLanguages,
} from '../../web/src/screens/document-languages.ts';

const OFFERED = ['en', 'lt', 'ar', 'ckb', 'fr', 'ru', 'fa'];
const NOTICE = ['ar', 'ckb', 'fr', 'ru', 'fa'];

describe('the language chooser of the Print menu', () => {
  it("puts the person's offered languages first, in the order recorded; a language not offered is left out", () => {
    const c = languageChoices(OFFERED, NOTICE, ['ru', 'ps', 'ar', 'ru']);
    expect(c.map((x) => x.code)).toEqual(['ru', 'ar', 'en', 'lt', 'ckb', 'fr', 'fa']);
    expect(c.filter((x) => x.person).map((x) => x.code)).toEqual(['ru', 'ar']);
    expect(c.filter((x) => x.withNotice).map((x) => x.code)).toEqual(['ru', 'ar', 'ckb', 'fr', 'fa']);
  });

  it("chooses the person's first language for a person-facing document, else the user's, else the first", () => {
    const spoken = languageChoices(OFFERED, NOTICE, ['fa']);
    expect(firstChoice(spoken, true, 'lt')).toBe('fa');
    expect(firstChoice(spoken, false, 'lt')).toBe('lt');
    expect(firstChoice(languageChoices(OFFERED, NOTICE, []), true, 'lt')).toBe('lt');
    // an authority's form offered in en and lt only, the person speaking Arabic, the user's language German
    expect(firstChoice(languageChoices(['en', 'lt'], [], ['ar']), true, 'de')).toBe('en');
  });

  it("offers the notification's language: the document's, the person's, then the others, once each", () => {
    expect(notificationLanguages('lt', ['ar', 'lt'], ['en', 'lt', 'ar'])).toEqual(['lt', 'ar', 'en']);
  });
});
