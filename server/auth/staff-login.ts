/**
 * Staff sign in with their User Link on the admin host. A User Link logs in once, whatever the
 * site's learner policy: GET /login?token=… shows a confirm page (scanners' GET and HEAD change
 * nothing), the person's POST /login/confirm redeems it through the one redemption service,
 * opens a staff session (HttpOnly cookie) and 303s to the admin app without the token.
 * POST /api/auth/login-link (and the pages' form, POST /login/email) emails a fresh User Link
 * with a 6-digit login code beside it (staff-login-code.ts): the same answer for every address,
 * sent after the reply.
 */
import { and, eq, sql } from 'drizzle-orm';
import { decodeProtectedHeader } from 'jose';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { sites, staffUsers } from '../db/schema.ts';
import { mintMagicLinkNow, USER_LINK_MAX_USES } from '../links/mint-magic-link.ts';
import { closeSession, SESSION_COOKIE, type OpenedSession } from './sessions.ts';
import { issueLoginCode, LOGIN_CODE_TTL_MS } from './login-codes.ts';
import { createRateLimiter, limiterPerApp, type RateLimiter } from '../http/rate-limiter.ts';
import { sendEmailNow } from '../channels/email/send-email.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { emailField } from '../../src/contract/fields.ts';
import { html } from '../member/html.ts';
import { findSiteByRef, type Site } from '../sites/site-repository.ts';
import { redeemLink, type Redemption, type RedemptionAudience } from './redeem-link.ts';
import { runAfterReply, settleAfterReplyWork } from '../http/after-reply.ts';
import { refuseForeignStaffForm, sendStaffPage, staffConfirmPage, staffFailurePage, staffLinkSentPage } from './staff-pages.ts';

/** A User Link signs in a staff member still on that site's staff, once. */
export const staffAudience: RedemptionAudience = {
  link: 'user',
  session: 'staff',
  admits: async (db, site, claims) =>
    (
      await db
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(and(eq(staffUsers.siteId, site.id), eq(staffUsers.id, claims.sub)))
        .limit(1)
    ).length === 1,
  admitsSql: (siteId, subjectId) => sql`exists (select 1 from staff_users u where u.site_id = ${siteId}::uuid and u.id::text = ${subjectId})`,
  useLimit: USER_LINK_MAX_USES,
};

/** The staff session cookie, for a User Link and a login code alike: HttpOnly, never readable by scripts. */
export function setStaffSessionCookie(ctx: AppContext, reply: FastifyReply, session: OpenedSession): void {
  reply.setCookie(SESSION_COOKIE.staff, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.protocol === 'https:',
    path: '/',
    expires: session.expiresAt,
  });
}

/** The site a token claims to be from, by its key id: user links are redeemed on the shared admin host. */
async function siteOfToken(ctx: AppContext, token: string): Promise<Site | null> {
  try {
    const { kid } = decodeProtectedHeader(token);
    if (typeof kid !== 'string') return null;
    const siteId = (await ctx.keyRing.verificationKey(kid))?.siteId;
    return siteId ? await findSiteByRef(ctx.db, siteId) : null;
  } catch {
    return null;
  }
}

const UNUSABLE = "This sign-in link can't be used";

export function registerStaffLogin(app: FastifyInstance, ctx: AppContext, serveSignInPage: (reply: FastifyReply) => unknown): void {
  const perIp = createRateLimiter(ctx, 'staff-redeem-ip', { limit: ctx.config.rateLimits.redeemPerMinute, windowMs: 60_000 });
  // Login emails queued after a reply are sent before the app (and its database) closes.
  app.addHook('onClose', () => settleAfterReplyWork(ctx));

  /** Redeems (or asks to confirm) a User Link and sends what the person sees. */
  async function answer(reply: FastifyReply, token: string, ip: string, confirmed: boolean) {
    const wait = await perIp.hit(ip);
    if (wait) return tooManyAttempts(reply, null, wait);
    const site = await siteOfToken(ctx, token);
    if (!site) return sendStaffPage(reply, 400, staffFailurePage(null, UNUSABLE, 'It is not a valid staff sign-in link. Request a new one.'));
    const result = await redeemLink(ctx, site, token, staffAudience, { confirmed, ip });
    return render(reply, site, token, result);
  }

  function tooManyAttempts(reply: FastifyReply, site: Site | null, wait: number) {
    reply.header('retry-after', String(wait));
    return sendStaffPage(reply, 429, staffFailurePage(site, 'Too many attempts', 'Please wait a minute and try again.'));
  }

  async function render(reply: FastifyReply, site: Site, token: string, result: Redemption) {
    switch (result.outcome) {
      // Not reached while `answer` counts the attempt before redeeming (the site isn't known before).
      case 'rate_limited':
        return tooManyAttempts(reply, site, result.wait);
      case 'ok':
        setStaffSessionCookie(ctx, reply, result.session);
        return reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').redirect('/', 303);
      case 'confirm': {
        const [user] = await ctx.db.select({ email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, result.claims.sub)).limit(1);
        return sendStaffPage(reply, 200, staffConfirmPage(site, user?.email ?? '', token));
      }
      case 'expired':
        return sendStaffPage(
          reply,
          410,
          staffFailurePage(site, 'This sign-in link has expired', 'Sign-in links for staff are short-lived. Request a new one, or enter the code from the same email.', { codeForm: true }),
        );
      case 'no_access':
        return sendStaffPage(reply, 403, staffFailurePage(site, UNUSABLE, `You are no longer on the staff of ${site.title}.`));
      case 'preview':
        return sendStaffPage(reply, 400, staffFailurePage(site, UNUSABLE, 'This was a preview link; it signs nobody in.'));
      case 'invalid':
        if (result.reason === 'used_up' || result.reason === 'revoked') {
          return sendStaffPage(reply, 403, staffFailurePage(site, UNUSABLE, 'It was revoked or already used: each sign-in link works once. Request a new one.'));
        }
        return sendStaffPage(reply, 400, staffFailurePage(site, UNUSABLE, 'It is not a valid staff sign-in link. Request a new one.'));
    }
  }

  app.get<{ Querystring: { token?: string } }>('/login', async (request, reply) => {
    const token = request.query.token;
    if (typeof token !== 'string') return serveSignInPage(reply);
    // HEAD (link scanners, previews) answers without redeeming, counting or recording anything.
    if (request.method === 'HEAD') return reply.header('cache-control', 'no-store').send();
    return answer(reply, token, request.ip, false);
  });

  app.post<{ Body: { token?: string } }>('/login/confirm', { preHandler: refuseForeignStaffForm }, async (request, reply) =>
    answer(reply, String(request.body?.token ?? ''), request.ip, true),
  );

  app.post<{ Body: { email?: string } }>('/login/email', { preHandler: refuseForeignStaffForm }, async (request, reply) => {
    const parsed = emailField.safeParse(request.body?.email ?? '');
    if (!parsed.success) return sendStaffPage(reply, 400, staffFailurePage(null, 'Enter a valid email address', 'We need the address you sign in with.'));
    queueStaffLoginLinks(ctx, reply, parsed.data);
    return sendStaffPage(reply, 200, staffLinkSentPage());
  });

  app.post('/logout', { preHandler: refuseForeignStaffForm }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE.staff];
    if (cookie) await closeSession(ctx.db, cookie, ctx.now());
    reply.clearCookie(SESSION_COOKIE.staff, { path: '/' });
    return reply.redirect('/login', 303);
  });
}

/** Mints a User Link for a staff member (sign-in email, first-start console line). */
export async function mintUserLink(ctx: AppContext, site: Site, userId: string, channel: string, sentBy: string) {
  return mintMagicLinkNow(ctx.db, ctx.keyRing, ctx.config, {
    site,
    kind: 'user',
    subjectId: userId,
    destination: '',
    channel,
    sentBy,
    now: ctx.now(),
  });
}

/** Emails one staff member of a site their sign-in link (the login form, staff invitations). */
export async function sendStaffLoginEmail(
  ctx: AppContext,
  site: Site,
  staffUser: { id: string; email: string },
  sentBy = 'staff:login',
): Promise<void> {
  const link = await mintUserLink(ctx, site, staffUser.id, 'email', sentBy);
  // The code is bound to this email's request and to the link beside it (server/auth/login-codes.ts).
  const { code } = await issueLoginCode(ctx.db, ctx.masterKey, { siteId: site.id, kind: 'user', subjectId: staffUser.id, jti: link.jti, now: ctx.now() });
  const minutes = Math.round(site.userLinkTtlSeconds / 60);
  const codeMinutes = LOGIN_CODE_TTL_MS / 60_000;
  await sendEmailNow(ctx, {
    siteId: site.id,
    to: staffUser.email,
    subject: `Sign in to ${site.title} on memberlink`,
    text:
      `Sign in to ${site.title}: ${link.url}\n\nThis link works once and expires in ${minutes} minutes.\n\n` +
      `On another device? Enter this code on the sign-in page instead: ${code}. It works for ${codeMinutes} minutes.`,
    html: html`<p>Sign in to <strong>${site.title}</strong>:</p><p><a href="${link.url}">Sign in</a></p><p>This link works once and expires in ${minutes} minutes.</p><p>On another device? Enter this code on the sign-in page instead: <strong>${code}</strong>. It works for ${codeMinutes} minutes.</p>`
      .value,
  });
}

const loginLinkLimiter = limiterPerApp('staff-login-email', (ctx) => ({ limit: ctx.config.rateLimits.linkEmailsPerHour, windowMs: 3_600_000 }));

/**
 * Queues the sign-in emails for an address (one per site it is staff of) to run after the reply,
 * so known and unknown addresses answer alike. Over the limit nothing is sent.
 */
function queueStaffLoginLinks(ctx: AppContext, reply: FastifyReply, email: string): void {
  runAfterReply(ctx, reply, 'staff-login-email', async () => {
    // Counted after the reply too, so even the limiter's round trip can't tell addresses apart.
    if (await loginLinkLimiter(ctx).hit(email)) return;
    const accounts = await ctx.db
      .select({ user: staffUsers, site: sites })
      .from(staffUsers)
      .innerJoin(sites, eq(sites.id, staffUsers.siteId))
      .where(eq(staffUsers.email, email));
    for (const { user, site } of accounts) await sendStaffLoginEmail(ctx, site, user);
  });
}

export const staffLoginRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login-link',
    summary: 'Email a staff member their User Link. The same answer, at the same speed, whether or not the address is known.',
    tag: 'Auth',
    auth: 'public',
    permission: 'public',
    body: z.strictObject({ email: emailField }),
    status: 202,
    response: z.object({ sent: z.literal(true) }),
    handler: async ({ ctx, body, reply }) => {
      queueStaffLoginLinks(ctx, reply, body.email);
      return { sent: true };
    },
  }),
];
