// Reading a PDF back in tests: its text (pdf.js, the PDF engine of Firefox) and a page as PNG (pdf.js drawing
// on @napi-rs/canvas), written to test-results/documents/ to be looked at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export const SCREENSHOTS = join(process.env.PACT_SCREENSHOTS ?? 'test-results', 'documents');

async function open(bytes: Uint8Array) {
  return pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
}

/** The text of every page, one string per page (items joined by spaces: search it with toContain). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

/** The whole text. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

/** Page `page` (1-based) drawn at 1.5× as a PNG file under test-results/documents; returns its path. */
export async function pdfPng(bytes: Uint8Array, name: string, page = 1): Promise<string> {
  const doc = await open(bytes);
  const p = await doc.getPage(page);
  const viewport = p.getViewport({ scale: 1.5 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js types its canvas for the DOM; @napi-rs/canvas implements the same drawing API
  type RenderParameters = Parameters<typeof p.render>[0];
  await p.render({ canvasContext: context as unknown as RenderParameters['canvasContext'], viewport })
    .promise;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  writeFileSync(path, canvas.toBuffer('image/png'));
  await doc.destroy();
  return path;
}
