import { z } from 'zod';
import { IMAGE_TYPES } from './media.ts';

/** `POST /api/sites/:siteId/media` answers where the stored image is served from. */
export const uploadedImageResponse = z
  .object({
    url: z.url().describe('Public, cacheable address of the image, to use as an image src'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('The content hash the file is stored under: the same bytes always get the same address'),
    contentType: z.enum(IMAGE_TYPES.map((type) => type.contentType) as [string, ...string[]]),
    bytes: z.number().int().positive(),
  });
