import { IMAGE_TYPE_NAMES, IMAGE_TYPES, MAX_IMAGE_BYTES, megabytes } from '../../contract/media';

/** Stores an image file somewhere mail clients can fetch it; resolves to its public address. */
export type ImageUploader = (file: File) => Promise<{ url: string }>;

export interface MemberlinkUploadOptions {
  siteId: string;
  /** memberlink's origin when the host runs elsewhere; default: same origin. */
  baseUrl?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** What the file picker offers: the types memberlink stores. */
export const ACCEPTED_IMAGE_TYPES = IMAGE_TYPES.map((type) => type.contentType).join(',');

/**
 * Why a file cannot be uploaded, before sending it (the server checks the bytes again), or null.
 * Same words as the server's refusals.
 */
export function imageFileProblem(file: File): string | null {
  if (!IMAGE_TYPES.some((type) => type.contentType === file.type)) {
    return `"${file.name}" is not a ${IMAGE_TYPE_NAMES} image. Save it as one of those and upload it again.`;
  }
  if (file.size > MAX_IMAGE_BYTES) {
    return `"${file.name}" is ${megabytes(file.size)}; images can be at most ${megabytes(MAX_IMAGE_BYTES)}. Make it smaller (for example, save it 1200 pixels wide) and upload it again.`;
  }
  return null;
}

/** The default uploader: memberlink's `POST /api/sites/:siteId/media`, the file itself as the body. */
export function memberlinkUpload({ siteId, baseUrl = '', headers, fetch: fetchImpl = globalThis.fetch }: MemberlinkUploadOptions): ImageUploader {
  const url = `${baseUrl.replace(/\/$/, '')}/api/sites/${encodeURIComponent(siteId)}/media`;
  return async (file) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': file.type || 'application/octet-stream', ...headers },
      body: file,
    });
    const body = (await response.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
    if (!response.ok || !body?.url) throw new Error(body?.error?.message ?? `The image could not be uploaded (HTTP ${response.status}).`);
    return { url: body.url };
  };
}
