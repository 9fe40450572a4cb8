// The fonts embedded in every document: Noto Sans (Latin with Lithuanian letters, Cyrillic) and Noto Sans
// Arabic (Arabic, Persian, Kurdish Sorani), both under the SIL Open Font License, shipped as TrueType files by
// the @expo-google-fonts packages (nothing is downloaded at run time). Read and parsed once per process: pdfkit
// takes the parsed font (fontkit) and makes each document's subset from it, so a document does not pay for
// parsing four fonts again (about half a second on this machine; issue 18's bench).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'latin-bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  'arabic-bold': '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

const loaded = new Map<FontName, Buffer>();

export function fontBytes(name: FontName): Buffer {
  let b = loaded.get(name);
  if (!b) {
    b = readFileSync(require.resolve(FONT_FILES[name]));
    loaded.set(name, b);
  }
  return b;
}

const parsed = new Map<FontName, fontkit.Font>();

/**
 * The font parsed by fontkit, once per process (pdfkit accepts it where it accepts a file's bytes), with its
 * glyph cache emptied: fontkit keeps each glyph with the characters it was first made for, and pdfkit maps a
 * glyph back to text (the PDF's ToUnicode) from them — a cache filled by an earlier document would make the
 * next one's text, and so its bytes, depend on what was printed before. The parsed tables stay.
 */
export function fontObject(name: FontName): fontkit.Font {
  let f = parsed.get(name);
  if (!f) {
    const created = fontkit.create(fontBytes(name));
    if (!('layout' in created)) throw new Error(`${FONT_FILES[name]} is a font collection, not a font`);
    f = created;
    parsed.set(name, f);
  }
  (f as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
  return f;
}
