// What an uploaded file is, from its bytes (the `file-type` library reads the magic numbers: JPEG's FF D8 FF,
// PNG's 89 50 4E 47 0D 0A 1A 0A, PDF's %PDF-), and its thumbnail for the case page, made on the server by
// `sharp` (libvips, shipped as npm packages with a prebuilt binary per platform: no download at install).
// The name and the Content-Type the uploader sent are never trusted.
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { type AttachmentType, isAttachmentType } from '../domain/attachments.ts';

/** The type the bytes are, if one accepted; otherwise what was found ("text/html"? no: file-type finds none). */
export async function sniffType(
  bytes: Uint8Array,
): Promise<{ ok: true; type: AttachmentType } | { ok: false; detected: string }> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && isAttachmentType(found.mime)) return { ok: true, type: found.mime };
  return { ok: false, detected: found?.mime ?? 'unknown' };
}

/** The thumbnail's longest side, in pixels. */
export const THUMBNAIL_PX = 160;

/**
 * A decoded image may have at most this many pixels (a "decompression bomb" of a few KB that decodes to
 * gigapixels is refused): 50 megapixels is more than any phone camera.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * A small JPEG of an image (orientation applied, metadata such as the GPS position of the camera dropped), or
 * undefined for a PDF. Throws when the image cannot be decoded (a truncated or forged file).
 */
export async function makeThumbnail(bytes: Uint8Array, type: AttachmentType): Promise<Buffer | undefined> {
  if (type === 'application/pdf') return undefined;
  return sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
}
