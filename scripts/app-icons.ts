// Writes the installable application's icons (web/public/icon-*.png) from one drawing, in the colour of the
// header (--accent in web/src/styles.css): a white "P" on blue. Run once after changing the drawing:
// `npx tsx scripts/app-icons.ts`; the PNGs are committed (the build does not draw them).
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

const ACCENT = '#0b4f8a';

/** The drawing on a 512-unit square; `safe`: the letter inside the maskable safe zone (a circle of 80%). */
function svg(safe: boolean): string {
  const scale = safe ? 0.62 : 0.8;
  const offset = (512 * (1 - scale)) / 2;
  const corner = safe ? 0 : 96; // a maskable icon is cut by the system: it fills the square
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${corner}" fill="${ACCENT}"/>
  <g transform="translate(${offset} ${offset}) scale(${scale})">
    <path fill="#ffffff" d="M136 72h140c80 0 136 46 136 124s-56 124-136 124h-60v120h-80zm80 72v104h56c36 0 58-20 58-52s-22-52-58-52z"/>
  </g>
</svg>`;
}

const icons: [file: string, size: number, safe: boolean][] = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];
for (const [file, size, safe] of icons) {
  const png = await sharp(Buffer.from(svg(safe)))
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
  writeFileSync(new URL(`../web/public/${file}`, import.meta.url), png);
  console.log(`web/public/${file}: ${size}×${size}, ${png.length} bytes`);
}
