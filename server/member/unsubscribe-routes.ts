/**
 * The unsubscribe endpoint every bulk email names in List-Unsubscribe. POST (RFC 8058 one-click,
 * or the page's button) unsubscribes; GET only shows the button, because mail scanners follow
 * links with GET and must not unsubscribe anyone.
 */
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { findContact, updateContact } from '../contacts/contact-service.ts';
import { contacts } from '../db/schema.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { html } from './html.ts';
import { brandedLayout, memberLayout } from './member-layout.ts';
import { findSiteByRef, type Site } from '../sites/site-repository.ts';
import { eq } from 'drizzle-orm';
import { contactIdOfToken, unsubscribeTokenValid } from '../delivery/unsubscribe-token.ts';

const params = z.object({ token: z.string().max(200) });

async function resolve(ctx: AppContext, token: string): Promise<{ site: Site; contactId: string } | null> {
  const contactId = contactIdOfToken(token);
  if (!contactId) return null;
  const [row] = await ctx.db.select({ siteId: contacts.siteId }).from(contacts).where(eq(contacts.id, contactId)).limit(1);
  if (!row || !unsubscribeTokenValid(ctx, token, row.siteId)) return null;
  const site = await findSiteByRef(ctx.db, row.siteId);
  return site && (await findContact(ctx.db, site.id, contactId)) ? { site, contactId } : null;
}

const unknownLinkPage = brandedLayout('memberlink', {
  title: 'Unknown link',
  body: html`<div class="card"><h1>This unsubscribe link is not valid</h1><p>Use the link from the most recent email you received.</p></div>`,
});

function page(site: Site, title: string, body: ReturnType<typeof html>): string {
  return memberLayout(site, { title, body: html`<div class="card">${body}</div>` });
}

export const unsubscribeRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/unsubscribe/:token',
    summary: 'The unsubscribe page named in List-Unsubscribe: a button that unsubscribes (GET changes nothing).',
    tag: 'Delivery',
    auth: 'public',
    permission: 'public',
    params,
    handler: async ({ ctx, params, reply }) => {
      const found = await resolve(ctx, params.token);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
      if (!found) return reply.status(404).send(unknownLinkPage);
      return reply.send(
        page(
          found.site,
          'Unsubscribe',
          html`<h1>Unsubscribe from ${found.site.title}?</h1><p>You will no longer receive messages from ${found.site.title}.</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`,
        ),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/unsubscribe/:token',
    summary: 'One-click unsubscribe (RFC 8058: body List-Unsubscribe=One-Click); idempotent.',
    tag: 'Delivery',
    auth: 'public',
    permission: 'public',
    params,
    consumes: ['application/x-www-form-urlencoded'],
    handler: async ({ ctx, params, reply }) => {
      const found = await resolve(ctx, params.token);
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (!found) return reply.status(404).send(unknownLinkPage);
      const contact = await findContact(ctx.db, found.site.id, found.contactId);
      if (contact && !contact.unsubscribedAt) await updateContact(ctx, found.site.id, found.contactId, { unsubscribed: true });
      return reply.send(page(found.site, 'Unsubscribed', html`<h1>You are unsubscribed</h1><p>${found.site.title} will send you no more messages.</p>`));
    },
  }),
];
