import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { conflict, invalidField, notFound } from '../http/api-error.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { contactParams } from '../../src/contract/contact-schemas.ts';
import { contactLinksResponse, inspectLinkResponse, linkActivityResponse, messageAnalyticsResponse, signingKeyResponse } from '../../src/contract/link-schemas.ts';
import { linkDescriptionResponse } from '../../src/contract/site-schemas.ts';
import { requireContact } from '../contacts/contact-service.ts';
import { linkRedemptions, magicLinks } from '../db/schema.ts';
import { missingSiteDetails } from '../sites/site-details.ts';
import { describeLink } from '../sites/site-magic-links.ts';
import { siteItemIds } from '../offers/content-items.ts';
import { isValidDestinationFor } from './destinations.ts';
import { listSigningKeys, retireSigningKey, rotateSigningKey } from './signing-keys.ts';
import { issuedLinkState, revokeSubjectLinks } from './link-state.ts';
import { messageAnalytics } from './message-analytics.ts';
import { inspectLink } from './link-inspector.ts';
import { linkActivity } from './link-activity.ts';
import { maskLinkTokens } from './mask-link-tokens.ts';
import { noLiveTokens } from './token-visibility.ts';

const presentKey = ({ siteId: _site, ...key }: z.infer<typeof signingKeyResponse> & { siteId: string }) => key;


export const linkRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/keys',
    summary: 'Signing keys (no secrets): the active one, those still verifying older links, and retired ones.',
    tag: 'Magic links',
    auth: 'site',
    permission: 'site.read',
    params: siteIdParams,
    response: z.object({ keys: z.array(signingKeyResponse) }),
    handler: async ({ ctx, site }) => ({ keys: (await listSigningKeys(ctx.db, site.id)).map(presentKey) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/keys/rotate',
    summary: 'Rotate the signing key: new links use a new key; links signed with the old one keep working until it is retired.',
    tag: 'Magic links',
    auth: 'site',
    permission: 'keys.write',
    params: siteIdParams,
    response: signingKeyResponse,
    status: 201,
    handler: async ({ ctx, site }) => {
      const key = await rotateSigningKey(ctx.db, site.id, ctx.masterKey);
      ctx.keyRing.invalidate(site.id);
      return presentKey(key);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/keys/:kid/retire',
    summary: 'Retire a non-active signing key: every link it signed stops working.',
    tag: 'Magic links',
    auth: 'site',
    permission: 'keys.write',
    params: siteIdParams.extend({ kid: z.string() }),
    response: signingKeyResponse,
    handler: async ({ ctx, site, params }) => {
      const listed = await listSigningKeys(ctx.db, site.id);
      const key = listed.find((k) => k.kid === params.kid);
      if (!key) throw notFound('Signing key');
      if (key.status === 'active') throw conflict('active_key', 'kid: the active key cannot be retired; rotate first', 'kid');
      const retired = await retireSigningKey(ctx.db, site.id, params.kid, ctx.now());
      ctx.keyRing.invalidate(site.id);
      return presentKey(retired!);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/magic-links/generate',
    summary:
      'The "Generate Magic Link" button: the custom value to paste into a template for a destination, with its URL shape. No live token is ever returned.',
    tag: 'Magic links',
    auth: 'site',
    permission: 'links.read',
    params: siteIdParams,
    body: z.strictObject({
      kind: z.enum(['learner', 'user']).default('learner'),
      destination: z.string().default('').describe("'' (home), courses, communities, affiliates, courses/<id>, communities/<id>"),
    }),
    response: linkDescriptionResponse,
    handler: async ({ ctx, site, body }) => {
      const missing = missingSiteDetails(site);
      if (missing.length) {
        throw conflict('site_details_incomplete', `Complete Site Details first: missing ${missing.join(', ')}`, undefined, { missing });
      }
      if (!isValidDestinationFor(body.kind, body.destination)) {
        throw invalidField('destination', body.kind === 'user' ? "a User Link always opens the admin app: use ''" : "must be '', courses, communities, affiliates, courses/<id> or communities/<id>");
      }
      const itemId = body.destination.split('/')[1];
      if (itemId && !(await siteItemIds(ctx.db, site.id, [itemId])).has(itemId)) {
        throw invalidField('destination', `no course or community ${itemId} on this site`);
      }
      return describeLink(ctx, site, body.kind, body.destination, body.destination || (body.kind === 'user' ? 'Admin app' : 'Member home'));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/contacts/:contactId/links/revoke',
    summary: 'Revoke every link issued to the contact so far and end their member sessions (links sent later work).',
    tag: 'Magic links',
    auth: 'site',
    permission: 'links.revoke',
    params: contactParams,
    response: z.object({ revokedBefore: z.date() }),
    handler: async ({ ctx, site, params }) => {
      await requireContact(ctx.db, site.id, params.contactId);
      const now = ctx.now();
      // The links and the sessions they opened end together.
      await ctx.db.transaction((tx) => revokeSubjectLinks(tx, site.id, 'learner', params.contactId, now));
      return { revokedBefore: now };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/contacts/:contactId/links',
    summary: "The contact's magic links and redemption attempts, newest first.",
    tag: 'Magic links',
    auth: 'site',
    permission: 'links.read',
    params: contactParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: contactLinksResponse,
    handler: async ({ ctx, site, params, query }) => {
      const contact = await requireContact(ctx.db, site.id, params.contactId);
      const now = ctx.now();
      const [links, redemptions] = await Promise.all([
        ctx.db
          .select()
          .from(magicLinks)
          .where(and(eq(magicLinks.siteId, site.id), eq(magicLinks.subjectId, params.contactId)))
          .orderBy(desc(magicLinks.issuedAt))
          .limit(query.limit),
        ctx.db
          .select({ jti: linkRedemptions.jti, outcome: linkRedemptions.outcome, at: linkRedemptions.createdAt })
          .from(linkRedemptions)
          .where(and(eq(linkRedemptions.siteId, site.id), eq(linkRedemptions.subjectId, params.contactId)))
          .orderBy(desc(linkRedemptions.createdAt))
          .limit(query.limit),
      ]);
      return {
        links: links.map(({ siteId: _s, kid: _k, ...link }) => ({ ...link, state: issuedLinkState(link, contact.linksValidAfter, now) })),
        redemptions,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/activity',
    summary: 'Links sent, redeemed, expired and failed per day (UTC), and the top failure reasons with their fixes.',
    tag: 'Magic links',
    auth: 'site',
    permission: 'links.read',
    params: siteIdParams,
    query: z.object({ days: z.coerce.number().int().min(1).max(90).default(14) }),
    response: linkActivityResponse,
    handler: async ({ ctx, site, query }) => {
      const now = ctx.now();
      const since = new Date(now.getTime() - (query.days - 1) * 86_400_000);
      since.setUTCHours(0, 0, 0, 0);
      return linkActivity(ctx.db, site.id, since, now);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/activity/messages',
    permission: 'links.read',
    summary:
      'Per message, newest first: delivered, members who logged in, logins per link (destination), time from send to first login (median, p90 seconds) and refused logins by reason.',
    tag: 'Magic links',
    auth: 'site',
    params: siteIdParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
    response: z.object({ messages: z.array(messageAnalyticsResponse) }),
    handler: async ({ ctx, site, query }) => ({ messages: await messageAnalytics(ctx.db, site.id, query.limit) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/links/inspect',
    summary: 'Paste a link a member forwarded (a full link or a short link, /l/{code}): whose it is, where it leads (the link shown masked), its state and expiry, their access, and the one reason it would fail now with the fix.',
    tag: 'Magic links',
    auth: 'site',
    permission: 'links.read',
    params: siteIdParams,
    query: z.object({ url: z.string().min(1, 'paste the whole link') }),
    response: inspectLinkResponse,
    // The answer names the link masked: the inspector never hands a live token back.
    handler: async ({ ctx, site, query }) => ({ url: maskLinkTokens(query.url, noLiveTokens).text, ...(await inspectLink(ctx, site, query.url)) }),
  }),
];
