/** What one contact would receive, exactly as sent but with preview links that log no one in. */
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { previewBody, previewResponse } from '../../src/contract/template-schemas.ts';
import { previewOf } from '../render/render-message.ts';
import { renderPreview } from './render-preview.ts';

export const previewRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/preview',
    summary:
      'Render a document or template for one contact, or with sample values when no contact is given: subject, HTML and text (or SMS text with its segment count). Magic links carry token=preview (SMS: a preview short link of the real length), which logs no one in.',
    tag: 'Messages',
    auth: 'site',
    permission: 'preview',
    params: siteIdParams,
    body: previewBody,
    response: previewResponse,
    handler: async ({ ctx, site, body }) => {
      const { rendered } = await renderPreview(ctx, site, body);
      return previewOf(rendered);
    },
  }),
];
