/**
 * What an uploaded file really is, from its first bytes: the declared Content-Type and the file
 * name are the sender's word, and a mail client (or a browser) trusts the bytes.
 */
import { IMAGE_TYPES, type ImageType } from '../../src/contract/media.ts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const SIGNATURES: Record<ImageType['contentType'], (bytes: Uint8Array) => boolean> = {
  'image/png': (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  'image/gif': (bytes) => startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')),
  // RIFF....WEBP
  'image/webp': (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8),
};

/** The accepted image type these bytes are, or null for anything else (SVG, HTML, PDF, …). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  return IMAGE_TYPES.find((type) => SIGNATURES[type.contentType](bytes)) ?? null;
}
