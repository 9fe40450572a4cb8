// What each document kind (kinds/*.ts) declares: the blocks in order, the values of the case that fill them,
// and when a case can have it. Pure: the case, the time and the time zone come in.
import type { CaseState } from '../case-state.ts';
import type { DocumentKind, DocumentKindInfo, DocumentLanguage } from './kinds.ts';
import type { Block } from './model.ts';

/** What filling a document needs besides the case. */
export interface FillContext {
  readonly documentId: string;
  /** the time of issue (ISO 8601): dates on the document are shown in `zone` */
  readonly issuedAt: string;
  /** the state's time zone (src/law/calendar/time-zones.ts) */
  readonly zone: string;
  readonly language: DocumentLanguage;
  /** who issues it (a username: never a person's name of the case) */
  readonly issuer: { readonly actor: string; readonly role: string };
  /** the words of the template for values of a closed list (`sex.male`), in the document's language */
  readonly word: (key: string) => string;
  /** what the edge looked up for this document (a place's name, the state's authority) */
  readonly extra: Readonly<Record<string, string>>;
}

export interface DocumentDefinition {
  readonly kind: DocumentKind;
  readonly info: DocumentKindInfo;
  /** the value names this kind's texts and blocks may use, besides the common ones (values.ts COMMON_VALUES) */
  readonly placeholders: readonly string[];
  /** the template's words for values of closed lists (`sex.male`): required in every language */
  readonly words?: readonly string[];
  /** why this case cannot have the document now (an English reason), or undefined when it can */
  readonly unavailable: (c: CaseState) => string | undefined;
  /** the kind's values (strings; '' when not recorded: the document then prints the template's `not-recorded`) */
  readonly values: (c: CaseState, ctx: FillContext) => Readonly<Record<string, string>>;
  readonly blocks: readonly Block[];
}
