/**
 * What memberlink accepts as an uploaded image: the composer's file picker and the server's upload
 * route read the same list and cap. Pure data, no imports, so the composer bundle can use it.
 */

/** The formats every major mail client shows (no SVG: Gmail and Outlook drop it). */
export const IMAGE_TYPES = [
  { contentType: 'image/png', extension: 'png', name: 'PNG' },
  { contentType: 'image/jpeg', extension: 'jpg', name: 'JPEG' },
  { contentType: 'image/gif', extension: 'gif', name: 'GIF' },
  { contentType: 'image/webp', extension: 'webp', name: 'WebP' },
] as const;

export type ImageType = (typeof IMAGE_TYPES)[number];
export type ImageContentType = ImageType['contentType'];

/** Bigger images load slowly on phones and push emails past Gmail's clipping size. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** "PNG, JPEG, GIF or WebP", for messages. */
export const IMAGE_TYPE_NAMES = `${IMAGE_TYPES.slice(0, -1).map((type) => type.name).join(', ')} or ${IMAGE_TYPES.at(-1)!.name}`;

/** "5 MB", for messages. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
