/**
 * The embedded outbox as its readers see it (GET /api/sites/:siteId/outbox): what the channels'
 * embedded transports stored, each message's raw form built by its channel (`storedRaw`), with
 * tokens the reader may not hold masked. With the channels, which the outbox table (delivery/) knows nothing of.
 */
import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { outboxResponse } from '../../src/contract/outbox-schemas.ts';
import { listOutbox, type OutboxMessage } from '../delivery/outbox.ts';
import type { Principal } from '../auth/principal.ts';
import { maskOptional, type KeepToken } from '../links/mask-link-tokens.ts';
import { outboxTokenVisibility } from '../links/token-visibility.ts';
import { channelModule } from './registry.ts';

/**
 * A message as this reader may see it: tokens they may not hold are masked. The raw MIME can carry
 * a token split across quoted-printable lines or in base64, so it is left out whenever anything
 * had to be masked.
 */
async function presentOutboxMessage(stored: OutboxMessage, keep: KeepToken) {
  const { siteId: _siteId, headers: _headers, ...message } = stored;
  const subject = maskOptional(message.subject, keep);
  const html = maskOptional(message.html, keep);
  const text = maskOptional(message.text, keep);
  const masked = subject.masked + html.masked + text.masked;
  // Built from the stored parts only when it may be shown (channel-module.ts `storedRaw`).
  const raw = masked ? null : ((await channelModule(stored.channel).storedRaw?.(stored)) ?? null);
  return { ...message, subject: subject.text, html: html.text, text: text.text ?? '', raw, masked };
}

const presentFor = (principal: Principal) => {
  const keep = outboxTokenVisibility(principal);
  return (message: OutboxMessage) => presentOutboxMessage(message, keep);
};

export const outboxRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/outbox',
    summary:
      'What the embedded transport "sent" (no SMTP_URL / SMS provider configured): newest first, emails with their raw MIME, SMS with their text. Magic-link tokens the reader may not hold are masked (`?token=•••`): User Links for everyone but their owner, member links for agents.',
    tag: 'Delivery',
    auth: 'site',
    permission: 'outbox.read',
    params: siteIdParams,
    query: z.object({ contactId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
    response: outboxResponse,
    handler: async ({ ctx, site, query, principal }) => ({
      messages: await Promise.all((await listOutbox(ctx.db, site.id, query)).map(presentFor(principal!))),
    }),
  }),
];
