import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { rotateWebhookSecret } from './webhook-secret.ts';

export const webhookSecretRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/webhook-secret',
    summary:
      "Create or rotate the site's webhook secret and return it — the only time it is shown. The previous secret stops working at once. Sign requests to /hooks/:siteId/* with it.",
    tag: 'Webhooks',
    auth: 'site',
    permission: 'webhooks.write',
    params: siteIdParams,
    status: 201,
    response: z.object({
      secret: z.string().describe('HMAC-SHA256 key: the whole string, as UTF-8.'),
      createdAt: z.date(),
      signature: z.string(),
    }),
    handler: async ({ ctx, site }) => ({
      ...(await rotateWebhookSecret(ctx, site.id)),
      signature: 'X-Memberlink-Timestamp: <unix seconds>; X-Memberlink-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>',
    }),
  }),
];
