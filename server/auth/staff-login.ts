/**
 * Staff sign in with their User Link: GET /login?token=… on the admin host verifies a `user`
 * token, opens a staff session (HttpOnly cookie) and 303s to the admin app without the token.
 * POST /api/auth/login-link emails a fresh User Link (same answer for unknown addresses).
 */
import { eq } from 'drizzle-orm';
import { decodeProtectedHeader } from 'jose';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { sites, staffUsers } from '../db/schema.ts';
import { verifyLinkToken, type LinkVerification } from '../links/link-token.ts';
import { checkLinkUsable, consumeLinkUse } from '../links/link-state.ts';
import { mintMagicLinkNow } from '../links/mint-magic-link.ts';
import { closeSession, openSession, SESSION_COOKIE } from './sessions.ts';
import { createRateLimiter, type RateLimiter } from '../http/rate-limiter.ts';
import { sendEmailNow } from '../delivery/send-email.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { emailField } from '../validation/fields.ts';
import { escapeHtml } from '../member/html.ts';
import type { Site } from '../sites/site-repository.ts';
import { recordRedemption } from '../links/link-redemptions.ts';

function adminPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} · memberlink</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#f5f6fa;color:#1f2937;margin:0}main{max-width:520px;margin:64px auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 1px 3px rgba(0,0,0,.08)}a{color:#4f46e5}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/login">Sign in again</a></p></main></body></html>`;
}

/** The site a token claims to be from, by its key id: user links are redeemed on the shared admin host. */
async function siteOfToken(ctx: AppContext, token: string): Promise<string | null> {
  try {
    const { kid } = decodeProtectedHeader(token);
    if (typeof kid !== 'string') return null;
    return (await ctx.keyRing.verificationKey(kid))?.siteId ?? null;
  } catch {
    return null;
  }
}

function refuse(reply: FastifyReply, status: number, title: string, message: string) {
  return reply
    .status(status)
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(adminPage(title, message));
}

export function registerStaffLogin(app: FastifyInstance, ctx: AppContext, serveSignInPage: (reply: FastifyReply) => unknown): void {
  const perIp = createRateLimiter(ctx, 'staff-redeem-ip', { limit: ctx.config.rateLimits.redeemPerMinute, windowMs: 60_000 });

  app.get<{ Querystring: { token?: string } }>('/login', async (request, reply) => {
    const token = request.query.token;
    if (typeof token !== 'string') return serveSignInPage(reply);
    if (request.method === 'HEAD') return reply.header('cache-control', 'no-store').send();
    const wait = await perIp.hit(request.ip);
    if (wait) return refuse(reply.header('retry-after', String(wait)), 429, 'Too many attempts', 'Please wait a minute and try again.');
    const siteId = await siteOfToken(ctx, token);
    const now = ctx.now();
    const verified = siteId
      ? await verifyLinkToken(token, ctx.keyRing, { siteId, audience: 'user' }, now)
      : ({ ok: false, reason: 'unknown_key' } as LinkVerification);
    const record = (outcome: string, jti?: string, subjectId?: string) =>
      siteId
        ? recordRedemption(ctx.db, { siteId, jti, subjectId, outcome, ip: request.ip, at: now })
        : Promise.resolve();
    if (!verified.ok) {
      await record(`invalid:${verified.reason}`, verified.claims?.jti, verified.claims?.sub);
      if (verified.reason === 'expired') {
        return refuse(reply, 410, 'This sign-in link has expired', 'Sign-in links for staff are short-lived. Request a new one.');
      }
      return refuse(reply, 400, "This sign-in link can't be used", 'It is not a valid staff sign-in link. Request a new one.');
    }
    const { claims } = verified;
    const state = await checkLinkUsable(ctx.db, claims, now);
    if (state !== 'ok' || !(await consumeLinkUse(ctx.db, claims.jti))) {
      await record(`invalid:${state === 'ok' ? 'used_up' : state}`, claims.jti, claims.sub);
      return refuse(reply, 403, "This sign-in link can't be used", 'It was revoked or already used. Request a new one.');
    }
    const session = await openSession(ctx.db, 'staff', claims.iss, claims.sub, now);
    await record('ok', claims.jti, claims.sub);
    reply.setCookie(SESSION_COOKIE.staff, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.publicUrl.protocol === 'https:',
      path: '/',
      expires: session.expiresAt,
    });
    return reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').redirect('/', 303);
  });

  app.post('/logout', async (request, reply) => {
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

/** One limiter per running app (tests run several apps in one process). */
const loginLinkLimiters = new WeakMap<AppContext, RateLimiter>();
function loginLinkLimiter(ctx: AppContext): RateLimiter {
  let limiter = loginLinkLimiters.get(ctx);
  if (!limiter) {
    limiter = createRateLimiter(ctx, 'staff-login-email', { limit: ctx.config.rateLimits.linkEmailsPerHour, windowMs: 3_600_000 });
    loginLinkLimiters.set(ctx, limiter);
  }
  return limiter;
}

export const staffLoginRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login-link',
    summary: 'Email a staff member their User Link. The same answer whether or not the address is known.',
    tag: 'Auth',
    auth: 'public',
    body: z.strictObject({ email: emailField }),
    status: 202,
    response: z.object({ sent: z.literal(true) }),
    handler: async ({ ctx, body }) => {
      // Over the limit, the answer is the same and nothing is sent.
      if (await loginLinkLimiter(ctx).hit(body.email)) return { sent: true };
      const accounts = await ctx.db
        .select({ user: staffUsers, site: sites })
        .from(staffUsers)
        .innerJoin(sites, eq(sites.id, staffUsers.siteId))
        .where(eq(staffUsers.email, body.email));
      for (const { user, site } of accounts) {
        const link = await mintUserLink(ctx, site, user.id, 'email', 'staff:login');
        await sendEmailNow(ctx, {
          siteId: site.id,
          to: user.email,
          subject: `Sign in to ${site.title} on memberlink`,
          text: `Sign in to ${site.title}: ${link.url}\n\nThis link expires in ${Math.round(site.userLinkTtlSeconds / 60)} minutes.`,
          html: `<p>Sign in to <strong>${escapeHtml(site.title)}</strong>:</p><p><a href="${escapeHtml(link.url)}">Sign in</a></p><p>This link expires in ${Math.round(site.userLinkTtlSeconds / 60)} minutes.</p>`,
        });
      }
      return { sent: true };
    },
  }),
];
