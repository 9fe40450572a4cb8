// The fonts embedded in every document: Noto Sans (Latin with Lithuanian letters, Cyrillic) and Noto Sans
// Arabic (Arabic, Persian, Kurdish Sorani), both under the SIL Open Font License, shipped as TrueType files by
// the @expo-google-fonts packages (nothing is downloaded at run time). Read once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
