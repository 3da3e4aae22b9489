/**
 * What a file really is, read from its first bytes rather than from the name or the header the
 * browser sent, and the pixel size of an image as it will be shown.
 */

export type MediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'application/pdf';

export interface SniffedFile {
  contentType: MediaType;
  /** Display size: a JPEG whose EXIF orientation turns it sideways has width and height swapped. */
  width: number | null;
  height: number | null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffFile(bytes: Buffer): SniffedFile | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { contentType: 'image/jpeg', ...jpegSize(bytes) };
  }
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return {
      contentType: 'image/png',
      width: bytes.readUInt32BE(16),
      height: bytes.readUInt32BE(20),
    };
  }
  const head = bytes.subarray(0, 6).toString('latin1');
  if (bytes.length >= 10 && (head === 'GIF87a' || head === 'GIF89a')) {
    return {
      contentType: 'image/gif',
      width: bytes.readUInt16LE(6),
      height: bytes.readUInt16LE(8),
    };
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { contentType: 'application/pdf', width: null, height: null };
  }
  return null;
}

/** Start-of-frame markers carry the size; C4, C8 and CC share the range but are not frames. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Walks the JPEG segments up to the first frame header, noting the EXIF orientation on the way. */
function jpegSize(bytes: Buffer): { width: number | null; height: number | null } {
  let offset = 2;
  let sideways = false;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2) break;
    if (marker === 0xe1)
      sideways ||= exifTurnsSideways(bytes.subarray(offset + 4, offset + 2 + length));
    if (isStartOfFrame(marker) && offset + 9 <= bytes.length) {
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      return sideways ? { width: height, height: width } : { width, height };
    }
    offset += 2 + length;
  }
  return { width: null, height: null };
}

/** EXIF orientations 5 to 8 rotate the picture a quarter turn. */
function exifTurnsSideways(app1: Buffer): boolean {
  if (app1.length < 14 || app1.subarray(0, 6).toString('latin1') !== 'Exif\0\0') return false;
  const tiff = app1.subarray(6);
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return false;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));

  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return false;
  const entries = u16(ifd);
  for (let index = 0; index < entries; index += 1) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > tiff.length) return false;
    if (u16(entry) === 0x0112) return u16(entry + 8) >= 5 && u16(entry + 8) <= 8;
  }
  return false;
}

/** Aspect ratios (width : height) carriers show MMS pictures in without cropping (SPEC §4). */
const GOOD_RATIOS = [1, 9 / 16, 4 / 3];

const RATIO_TOLERANCE = 0.02;

/** True when an image is within 2 % of 1:1, 9:16 or 4:3. */
export function hasGoodAspectRatio(width: number, height: number): boolean {
  if (width <= 0 || height <= 0) return false;
  const ratio = width / height;
  return GOOD_RATIOS.some((good) => Math.abs(ratio - good) / good <= RATIO_TOLERANCE);
}
