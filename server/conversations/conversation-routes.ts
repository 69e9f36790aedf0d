import { requireContact } from '../contacts/contact-service.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { createMessage, describePrincipal } from '../messages/message-service.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { listConversations } from './conversation-list.ts';
import {
  conversationsQuery,
  conversationsResponse,
  sendInThreadBody,
  sendInThreadResponse,
  threadParams,
  threadQuery,
  threadResponse,
} from '../../src/contract/conversation-schemas.ts';
import { readThread } from './thread.ts';
import { maskLinkTokens, maskOptional } from '../links/mask-link-tokens.ts';
import { noLiveTokens } from '../links/token-visibility.ts';

/** Threads are read by every role and never carry a live token, for anyone. */
function withoutLiveTokens<T extends { subject: string | null; html: string | null; text: string | null; details: Record<string, unknown> | null }>(item: T): T {
  return {
    ...item,
    subject: maskOptional(item.subject, noLiveTokens).text,
    html: maskOptional(item.html, noLiveTokens).text,
    text: maskOptional(item.text, noLiveTokens).text,
    details: item.details && JSON.parse(maskLinkTokens(JSON.stringify(item.details), noLiveTokens).text),
  };
}

export const conversationRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/conversations',
    summary: 'Contacts with a thread, most recent activity first (cursor-paginated with `before`).',
    tag: 'Conversations',
    auth: 'site',
    permission: 'conversations.read',
    params: siteIdParams,
    query: conversationsQuery,
    response: conversationsResponse,
    handler: async ({ ctx, site, query }) => listConversations(ctx.db, site.id, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/conversations/:contactId',
    summary:
      "A contact's thread, newest last: emails and SMS sent to them (by agents, workflows and bulk sends) as they received them, their replies, and system events (access granted or revoked, link redeemed, expired, resent). The latest page by default; `before` pages back, `after` fetches newer items.",
    tag: 'Conversations',
    auth: 'site',
    permission: 'conversations.read',
    params: threadParams,
    query: threadQuery,
    response: threadResponse,
    handler: async ({ ctx, site, params, query }) => {
      await requireContact(ctx.db, site.id, params.contactId);
      const thread = await readThread(ctx.db, site.id, params.contactId, query);
      return { ...thread, items: thread.items.map(withoutLiveTokens) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/conversations/:contactId/messages',
    summary:
      'Send an email or SMS into the thread. Resolved and sent by the same pipeline as every send (the contact\'s own magic links minted at send time); answers 202 and appears in the thread as delivered.',
    tag: 'Conversations',
    auth: 'site',
    permission: 'conversations.send',
    params: threadParams,
    body: sendInThreadBody,
    response: sendInThreadResponse,
    status: 202,
    handler: async ({ ctx, site, params, body, principal }) => {
      await requireContact(ctx.db, site.id, params.contactId);
      const { message } = await createMessage(ctx, {
        site,
        body: { channel: body.channel, document: body.document, recipients: { contactIds: [params.contactId] } },
        sentBy: describePrincipal(principal),
      });
      return { messageId: message.id, status: 'queued' };
    },
  }),
];
