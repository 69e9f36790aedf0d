import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../sites/site-schemas.ts';
import { listOutbox } from './outbox.ts';

export const outboxRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/outbox',
    summary:
      'What the embedded transport "sent" (no SMTP_URL / SMS provider configured): newest first, emails with their raw MIME, SMS with their text.',
    tag: 'Delivery',
    auth: 'site',
    permission: 'outbox.read',
    params: siteIdParams,
    query: z.object({ contactId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
    response: z.object({
      messages: z.array(
        z.object({
          id: z.uuid(),
          channel: z.enum(['email', 'sms']),
          recipient: z.string(),
          contactId: z.uuid().nullable(),
          subject: z.string().nullable(),
          html: z.string().nullable(),
          text: z.string(),
          raw: z.string().nullable(),
          createdAt: z.date(),
        }),
      ),
    }),
    handler: async ({ ctx, site, query }) => ({
      messages: (await listOutbox(ctx.db, site.id, query)).map(({ siteId: _siteId, ...message }) => message),
    }),
  }),
];
