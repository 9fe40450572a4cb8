// Drawing a DocumentModel (src/domain/documents/model.ts) as a PDF with pdfkit: A4, the fonts embedded
// (fonts.ts), right-to-left and mixed lines laid out by bidi-lines.ts, PDF/A-2b (archival: every font
// embedded, XMP metadata), and the same bytes for the same model (the creation date is the time, the
// file identifier derives from the content): an issued document can be printed again identically.
import PDFDocument from 'pdfkit';
import type { Direction, DocumentModel, FilledBlock } from '../domain/documents/model.ts';
import { hasArabic, type Script, visualSegments } from './bidi-lines.ts';
import { type FontName, fontObject } from './fonts.ts';

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 };
const FOOTER_SPACE = 36;
const BODY = 10;
const LEADING = 1.35;

type Doc = PDFKit.PDFDocument;

/** The Arabic vowel marks (harakat, tanwin, shadda, sukun, superscript alef…). */
const VOWEL_MARKS = /[\u064B-\u065F\u0670]/g;

interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly dir: Direction;
  readonly gray?: boolean;
  /** where the line sits (default: the start of its direction) */
  readonly align?: 'left' | 'right';
}

function font(script: Script, bold: boolean | undefined): FontName {
  return `${script}${bold ? '-bold' : ''}` as FontName;
}

class Writer {
  y = MARGIN;
  constructor(readonly doc: Doc) {}

  get bottom(): number {
    return PAGE.height - MARGIN - FOOTER_SPACE;
  }

  ensure(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const s of visualSegments(text, style.dir)) {
      this.doc.font(font(s.script, style.bold)).fontSize(style.size);
      w += this.doc.widthOfString(this.shapeable(s.text));
    }
    return w;
  }

  /**
   * The run as the current font can shape it. fontkit (2.0.4) throws on a vowel mark whose base glyph has no
   * anchor for it in Noto Sans Arabic — a kasra or kasratan under feh ("تفِ": seen rendering a test page) —
   * which would fail the whole document; such a run is drawn without its vowel marks (optional in Arabic,
   * Persian and Sorani writing) rather than not at all.
   */
  shapeable(text: string): string {
    try {
      this.doc.widthOfString(text);
      return text;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return text.replace(VOWEL_MARKS, '');
    }
  }

  /**
   * The text cut into lines of at most `width` points, at spaces; a word longer than a line is cut by its
   * characters' widths. Linear in the text's length: each word and each character of a long word is measured
   * once (a line's width is the sum of its words' and spaces' — the kerning across a space is not counted), so
   * a long text without spaces (8,000 characters of reasons pasted with no-break spaces) cannot hold the server.
   */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const space = this.width(' ', style);
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let used = 0;
      for (const word of paragraph.split(' ')) {
        const w = this.width(word, style);
        if (w > width) {
          if (line !== '') lines.push(line);
          const pieces = this.cut(word, width, style);
          lines.push(...pieces.slice(0, -1));
          line = pieces[pieces.length - 1] ?? '';
          used = this.width(line, style);
        } else if (line === '') {
          line = word;
          used = w;
        } else if (used + space + w > width) {
          lines.push(line);
          line = word;
          used = w;
        } else {
          line = `${line} ${word}`;
          used += space + w;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** A word wider than a line, in pieces that each fit (measured character by character). */
  private cut(word: string, width: number, style: TextStyle): string[] {
    const pieces: string[] = [];
    let piece = '';
    let used = 0;
    for (const ch of word) {
      const w = this.width(ch, style);
      if (piece !== '' && used + w > width) {
        pieces.push(piece);
        piece = ch;
        used = w;
      } else {
        piece += ch;
        used += w;
      }
    }
    pieces.push(piece);
    return pieces;
  }

  /** Draws one line between x and x + width, aligned to the start of its direction. */
  line(text: string, x: number, width: number, y: number, style: TextStyle): void {
    const segments = visualSegments(text, style.dir);
    let cursor = x;
    if ((style.align ?? (style.dir === 'rtl' ? 'right' : 'left')) === 'right')
      cursor = x + width - this.width(text, style);
    this.doc.fillColor(style.gray ? '#444444' : '#000000');
    // one baseline for every font of the line (Noto Sans Arabic's ascent is not Noto Sans's): the Latin one
    this.doc.font(font('latin', style.bold)).fontSize(style.size);
    const baseline =
      y + ((this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * style.size;
    for (const s of segments) {
      this.doc.font(font(s.script, style.bold)).fontSize(style.size);
      const text = this.shapeable(s.text);
      this.doc.text(text, cursor, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cursor += this.doc.widthOfString(text);
    }
    this.doc.fillColor('#000000');
  }

  /** A paragraph at the writer's position (a new page when the next line would not fit). */
  paragraph(text: string, x: number, width: number, style: TextStyle, gapAfter = 4): void {
    const lh = style.size * LEADING;
    for (const l of this.wrap(text, width, style)) {
      this.ensure(lh);
      this.line(l, x, width, this.y, style);
      this.y += lh;
    }
    this.y += gapAfter;
  }

  /** The height a paragraph would take. */
  measure(text: string, width: number, style: TextStyle): number {
    return this.wrap(text, width, style).length * style.size * LEADING;
  }
}

function directionOf(text: string, fallback: Direction): Direction {
  return fallback === 'ltr' && hasArabic(text) && !/[A-Za-z]/.test(text) ? 'rtl' : fallback;
}

/**
 * A field's value reads in the direction of its first strong letter (UAX #9 P2–P3), left to right when it has
 * none: a date and time, a case number or a Latin name keep their order on a right-to-left form (else
 * "2026-12-30 00:10" would read "00:10 2026-12-30"); an Arabic name reads right to left on an English one.
 */
function valueDirection(text: string): Direction {
  const first =
    /[A-Za-z\u00C0-\u024F\u0370-\u04FF]|[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.exec(
      text,
    );
  return first && hasArabic(first[0]) ? 'rtl' : 'ltr';
}

function drawBlock(w: Writer, block: FilledBlock, dir: Direction): void {
  const left = MARGIN;
  const width = PAGE.width - 2 * MARGIN;
  const body: TextStyle = { size: BODY, dir };
  switch (block.type) {
    case 'heading':
      w.y += 4;
      w.paragraph(block.text, left, width, { size: 12, bold: true, dir }, 6);
      return;
    case 'paragraph':
      w.paragraph(block.text, left, width, { ...body, dir: block.dir ?? dir }, 6);
      return;
    case 'notice': {
      const d = block.dir ?? directionOf(block.text, dir);
      const style: TextStyle = { size: BODY, bold: true, dir: d };
      const h = w.measure(block.text, width - 16, style) + 12;
      w.ensure(h);
      w.doc.lineWidth(1.2).rect(left, w.y, width, h).stroke();
      const top = w.y;
      w.y += 6;
      w.paragraph(block.text, left + 8, width - 16, style, 0);
      w.y = top + h + 8;
      return;
    }
    case 'fields': {
      const labelWidth = width * 0.38;
      const valueWidth = width - labelWidth - 10;
      for (const row of block.rows) {
        const label: TextStyle = { size: 9, dir, gray: true };
        // a value in another direction (a name in Arabic script on an English form) keeps the column's side
        const value: TextStyle = {
          size: BODY,
          bold: true,
          dir: valueDirection(row.value),
          align: dir === 'rtl' ? 'right' : 'left',
        };
        const h = Math.max(w.measure(row.label, labelWidth, label), w.measure(row.value, valueWidth, value));
        w.ensure(h + 4);
        const top = w.y;
        const [lx, vx] = dir === 'rtl' ? [left + valueWidth + 10, left] : [left, left + labelWidth + 10];
        w.paragraph(row.label, lx, labelWidth, label, 0);
        const afterLabel = w.y;
        w.y = top;
        w.paragraph(row.value, vx, valueWidth, value, 0);
        w.y = Math.max(afterLabel, w.y) + 3;
        w.doc
          .lineWidth(0.3)
          .strokeColor('#999999')
          .moveTo(left, w.y - 1.5)
          .lineTo(left + width, w.y - 1.5)
          .stroke();
        w.doc.strokeColor('#000000');
      }
      w.y += 6;
      return;
    }
    case 'checklist':
    case 'list': {
      const items =
        block.type === 'checklist' ? block.items : block.items.map((text) => ({ text, checked: undefined }));
      for (const item of items) {
        const h = w.measure(item.text, width - 22, body);
        w.ensure(h + 2);
        const mark = dir === 'rtl' ? left + width - 12 : left;
        const textX = dir === 'rtl' ? left : left + 22;
        if (item.checked === undefined) {
          w.doc.circle(mark + 5, w.y + BODY * 0.7, 1.8).fill();
        } else {
          w.doc
            .lineWidth(0.8)
            .rect(mark, w.y + 2, 10, 10)
            .stroke();
          if (item.checked)
            w.doc
              .lineWidth(1.4)
              .moveTo(mark + 2, w.y + 7)
              .lineTo(mark + 4.5, w.y + 10)
              .lineTo(mark + 9, w.y + 3.5)
              .stroke();
        }
        w.paragraph(item.text, textX, width - 22, body, 3);
      }
      w.y += 4;
      return;
    }
    case 'signatures': {
      const colWidth = (width - 30) / 2;
      for (let i = 0; i < block.items.length; i += 2) {
        w.ensure(60);
        w.y += 36;
        const top = w.y;
        for (const [j, caption] of block.items.slice(i, i + 2).entries()) {
          const x = dir === 'rtl' ? left + width - (j + 1) * colWidth - j * 30 : left + j * (colWidth + 30);
          w.doc
            .lineWidth(0.6)
            .moveTo(x, top)
            .lineTo(x + colWidth, top)
            .stroke();
          w.y = top + 3;
          w.paragraph(caption, x, colWidth, { size: 8, dir, gray: true }, 0);
        }
        w.y += 8;
      }
      return;
    }
  }
}

/**
 * The documents as one PDF (a group's refusal forms in one file): each starts on a new page and carries its
 * own footer ("page i of n" counted within it). Resolves to the file's bytes.
 */
export async function renderPdf(models: readonly DocumentModel[]): Promise<Buffer> {
  const first = models[0];
  if (!first) throw new Error('nothing to draw');
  const created = new Date(first.meta.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: first.language,
    displayTitle: true,
    info: {
      Title: models.length === 1 ? first.title : `${first.title} (${models.length})`,
      Subject: first.meta.templateVersion,
      Keywords: models.map((m) => m.meta.documentId).join(' '),
      Creator: 'Pact',
      Producer: 'Pact (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  // the parsed font, shared by every document of the process (its subset is each document's own)
  for (const name of ['latin', 'latin-bold', 'arabic', 'arabic-bold'] as const)
    doc.registerFont(name, fontObject(name) as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const spans: { model: DocumentModel; from: number; to: number }[] = [];
  for (const model of models) {
    doc.addPage();
    const from = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    const w = new Writer(doc);
    const dir = model.direction;
    w.paragraph(model.title, MARGIN, PAGE.width - 2 * MARGIN, { size: 15, bold: true, dir }, 10);
    for (const block of model.blocks) drawBlock(w, block, dir);
    spans.push({ model, from, to: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1 });
  }
  for (const { model, from, to } of spans) {
    for (let p = from; p <= to; p++) {
      doc.switchToPage(p);
      const w = new Writer(doc);
      const text = `${model.footer} · ${p - from + 1}/${to - from + 1}`;
      // the footer sits in the bottom margin: drawn without the page-break check
      const style: TextStyle = { size: 7, dir: 'ltr', gray: true };
      const lines = w.wrap(text, PAGE.width - 2 * MARGIN, style);
      lines.forEach((l, i) => {
        w.line(l, MARGIN, PAGE.width - 2 * MARGIN, PAGE.height - MARGIN - 14 + i * 9, style);
      });
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
