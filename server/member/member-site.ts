/**
 * The member sites: one process serves every site, chosen by the Host header
 * ({subdomain}.{MEMBER_ROOT_DOMAIN}); app.ts rewrites member-host requests under MEMBER_PREFIX.
 *
 * GET /{destination}?token=… redeems a learner link: on success a session cookie and a 303 to the
 * same destination without the token (out of the address bar, history and Referer); otherwise a
 * branded page that says what happened and how to get in.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { contacts } from '../db/schema.ts';
import { ITEM_DESTINATIONS, LEARNER_SECTIONS } from '../../src/template/destinations.ts';
import type { Site } from '../sites/site-repository.ts';
import { siteCacheOf } from '../sites/site-cache.ts';
import { subdomainOfHost } from '../sites/site-urls.ts';
import { closeSession, findSession, SESSION_COOKIE, type OpenedSession } from '../auth/sessions.ts';
import { createRateLimiter, type RateLimiter } from '../http/rate-limiter.ts';
import { verifyLinkToken } from '../links/link-token.ts';
import { findContact } from '../contacts/contact-service.ts';
import { emailField } from '../../src/contract/fields.ts';
import { html } from './html.ts';
import { brandedLayout, memberLayout, supportContact } from './member-layout.ts';
import { holdsAnyOffer, memberAccess, unlocks } from '../offers/member-access.ts';
import { learnerAudience, redeemLearnerLink } from './redeem-learner-link.ts';
import { redeemLoginCode } from '../auth/redeem-login-code.ts';
import { normaliseLoginCode } from '../auth/login-codes.ts';
import { randomUUID } from 'node:crypto';
import { recordLinkAttempt, type Redemption } from '../auth/redeem-link.ts';
import { sendLoginLinkEmail } from './login-link-email.ts';
import { runAfterReply } from '../http/after-reply.ts';
import { isForeignFormPost } from '../http/form-origin.ts';
import * as pages from './member-pages.ts';
import { SHORT_LINK_PATH } from '../../src/template/short-link.ts';
import { resolveShortLinkFor, UNKNOWN_SHORT_LINK_OUTCOME } from '../links/short-links.ts';

export const MEMBER_PREFIX = '/_member';

declare module 'fastify' {
  interface FastifyRequest {
    memberSite?: Site;
    /** The logged-in contact of this site, from the session cookie. */
    memberContactId?: string;
  }
}

/** Every member response: never cached, never leaking its URL (which may hold a token) as a Referer. */
function secureHeaders(reply: FastifyReply): void {
  reply
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
}

export function sendMemberPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  secureHeaders(reply);
  return reply.status(status).type('text/html; charset=utf-8').send(page);
}

function siteNotFoundPage(): string {
  return brandedLayout('memberlink', {
    title: 'No site here',
    body: html`<div class="card"><h1>There is no member site at this address</h1><p>Check the link you followed.</p></div>`,
  });
}

/** The member-site paths a link may open; anything else is a 404 page, never a redirect. */
const SECTION_ROUTES = [
  ...LEARNER_SECTIONS.map((d) => `/${d.path}`),
  ...ITEM_DESTINATIONS.map((d) => `/${d.section}/:itemId`),
];

function destinationOf(request: FastifyRequest): string {
  return request.routeOptions.url!.slice(MEMBER_PREFIX.length + 1).replace(':itemId', (request.params as { itemId: string }).itemId);
}

/** The member site's 404 page (also for paths the member routes never matched). */
export async function sendMemberNotFound(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const subdomain = subdomainOfHost(ctx.config, request.headers.host);
  const site = request.memberSite ?? (subdomain ? await siteCacheOf(ctx.db).bySubdomain(subdomain) : null);
  if (!site) return sendMemberPage(reply, 404, siteNotFoundPage());
  return sendMemberPage(
    reply,
    404,
    memberLayout(site, {
      title: 'Page not found',
      body: html`<div class="card"><h1>This page doesn't exist</h1><p><a href="/">Go to ${site.title}</a></p>${supportContact(site)}</div>`,
    }),
  );
}

const FAILURE_STATUS = { invalid: 400, expired: 410, no_access: 403 } as const;

export function registerMemberSite(member: FastifyInstance, ctx: AppContext): void {
  const redeemPerIp = createRateLimiter(ctx, 'member-redeem-ip', { limit: ctx.config.rateLimits.redeemPerMinute, windowMs: 60_000 });
  // Its own bucket: guessing codes must not eat the budget for following links, nor the reverse.
  const codeEntriesPerIp = createRateLimiter(ctx, 'member-login-code-ip', { limit: ctx.config.rateLimits.redeemPerMinute, windowMs: 60_000 });
  const linkEmailsPerAddress = createRateLimiter(ctx, 'member-link-email', { limit: ctx.config.rateLimits.linkEmailsPerHour, windowMs: 3_600_000 });
  const linkEmailsPerIp = createRateLimiter(ctx, 'member-link-email-ip', { limit: ctx.config.rateLimits.linkEmailsPerHour * 4, windowMs: 3_600_000 });

  const cookieOptions = (session: OpenedSession) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.publicUrl.protocol === 'https:',
    path: '/',
    // No Domain attribute: a host-only cookie, invisible to every other site's subdomain.
    expires: session.expiresAt,
  });

  /** Sends the page for a redemption, or logs in and redirects. */
  function answerRedemption(reply: FastifyReply, site: Site, token: string, result: Redemption): FastifyReply {
    switch (result.outcome) {
      case 'rate_limited':
        return tooManyRequests(reply, site, result.wait);
      case 'ok':
        secureHeaders(reply);
        reply.setCookie(SESSION_COOKIE.member, result.session.token, cookieOptions(result.session));
        // Built from the signed, validated destination — never from the request — so it can't leave the site.
        return reply.redirect(`/${result.claims.dest}`, 303);
      case 'confirm':
        return sendMemberPage(reply, 200, pages.confirmLoginPage(site, token));
      case 'preview':
        return sendMemberPage(reply, 200, pages.previewLinkPage(site));
      case 'expired':
        return sendMemberPage(reply, FAILURE_STATUS.expired, pages.linkExpiredPage(site, token));
      case 'no_access':
        return sendMemberPage(reply, FAILURE_STATUS.no_access, pages.noAccessPage(site));
      case 'invalid':
        return sendMemberPage(reply, result.reason === 'used_up' || result.reason === 'revoked' ? 403 : FAILURE_STATUS.invalid, pages.linkUnusablePage(site));
    }
  }

  /**
   * Counts a hit; over the limit, answers 429 and returns true. (It returns a boolean, not the
   * reply: a FastifyReply is thenable, so an async function returning it resolves to undefined.)
   */
  async function overLimit(reply: FastifyReply, site: Site, limiter: RateLimiter, key: string): Promise<boolean> {
    const wait = await limiter.hit(key);
    if (!wait) return false;
    tooManyRequests(reply, site, wait);
    return true;
  }

  function tooManyRequests(reply: FastifyReply, site: Site, wait: number): FastifyReply {
    reply.header('retry-after', String(wait));
    return sendMemberPage(reply, 429, pages.tooManyRequestsPage(site, wait));
  }

  member.addHook('onRequest', async (request, reply) => {
    const subdomain = subdomainOfHost(ctx.config, request.headers.host);
    const site = subdomain ? await siteCacheOf(ctx.db).bySubdomain(subdomain) : null;
    if (!site) return sendMemberPage(reply, 404, siteNotFoundPage());
    request.memberSite = site;
    // Every member POST is a form that opens or closes a session: only this site's own pages may send it.
    if (request.method === 'POST' && isForeignFormPost(request)) return sendMemberPage(reply, 403, pages.foreignFormPage(site));
    const cookie = request.cookies[SESSION_COOKIE.member];
    if (cookie) {
      const session = await findSession(ctx.db, 'member', cookie, ctx.now());
      if (session && session.siteId === site.id) request.memberContactId = session.subjectId;
    }
  });

  member.setNotFoundHandler((request, reply) => sendMemberNotFound(ctx, request, reply));
  member.setErrorHandler((error, request, reply) => {
    request.log.error({ err: error }, 'member site error');
    const site = request.memberSite;
    const body = html`<div class="card"><h1>Something went wrong on our side</h1><p>Please try again in a moment.</p>${site ? supportContact(site) : ''}</div>`;
    return sendMemberPage(reply, 500, site ? memberLayout(site, { title: 'Something went wrong', body }) : siteNotFoundPage());
  });

  for (const url of SECTION_ROUTES) {
    member.get<{ Querystring: { token?: string } }>(url, async (request, reply) => {
      const site = request.memberSite!;
      const destination = destinationOf(request);
      const token = typeof request.query.token === 'string' ? request.query.token : undefined;
      if (token !== undefined) {
        // HEAD (link scanners, previews) answers without redeeming, counting or consuming anything.
        if (request.method === 'HEAD') return sendMemberPage(reply, 200, '');
        const limit = { limiter: redeemPerIp, key: request.ip };
        const result = await redeemLearnerLink(ctx, site, token, { confirmed: false, ip: request.ip, limit });
        return answerRedemption(reply, site, token, result);
      }
      if (!request.memberContactId) return sendMemberPage(reply, 200, pages.loginFormPage(site));
      const contact = await findContact(ctx.db, site.id, request.memberContactId);
      const access = await memberAccess(ctx.db, site.id, request.memberContactId);
      if (!contact || !holdsAnyOffer(access)) return sendMemberPage(reply, 403, pages.noAccessPage(site));
      if (!unlocks(access, destination)) return sendMemberPage(reply, 403, pages.noContentPage(site, access, destination));
      const page = destination === '' ? pages.homePage(site, access, contact.firstName) : pages.sectionPage(site, access, destination);
      return sendMemberPage(reply, 200, page);
    });
  }

  // A short link (server/links/short-links.ts): the code resolves to the link's own token, which takes
  // the long link's path from here on — the same rate limit, redemption, pages and confirm-by-POST.
  // A wildcard, not `:code`: a code of any length or shape (even with a slash) gets the same failure
  // page and counts against the limit, where a parameter route would answer long ones with a 404.
  member.get<{ Params: { '*': string } }>(`${SHORT_LINK_PATH}*`, async (request, reply) => {
    const site = request.memberSite!;
    if (request.method === 'HEAD') return sendMemberPage(reply, 200, '');
    if (await overLimit(reply, site, redeemPerIp, request.ip)) return reply;
    const resolved = await resolveShortLinkFor(ctx, site, request.params['*']);
    if (resolved.kind === 'preview') return answerRedemption(reply, site, '', { outcome: 'preview' });
    if (resolved.kind === 'token') {
      const result = await redeemLearnerLink(ctx, site, resolved.token, { confirmed: false, ip: request.ip });
      return answerRedemption(reply, site, resolved.token, result);
    }
    const claims = resolved.kind === 'key_retired' ? resolved.claims : undefined;
    await recordLinkAttempt(ctx, site, claims ? 'invalid:retired_key' : UNKNOWN_SHORT_LINK_OUTCOME, claims, request.ip);
    return answerRedemption(reply, site, '', { outcome: 'invalid', reason: claims ? 'retired_key' : 'unknown_short_link', claims });
  });

  member.post<{ Body: { token?: string } }>('/login/confirm', async (request, reply) => {
    const site = request.memberSite!;
    const token = String(request.body?.token ?? '');
    const result = await redeemLearnerLink(ctx, site, token, { confirmed: true, ip: request.ip, limit: { limiter: redeemPerIp, key: request.ip } });
    return answerRedemption(reply, site, token, result);
  });

  member.post<{ Body: { email?: string } }>('/login', async (request, reply) => {
    const site = request.memberSite!;
    const parsed = emailField.safeParse(request.body?.email ?? '');
    if (!parsed.success) return sendMemberPage(reply, 400, pages.loginFormPage(site, 'Enter a valid email address.'));
    const email = parsed.data;
    if ((await overLimit(reply, site, linkEmailsPerIp, request.ip)) || (await overLimit(reply, site, linkEmailsPerAddress, `${site.id}:${email}`))) {
      return reply;
    }
    // Chosen now so the page can name it in its "Have a code?" form — member or not, alike.
    const requestId = randomUUID();
    // The same answer, at the same speed, whether or not the address is a member's: the lookup
    // and the email happen after the reply. Only members get an email.
    runAfterReply(ctx, reply, 'member-login-email', async () => {
      const [contact] = await ctx.db
        .select()
        .from(contacts)
        .where(and(eq(contacts.siteId, site.id), eq(contacts.email, email)))
        .limit(1);
      if (contact && holdsAnyOffer(await memberAccess(ctx.db, site.id, contact.id))) {
        await sendLoginLinkEmail(ctx, site, contact, '', 'member:login', requestId);
      }
    });
    return sendMemberPage(reply, 200, pages.loginEmailSentPage(site, requestId));
  });

  member.post<{ Body: { token?: string } }>('/resend', async (request, reply) => {
    const site = request.memberSite!;
    const token = String(request.body?.token ?? '');
    const verified = await verifyLinkToken(token, ctx.keyRing, { siteId: site.id, audience: 'learner' }, ctx.now());
    // Only a genuine link of this site (expired or not) names whom to send a fresh one to.
    const claims = verified.ok ? verified.claims : verified.reason === 'expired' ? verified.claims : undefined;
    if (!claims) return sendMemberPage(reply, 400, pages.linkUnusablePage(site));
    if ((await overLimit(reply, site, linkEmailsPerIp, request.ip)) || (await overLimit(reply, site, linkEmailsPerAddress, `${site.id}:${claims.sub}`))) {
      return reply;
    }
    const contact = await findContact(ctx.db, site.id, claims.sub);
    if (!contact?.email) return sendMemberPage(reply, 200, pages.noEmailOnFilePage(site));
    const ip = request.ip;
    const requestId = randomUUID();
    runAfterReply(ctx, reply, 'member-resend-email', async () => {
      await sendLoginLinkEmail(ctx, site, contact, claims.dest, 'member:resend', requestId);
      await recordLinkAttempt(ctx, site, 'resent', claims, ip);
    });
    return sendMemberPage(reply, 200, pages.freshLinkSentPage(site, requestId));
  });

  // "Have a code?": the code from a login email logs in on any device, like its link (session
  // cookie and 303 to the link's destination), without taking a use of the link.
  member.post<{ Body: { code?: string; request?: string; email?: string } }>('/login/code', async (request, reply) => {
    const site = request.memberSite!;
    if (await overLimit(reply, site, codeEntriesPerIp, request.ip)) return reply;
    const requestId = typeof request.body?.request === 'string' && request.body.request ? request.body.request : undefined;
    const code = normaliseLoginCode(request.body?.code);
    const email = emailField.safeParse(request.body?.email ?? '');
    if (!code || (!requestId && !email.success)) return sendMemberPage(reply, 400, pages.loginCodeRefusedPage(site, requestId));
    const target = requestId ? { requestId, siteId: site.id } : { email: email.data!, siteId: site.id };
    const result = await redeemLoginCode(ctx, learnerAudience, target, code, request.ip);
    if (result.outcome === 'no_access') return sendMemberPage(reply, FAILURE_STATUS.no_access, pages.noAccessPage(site));
    if (result.outcome === 'wrong') return sendMemberPage(reply, 400, pages.loginCodeRefusedPage(site, requestId));
    return answerRedemption(reply, site, '', result);
  });

  member.post('/logout', async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE.member];
    if (cookie) await closeSession(ctx.db, cookie, ctx.now());
    secureHeaders(reply);
    reply.clearCookie(SESSION_COOKIE.member, { path: '/' });
    return reply.redirect('/', 303);
  });
}
