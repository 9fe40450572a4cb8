// Filling a template from a case: the pure step between the data (templates, the case) and the PDF. A text
// may use only the placeholders its kind declares (a test checks every template: templates.test.ts); a value
// that is not recorded prints the template's `not-recorded` words, never an empty line that looks filled.
import type { CaseState } from '../case-state.ts';
import type { DocumentDefinition, FillContext } from './definition.ts';
import { type DocumentLanguage, RTL_LANGUAGES } from './kinds.ts';
import type { Block, Direction, DocumentModel, FilledBlock, Template } from './model.ts';
import { COMMON_VALUES, commonValues } from './values.ts';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9-]*)\}/g;

/** The placeholders a text uses, in order of appearance (repeated ones once). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** The text with each `{name}` replaced by its value (an unknown name is an error: templates are checked). */
export function fillText(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`the template uses {${name}}, which its kind does not provide`);
    return v;
  });
}

/** Every text key a definition's blocks name (the template must hold each). */
export function blockTexts(blocks: readonly Block[]): string[] {
  const keys: string[] = [];
  for (const b of blocks) {
    if (b.type === 'fields') keys.push(...b.rows.map((r) => r.label));
    else if (b.type === 'checklist') keys.push(...b.items.map((i) => i.text));
    else if (b.type === 'list' || b.type === 'signatures') keys.push(...b.items);
    else keys.push(b.text);
  }
  return keys;
}

/** Every value name a definition's blocks read (fields' values, checklists' ticks, conditions). */
export function blockValues(blocks: readonly Block[]): string[] {
  const names: string[] = [];
  for (const b of blocks) {
    if (b.when) names.push(b.when);
    if (b.type === 'fields') names.push(...b.rows.map((r) => r.value));
    if (b.type === 'checklist') names.push(...b.items.map((i) => i.checked));
  }
  return names;
}

/** Texts every template has besides its blocks' (the title, the words for a value not recorded…). */
export const REQUIRED_TEXTS = ['title', 'not-recorded', 'review-pending', 'draft'] as const;

/** The value names a kind may use: its own and the common ones. */
export function allowedValues(def: DocumentDefinition): ReadonlySet<string> {
  return new Set<string>([...COMMON_VALUES, ...def.placeholders]);
}

export interface FillInput {
  readonly def: DocumentDefinition;
  /** the template the text comes from (English where the language asked for fell back) */
  readonly template: Template;
  readonly requestedLanguage: DocumentLanguage;
  /** the language notices (in the language asked for, then in English), when the text fell back to English */
  readonly notices?: readonly { readonly text: string; readonly dir: Direction }[];
  readonly case: CaseState;
  readonly ctx: Omit<FillContext, 'word' | 'language'>;
  readonly draft: boolean;
  /** the names of languages, in the template's language, for the review line */
  readonly languageName: string;
}

/** The document with every word in place. */
export function fillDocument(input: FillInput): DocumentModel {
  const { def, template } = input;
  const texts = template.texts;
  const word = (key: string) => {
    const w = texts[key];
    if (w === undefined)
      throw new Error(`the template ${def.kind}/${template.language} lacks the word ${key}`);
    return w;
  };
  const ctx: FillContext = { ...input.ctx, language: template.language, word };
  const values: Record<string, string> = {
    ...commonValues(input.case, ctx),
    ...def.values(input.case, ctx),
  };
  const notRecorded = word('not-recorded');
  const shown = (name: string) => {
    const v = values[name];
    if (v === undefined)
      throw new Error(`the kind ${def.kind} reads the value ${name}, which it does not provide`);
    return v === '' ? notRecorded : v;
  };
  const text = (key: string) => fillText(word(key), new Proxy(values, { get: (_, n: string) => shown(n) }));
  const on = (b: Block) => !b.when || ((values[b.when] ?? '') !== '' && values[b.when] !== 'no');
  const blocks: FilledBlock[] = [];
  for (const n of input.notices ?? []) blocks.push({ type: 'notice', text: n.text, dir: n.dir });
  if (input.draft) blocks.push({ type: 'notice', text: word('draft') });
  for (const b of def.blocks) {
    if (!on(b)) continue;
    switch (b.type) {
      case 'fields':
        blocks.push({
          type: 'fields',
          rows: b.rows.map((r) => ({ label: text(r.label), value: shown(r.value) })),
        });
        break;
      case 'checklist':
        blocks.push({
          type: 'checklist',
          items: b.items.map((i) => ({ text: text(i.text), checked: values[i.checked] === 'yes' })),
        });
        break;
      case 'list':
      case 'signatures':
        blocks.push({ type: b.type, items: b.items.map(text) });
        break;
      default:
        blocks.push({ type: b.type, text: text(b.text) });
    }
  }
  const review = template.reviewed
    ? ''
    : ` · ${fillText(word('review-pending'), { language: input.languageName })}`;
  return {
    kind: def.kind,
    language: template.language,
    requestedLanguage: input.requestedLanguage,
    direction: RTL_LANGUAGES.has(template.language) ? 'rtl' : 'ltr',
    title: text('title'),
    blocks,
    footer: `${input.ctx.documentId} · ${def.info.articles} · ${def.kind}/${template.language} ${template.version}${review}`,
    meta: {
      documentId: input.ctx.documentId,
      templateVersion: `${def.kind}/${template.language}@${template.version}`,
      issuedAt: input.ctx.issuedAt,
      draft: input.draft,
    },
  };
}
