// The templates (data: templates/KIND/LANG.json), read once and checked against their schema. Which template
// a document in a language is made from: the language's own where it exists (and, for the person's
// languages, only where a speaker reviewed it); otherwise English with the language notice in the language
// asked for — never a silent machine translation (issue 18).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  type DocumentKind,
  type DocumentLanguage,
  PERSON_LANGUAGES,
  REPORT_KINDS,
  type ReportKind,
} from '../domain/documents/kinds.ts';
import type { Template } from '../domain/documents/model.ts';

export const TEMPLATES_DIR = join(import.meta.dirname, 'templates');

const TemplateFile = z
  .object({
    kind: z.enum([...DOCUMENT_KINDS, ...REPORT_KINDS, 'language-notice']),
    language: z.enum(DOCUMENT_LANGUAGES),
    version: z.string().regex(/^[0-9][0-9A-Za-z.-]{0,30}$/),
    reviewed: z
      .object({ by: z.string().min(1), on: z.iso.date() })
      .strict()
      .nullable(),
    texts: z.record(z.string().regex(/^[a-z][a-z0-9.-]*$/), z.string().min(1)),
  })
  .strict();

/** Every template file, parsed (a file that breaks the schema, or sits in the wrong place, throws). */
export function readTemplates(dir = TEMPLATES_DIR): Template[] {
  const out: Template[] = [];
  for (const kind of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, kind))) {
      if (!file.endsWith('.json')) continue;
      const t = TemplateFile.parse(JSON.parse(readFileSync(join(dir, kind, file), 'utf8')));
      if (t.kind !== kind || `${t.language}.json` !== file)
        throw new Error(`${kind}/${file}: says it is ${t.kind}/${t.language}`);
      out.push(t);
    }
  }
  return out;
}

let cache: Map<string, Template> | undefined;
function all(): Map<string, Template> {
  cache ??= new Map(readTemplates().map((t) => [`${t.kind}/${t.language}`, t]));
  return cache;
}

export function templateOf(kind: DocumentKind | ReportKind | 'language-notice', language: DocumentLanguage) {
  return all().get(`${kind}/${language}`);
}

/** The languages' own names (the review line and the notice name them). */
export const LANGUAGE_NAMES: Readonly<Record<DocumentLanguage, string>> = {
  en: 'English',
  lt: 'lietuvių',
  ar: 'العربية',
  ckb: 'کوردیی سۆرانی',
  fr: 'français',
  ru: 'русский',
  fa: 'فارسی',
};

export interface Chosen {
  readonly template: Template;
  /** the notices in the language asked for and in English, when the text fell back to English */
  readonly notice?: { readonly text: string; readonly language: DocumentLanguage };
  readonly englishNotice?: string;
}

/**
 * The template for `kind` in `language`, or undefined when the document is not offered in that language
 * (an authority's document in a person's language).
 */
export function chooseTemplate(
  kind: DocumentKind,
  language: DocumentLanguage,
  personFacing: boolean,
): Chosen | undefined {
  const own = templateOf(kind, language);
  const personLanguage = (PERSON_LANGUAGES as readonly string[]).includes(language);
  if (own && (!personLanguage || own.reviewed !== null)) return { template: own };
  if (!personLanguage || !personFacing) return undefined;
  const english = templateOf(kind, 'en');
  const notice = templateOf('language-notice', language);
  const englishNotice = templateOf('language-notice', 'en');
  if (!english || !notice || !englishNotice) return undefined;
  const name = LANGUAGE_NAMES[language];
  const unreviewed = notice.reviewed === null ? ' [*]' : '';
  return {
    template: english,
    notice: { text: `${notice.texts.notice ?? ''}${unreviewed}`, language },
    englishNotice: `${(englishNotice.texts.notice ?? '').replace('{language}', name)}${
      notice.reviewed === null
        ? ` [*] The notice above in ${name} was drafted by the Pact project and has not been reviewed by a speaker.`
        : ''
    }`,
  };
}
