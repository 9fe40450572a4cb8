// A document of a case, from the request to the bytes: the definition and the template chosen for the
// language (templates.ts), the case's values filled in (src/domain/documents/fill.ts), drawn (pdf.ts), and
// its SHA-256 — what `document.issued` records.
import { createHash } from 'node:crypto';
import type { CaseState } from '../domain/case-state.ts';
import { definitionOf } from '../domain/documents/definitions.ts';
import { fillDocument } from '../domain/documents/fill.ts';
import { type DocumentKind, type DocumentLanguage, RTL_LANGUAGES } from '../domain/documents/kinds.ts';
import type { DocumentModel } from '../domain/documents/model.ts';
import { CommandRejectedError } from '../domain/errors.ts';
import { STATE_TIME_ZONES } from '../law/calendar/time-zones.ts';
import { renderPdf } from './pdf.ts';
import { chooseTemplate, LANGUAGE_NAMES } from './templates.ts';

export interface ComposeInput {
  readonly kind: DocumentKind;
  readonly language: DocumentLanguage;
  readonly case: CaseState;
  readonly documentId: string;
  readonly issuedAt: string;
  readonly issuer: { readonly actor: string; readonly role: string };
  /** what the store looked up (the place's name, the authority) */
  readonly extra?: Readonly<Record<string, string>>;
  /** a preview: marked as not issued on its face */
  readonly draft?: boolean;
}

/** The document's model (every word in place); a CommandRejectedError where the case cannot have it. */
export function composeDocument(input: ComposeInput): DocumentModel {
  const def = definitionOf(input.kind);
  if (!def) throw new Error(`no definition of the document ${input.kind}`);
  const reason = def.unavailable(input.case);
  if (reason)
    throw new CommandRejectedError(
      'params/kind',
      { code: 'document-not-available', params: { kind: input.kind, reason } },
      `${input.kind} cannot be issued for this case: ${reason}`,
    );
  const chosen = chooseTemplate(input.kind, input.language, def.info.personFacing);
  if (!chosen)
    throw new CommandRejectedError(
      'querystring/lang',
      { code: 'document-language-unavailable', params: { kind: input.kind, language: input.language } },
      `${input.kind} is not offered in ${input.language}`,
    );
  const notices = chosen.notice
    ? [
        {
          text: chosen.notice.text,
          dir: RTL_LANGUAGES.has(input.language) ? ('rtl' as const) : ('ltr' as const),
        },
        { text: chosen.englishNotice ?? '', dir: 'ltr' as const },
      ]
    : [];
  return fillDocument({
    def,
    template: chosen.template,
    requestedLanguage: input.language,
    notices,
    case: input.case,
    ctx: {
      documentId: input.documentId,
      issuedAt: input.issuedAt,
      zone: STATE_TIME_ZONES[input.case.state] ?? 'UTC',
      issuer: input.issuer,
      extra: input.extra ?? {},
    },
    draft: input.draft === true,
    languageName: LANGUAGE_NAMES[chosen.template.language],
  });
}

export interface RenderedDocument {
  readonly model: DocumentModel;
  readonly bytes: Buffer;
  readonly sha256: string;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The document as PDF bytes, with their SHA-256. */
export async function renderDocument(input: ComposeInput): Promise<RenderedDocument> {
  const model = composeDocument(input);
  const bytes = await renderPdf([model]);
  return { model, bytes, sha256: sha256Hex(bytes) };
}
