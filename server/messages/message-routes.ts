import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { z } from 'zod';
import { streamProgress } from './message-events.ts';
import { listRecipients, messageCounts, statusOf } from './message-progress.ts';
import { createMessageBody, messageDetailResponse, messageParams, messageQuery, messageResponse } from '../../src/contract/message-schemas.ts';
import { createMessage, describePrincipal, requireMessage, type Message } from './message-service.ts';
import type { AppContext } from '../context.ts';

async function presentMessage(ctx: AppContext, message: Message) {
  const counts = await messageCounts(ctx.db, message.id);
  return {
    id: message.id,
    channel: message.channel,
    templateId: message.templateId,
    templateVersion: message.templateVersion,
    status: statusOf(counts),
    counts,
    linkPolicy: message.linkPolicy ?? null,
    createdAt: message.createdAt,
  };
}

export const messageRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/messages',
    summary:
      'Send a template or document to contacts, an offer\'s holders or everyone. Answers 202 at once; recipients are resolved and sent by the queue. Recipients without the address, unsubscribed, or without an active offer when it carries a learner link are skipped with a reason.',
    tag: 'Messages',
    auth: 'site',
    permission: 'messages.send',
    params: siteIdParams,
    body: createMessageBody,
    response: messageResponse,
    status: 202,
    handler: async ({ ctx, site, body, principal }) => {
      const { message } = await createMessage(ctx, { site, body, sentBy: describePrincipal(principal) });
      return presentMessage(ctx, message);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/messages/:messageId',
    summary: 'A send\'s progress (queued, sending, sent, failed, skipped) and its recipients\' outcomes, paginated.',
    tag: 'Messages',
    auth: 'site',
    permission: 'messages.read',
    params: messageParams,
    query: messageQuery,
    response: messageDetailResponse,
    handler: async ({ ctx, site, params, query }) => {
      const message = await requireMessage(ctx.db, site.id, params.messageId);
      // Counts first: rows read afterwards are at least as new, so a 'completed' send lists final outcomes.
      const presented = await presentMessage(ctx, message);
      const { rows, total } = await listRecipients(ctx.db, message.id, query);
      return { ...presented, recipients: rows, page: { limit: query.limit, offset: query.offset, total } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/messages/:messageId/events',
    summary: 'Server-sent events: `progress` with { status, counts } whenever they change, then `done`.',
    tag: 'Messages',
    auth: 'site',
    permission: 'messages.read',
    params: messageParams,
    response: z.string().describe('text/event-stream'),
    handler: async ({ ctx, site, params, raw, reply }) => {
      const message = await requireMessage(ctx.db, site.id, params.messageId);
      await streamProgress(ctx, message.id, raw, reply);
    },
  }),
];
