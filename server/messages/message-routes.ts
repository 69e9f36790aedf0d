import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { z } from 'zod';
import { streamProgress } from './message-events.ts';
import { listRecipients, messageCounts, outcomeReasons } from './message-progress.ts';
import { presentMessage } from './present-message.ts';
import { estimateSend } from './send-estimate.ts';
import { listTemplateSends } from './template-sends.ts';
import { sendTestToMe } from './test-send.ts';
import { requireTemplate } from '../templates/template-service.ts';
import { previewBody, templateParams } from '../../src/contract/template-schemas.ts';
import {
  createMessageBody,
  estimateResponse,
  messageDetailResponse,
  messageParams,
  messageQuery,
  messageResponse,
  templateSendsQuery,
  templateSendsResponse,
  testSendResponse,
} from '../../src/contract/message-schemas.ts';
import { createMessage, describePrincipal, requireMessage, type Message } from './message-service.ts';
import type { AppContext } from '../context.ts';

async function presentWithCounts(ctx: AppContext, message: Message) {
  return presentMessage(message, await messageCounts(ctx.db, message.id));
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
      return presentWithCounts(ctx, message);
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
      const presented = await presentWithCounts(ctx, message);
      const [{ rows, total }, outcomes] = await Promise.all([listRecipients(ctx.db, message.id, query), outcomeReasons(ctx.db, message.id)]);
      return { ...presented, recipients: rows, page: { limit: query.limit, offset: query.offset, total }, outcomes };
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
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/messages/estimate',
    summary:
      'What a send with this body would do, without sending: how many contacts the audience holds now and how many would be skipped, by reason (the send\'s own rules: no address, unsubscribed, no active offer for a learner link).',
    tag: 'Messages',
    auth: 'site',
    permission: 'messages.send',
    params: siteIdParams,
    body: createMessageBody,
    response: estimateResponse,
    handler: async ({ ctx, site, body }) => estimateSend(ctx.db, site, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/messages/test',
    summary:
      'Email a test to the signed-in staff member: the document or template resolved for `contactId` (or sample values), subject prefixed "[Test] ", with preview links (token=preview) that log no one in — a staff member never receives a member\'s live token. An SMS arrives as its text. Staff sessions only: an API key gets 403.',
    tag: 'Messages',
    auth: 'site',
    permission: 'messages.send',
    params: siteIdParams,
    body: previewBody,
    response: testSendResponse,
    handler: async ({ ctx, site, body, principal }) => sendTestToMe(ctx, site, principal, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/templates/:templateId/sends',
    summary: "A template's send history, newest first: when, by whom, to which audience, and its counts (sent, skipped, failed). Each links to GET /messages/:messageId for the recipients.",
    tag: 'Messages',
    auth: 'site',
    permission: 'messages.read',
    params: templateParams,
    query: templateSendsQuery,
    response: templateSendsResponse,
    handler: async ({ ctx, site, params, query }) => {
      await requireTemplate(ctx.db, site.id, params.templateId);
      return listTemplateSends(ctx.db, site.id, params.templateId, query);
    },
  }),
];
