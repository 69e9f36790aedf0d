/**
 * Staff sign in with the 6-digit code from their sign-in email (server/auth/login-codes.ts), on
 * any device: the admin app's "Have a code?" (POST /api/auth/login-code) and the server-rendered
 * sign-in pages' form (POST /login/code). A code redeems exactly as its User Link would — the one
 * code redemption (redeem-login-code.ts) with the staff audience, the same HttpOnly session
 * cookie — but never takes a use of the link, and using the link never spends the code.
 *
 * The person names their address (the email may have gone to several sites' staff lists; each
 * code is bound to its own request). Unknown address, wrong, expired, used and locked codes, and a
 * revoked link all get one answer, and every entry counts against a per-client-IP limit shared
 * by all processes on PostgreSQL (server/http/rate-limiter.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { limiterPerApp } from '../http/rate-limiter.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { emailField } from '../../src/contract/fields.ts';
import { loginCodeBody, loginCodeResponse } from '../../src/contract/staff-schemas.ts';
import { normaliseLoginCode } from './login-codes.ts';
import { redeemLoginCode } from './redeem-login-code.ts';
import { setStaffSessionCookie, staffAudience } from './staff-login.ts';
import { refuseForeignStaffForm, sendStaffPage, staffCodeRefusedPage, staffFailurePage } from './staff-pages.ts';
import { isForeignFormPost } from '../http/form-origin.ts';

// Its own bucket: guessing codes must not eat the budget for following links, nor the reverse.
const codeEntriesPerIp = limiterPerApp('staff-login-code-ip', (ctx) => ({ limit: ctx.config.rateLimits.redeemPerMinute, windowMs: 60_000 }));

export const CODE_REFUSED =
  "That code didn't work. Check the 6 digits in your latest sign-in email: a code works for 10 minutes and allows 5 tries; after that, ask for a new email.";

type StaffCodeSignIn = { outcome: 'ok' } | { outcome: 'refused' } | { outcome: 'limited'; waitSeconds: number };

/** Counts the entry, redeems the code and, when it is right, sets the staff session cookie. */
async function signInWithStaffCode(ctx: AppContext, reply: FastifyReply, email: string, code: string, ip: string): Promise<StaffCodeSignIn> {
  const waitSeconds = await codeEntriesPerIp(ctx).hit(ip);
  if (waitSeconds) return { outcome: 'limited', waitSeconds };
  const result = await redeemLoginCode(ctx, staffAudience, { email }, code, ip);
  // 'no_access' (no longer on that site's staff) is refused alike: told apart it would say the address is someone's.
  if (result.outcome !== 'ok') return { outcome: 'refused' };
  setStaffSessionCookie(ctx, reply, result.session);
  reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
  return { outcome: 'ok' };
}

/** POST /login/code: the "Have a code?" form on the server-rendered staff pages (check-your-email, expired). */
export function registerStaffCodeForm(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { email?: string; code?: string } }>('/login/code', { preHandler: refuseForeignStaffForm }, async (request, reply) => {
    const email = emailField.safeParse(request.body?.email ?? '');
    const code = normaliseLoginCode(request.body?.code);
    if (!email.success || !code) return sendStaffPage(reply, 400, staffCodeRefusedPage(CODE_REFUSED));
    const result = await signInWithStaffCode(ctx, reply, email.data, code, request.ip);
    if (result.outcome === 'limited') {
      reply.header('retry-after', String(result.waitSeconds));
      return sendStaffPage(reply, 429, staffFailurePage(null, 'Too many attempts', 'Please wait a minute and try again.'));
    }
    if (result.outcome === 'refused') return sendStaffPage(reply, 400, staffCodeRefusedPage(CODE_REFUSED));
    return reply.redirect('/', 303);
  });
}

export const staffLoginCodeRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login-code',
    summary:
      'Sign a staff member in with the 6-digit code from their sign-in email (10 minutes, 5 tries, rate limited per client IP). Sets the HttpOnly staff session cookie. Unknown addresses and wrong, expired or locked codes get the same 400.',
    tag: 'Auth',
    auth: 'public',
    permission: 'public',
    body: loginCodeBody,
    response: loginCodeResponse,
    handler: async ({ ctx, body, raw, reply }) => {
      // Public, and parsed from form bodies too: a page elsewhere must not sign a visitor in (login CSRF).
      if (isForeignFormPost(raw)) throw new ApiError(403, 'foreign_origin', 'Sign in from the admin app itself: this request came from another website.');
      const result = await signInWithStaffCode(ctx, reply, body.email, body.code, raw.ip);
      if (result.outcome === 'limited') {
        reply.header('retry-after', String(result.waitSeconds));
        throw new ApiError(429, 'rate_limited', `Too many codes tried from your network. Wait ${result.waitSeconds} seconds and try again.`);
      }
      if (result.outcome === 'refused') throw new ApiError(400, 'login_code_refused', CODE_REFUSED, 'code');
      return { signedIn: true as const };
    },
  }),
];
