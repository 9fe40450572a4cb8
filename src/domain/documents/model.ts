// Papers a person is handed (issue 18): what a document is made of, before any PDF. A template (data, one per
// document and language: src/documents/templates/KIND/LANG.json) holds the words with their placeholders; a
// definition (kinds/*.ts) says in which order the blocks come and which values of the case fill them; the
// pure fill (fill.ts) makes a DocumentModel that any renderer (src/documents/pdf.ts) draws. No I/O here.
import type { DocumentKind, DocumentLanguage, ReportKind } from './kinds.ts';

/** A block of a document as its definition lays it out: text keys of the template, value names of the case. */
export type Block =
  /** a heading: the template's text under `text` */
  | { readonly type: 'heading'; readonly text: string; readonly when?: string }
  /** a paragraph of the template, its placeholders filled */
  | { readonly type: 'paragraph'; readonly text: string; readonly when?: string }
  /** label/value rows: the label a text of the template, the value a value of the case */
  | {
      readonly type: 'fields';
      readonly rows: readonly { readonly label: string; readonly value: string }[];
      readonly when?: string;
    }
  /** a box to tick per item (the refusal's reasons): ticked when the case's value `checked` is "yes" */
  | {
      readonly type: 'checklist';
      readonly items: readonly { readonly text: string; readonly checked: string }[];
      readonly when?: string;
    }
  /** a list of items of the template (the rights of APR Art. 8, one per item) */
  | { readonly type: 'list'; readonly items: readonly string[]; readonly when?: string }
  /** a framed text the reader must not miss (the remedy, the language notice) */
  | { readonly type: 'notice'; readonly text: string; readonly when?: string }
  /** lines to sign on, each with its caption */
  | { readonly type: 'signatures'; readonly items: readonly string[]; readonly when?: string };

/** A template of one document in one language (the JSON files, validated by src/documents/templates.ts). */
export interface Template {
  readonly kind: DocumentKind | ReportKind | 'language-notice';
  readonly language: DocumentLanguage;
  /** bumped when a text changes: an issued document records the version it was made from */
  readonly version: string;
  /**
   * Who reviewed this text as a speaker of the language, and when; null while nobody has (the document then
   * says so on its face — and a person-facing document in another language than the authority's falls
   * back to English: kinds.ts `PERSON_LANGUAGES`).
   */
  readonly reviewed: { readonly by: string; readonly on: string } | null;
  readonly texts: Readonly<Record<string, string>>;
}

/** A block with its words resolved. */
export type FilledBlock =
  | { readonly type: 'heading' | 'paragraph' | 'notice'; readonly text: string; readonly dir?: Direction }
  | { readonly type: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  | {
      readonly type: 'checklist';
      readonly items: readonly { readonly text: string; readonly checked: boolean }[];
    }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | { readonly type: 'signatures'; readonly items: readonly string[] };

export type Direction = 'ltr' | 'rtl';

/** One document with every word in place: what a renderer draws, page by page. */
export interface DocumentModel {
  /** a case's document, or a report that is not one (the pledge summary: kinds.ts REPORT_KINDS) */
  readonly kind: DocumentKind | ReportKind;
  /** the language of the text (English where a person-facing language fell back) */
  readonly language: DocumentLanguage;
  /** the language asked for (differs from `language` when it fell back) */
  readonly requestedLanguage: DocumentLanguage;
  readonly direction: Direction;
  readonly title: string;
  readonly blocks: readonly FilledBlock[];
  /** the line at the foot of each page: the document's id, kind, template version, the review status */
  readonly footer: string;
  /** for the PDF's metadata */
  readonly meta: {
    readonly documentId: string;
    readonly templateVersion: string;
    /** the time written into the file (the issue's): the same input gives the same bytes */
    readonly issuedAt: string;
    readonly draft: boolean;
  };
}
