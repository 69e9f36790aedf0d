/**
 * Images for emails: staff upload them (`POST /api/sites/:siteId/media`, the raw file as the body),
 * mail clients fetch them from `/media/<sha256>.<ext>`, a public address that never changes its bytes
 * and so is cached for a year. The social icons memberlink ships live beside them at
 * `/media/social/<network>.png`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { IMAGE_TYPE_NAMES, IMAGE_TYPES, MAX_IMAGE_BYTES, megabytes } from '../../src/contract/media.ts';
import { uploadedImageResponse } from '../../src/contract/media-schemas.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { SOCIAL_NETWORKS } from '../../src/template/social-networks.ts';
import { parseMediaName } from './media-storage.ts';
import { sniffImageType } from './sniff-image.ts';

/**
 * Declared types an upload may carry; what it really is comes from its bytes (sniff-image.ts). Other
 * image types a browser may declare (SVG, HEIC, …) are read too, so they get the clear refusal below.
 */
const UPLOAD_CONTENT_TYPES = [
  ...IMAGE_TYPES.map((type) => type.contentType),
  'application/octet-stream',
  ...['image/svg+xml', 'image/avif', 'image/heic', 'image/heif', 'image/bmp', 'image/tiff'],
];

/** Where a stored name is served: memberlink's public address, so emails can load it from anywhere. */
export function mediaUrl(ctx: AppContext, name: string): string {
  return new URL(`/media/${name}`, ctx.config.publicUrl).toString();
}

export const mediaRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/media',
    summary: `Upload an image for emails: the file itself as the body (Content-Type image/png, image/jpeg, image/gif, image/webp or application/octet-stream), ${IMAGE_TYPE_NAMES} only (other image types are answered 415), at most ${megabytes(MAX_IMAGE_BYTES)}. The type is read from the file's bytes, not from its name or declared type. Answers the public address to use as the image's src; the same file always gets the same address.`,
    tag: 'Media',
    auth: 'site',
    permission: 'media.write',
    params: siteIdParams,
    consumes: UPLOAD_CONTENT_TYPES,
    response: uploadedImageResponse,
    status: 201,
    handler: async ({ ctx, raw }) => {
      const bytes = Buffer.isBuffer(raw.body) ? raw.body : null;
      if (!bytes || bytes.length === 0) {
        throw new ApiError(400, 'no_file', `Send the image file as the request body (${IMAGE_TYPE_NAMES}).`, 'body');
      }
      if (bytes.length > MAX_IMAGE_BYTES) {
        throw new ApiError(
          413,
          'image_too_large',
          `This image is ${megabytes(bytes.length)}; images can be at most ${megabytes(MAX_IMAGE_BYTES)}. Make it smaller (for example, save it 1200 pixels wide) and upload it again.`,
          'body',
          { maxBytes: MAX_IMAGE_BYTES },
        );
      }
      const type = sniffImageType(bytes);
      if (!type) {
        throw new ApiError(
          415,
          'not_an_image',
          `This file is not a ${IMAGE_TYPE_NAMES} image (whatever its name or declared type says). Save it as one of those and upload it again.`,
          'body',
        );
      }
      const stored = await ctx.media.put(bytes, type);
      return { url: mediaUrl(ctx, stored.name), sha256: stored.sha256, contentType: type.contentType, bytes: stored.bytes };
    },
  }),
];

const SOCIAL_ICONS_DIR = new URL('./social-icons/', import.meta.url);
/** Read once: a handful of small files that ship with memberlink. */
const SOCIAL_ICONS = new Map(SOCIAL_NETWORKS.map((network) => [`${network.id}.png`, readFileSync(fileURLToPath(new URL(`${network.id}.png`, SOCIAL_ICONS_DIR)))]));

/** The bytes under a name never change, so anyone may keep them for a year without asking again. */
function sendImmutable(reply: FastifyReply, contentType: string, bytes: Buffer): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    // Mail clients and member sites on other hosts embed these.
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(bytes);
}

const notFoundImage = (reply: FastifyReply) =>
  reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: 'No image at this address' } });

/** Public, unauthenticated GETs (HEAD comes with them): mail clients fetch images without credentials. */
export function registerMediaFiles(app: FastifyInstance, ctx: AppContext): void {
  // The raw upload body: a Buffer the route checks itself. Larger than the cap, so an oversized image
  // gets the route's own message naming the cap rather than a generic "body too large".
  app.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES * 2 }, (_request, body, done) => done(null, body));

  app.get<{ Params: { name: string } }>('/media/social/:name', async (request, reply) => {
    const icon = SOCIAL_ICONS.get(request.params.name);
    return icon ? sendImmutable(reply, 'image/png', icon) : notFoundImage(reply);
  });

  app.get<{ Params: { name: string } }>('/media/:name', async (request, reply) => {
    const parsed = parseMediaName(request.params.name);
    const bytes = parsed && (await ctx.media.get(request.params.name));
    return parsed && bytes ? sendImmutable(reply, parsed.type.contentType, bytes) : notFoundImage(reply);
  });
}
