// Photos and scanned documents of a case (issue #16): what may be attached, how large, and the name it is
// offered under. The type of a file is what its bytes are (src/api/attachment-content.ts sniffs them), never
// what the uploader's name or header says. Pure: the web imports these too.

/** A photo of the person, or a scan of a document. */
export const ATTACHMENT_KINDS = ['photo', 'scan'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A document Pact issued on the case (issue 18): its PDF is kept as a file of the case, never uploaded. */
export const ISSUED_DOCUMENT = 'issued-document';
/** Every kind a file of a case may have: the uploaded ones and the issued documents. */
export const STORED_ATTACHMENT_KINDS = [...ATTACHMENT_KINDS, ISSUED_DOCUMENT] as const;

/** The largest file (10 MiB): a phone photo or a multi-page scan fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The content types accepted, as found from the bytes, and the extension each file is offered with. */
export const ATTACHMENT_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const isAttachmentType = (mime: string): mime is AttachmentType =>
  Object.hasOwn(ATTACHMENT_TYPES, mime);

/** The longest file name kept (without its extension). */
const NAME_MAX = 80;

/**
 * The name a file is stored and offered under: the uploader's base name reduced to letters, digits, `.`, `_`
 * and `-` (no path, no quote, no control character, nothing a header or a shell could read otherwise), at
 * most 80 characters, with the extension of the type its bytes are ("photo.jpg" whose bytes are a PNG is
 * offered as "photo.png"). An empty result is "file".
 */
export function safeFileName(uploaded: string, type: AttachmentType): string {
  const base = uploaded.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, NAME_MAX);
  return `${stem || 'file'}.${ATTACHMENT_TYPES[type]}`;
}
