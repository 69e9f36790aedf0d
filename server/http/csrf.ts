/**
 * CSRF protection for the cookie-authenticated admin API. SameSite=Lax is not enough: member sites
 * are subdomains of the admin host (same site), and browsers send form posts and no-cors
 * `text/plain` fetches with cookies. So a write that authenticates with the staff session cookie
 * must (1) come from the admin app's own origin — `Origin` equal to PUBLIC_URL's origin, or, when a
 * browser sends no Origin, `Sec-Fetch-Site: same-origin` — and (2) carry a body type no HTML form or
 * no-cors fetch can send: JSON, or the type the route declares (`consumes`, e.g. text/csv).
 *
 * Why not @fastify/csrf-protection: it is a synchronizer-token scheme (a secret cookie plus a token
 * the client must fetch and echo in a header), which needs every client to change and whose
 * cookie can be tossed by a same-site attacker — exactly what a member subdomain is. An Origin and
 * content-type check needs no client state and is what OWASP lists for this case.
 *
 * API keys (Authorization: Bearer) are unaffected: a browser never attaches them on its own.
 * Public routes take no credentials, so there is nothing to forge.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MemberlinkConfig } from '../config.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { subdomainOfHost } from '../sites/site-urls.ts';
import type { AnyRouteDef } from './route.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the check needs to know about a route, keyed by `METHOD url-pattern`. */
interface RouteBodyRule {
  consumes: string[];
}

const routeKey = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

export type CsrfVerdict = { ok: true } | { ok: false; message: string };

/** The media type of a Content-Type header, lower-cased without parameters (`; charset=utf-8`). */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Same-origin proof: Origin equals PUBLIC_URL's origin; without Origin, Sec-Fetch-Site says so. */
export function checkOrigin(config: MemberlinkConfig, headers: FastifyRequest['headers']): CsrfVerdict {
  const origin = headers.origin;
  const adminOrigin = config.publicUrl.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    if (origin === adminOrigin) return { ok: true };
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      // An unparseable Origin is simply not ours.
    }
    if (host && subdomainOfHost(config, host)) {
      return { ok: false, message: `Requests from a member site (${origin}) may not use the admin API with a staff session. Use the admin app at ${adminOrigin}.` };
    }
    return { ok: false, message: `Requests from ${origin} may not use the admin API with a staff session. Use the admin app at ${adminOrigin}, or an API key.` };
  }
  if (headers['sec-fetch-site'] === 'same-origin') return { ok: true };
  return { ok: false, message: `This request carries no Origin header, so it can't be shown to come from the admin app at ${adminOrigin}. Use the admin app, or an API key.` };
}

/** The body type a cookie-authenticated write may carry: JSON or the route's declared type. */
export function checkBodyType(contentType: string | undefined, bodyPresent: boolean, rule: RouteBodyRule): CsrfVerdict {
  const type = mediaTypeOf(contentType);
  // No body at all (e.g. POST …/keys/rotate): nothing a form could smuggle; the Origin check decides.
  if (!type && !bodyPresent) return { ok: true };
  const allowed = ['application/json', ...rule.consumes.map((t) => t.toLowerCase())];
  if (type && allowed.includes(type)) return { ok: true };
  return {
    ok: false,
    message: `With a staff session this request must be sent as ${allowed.join(' or ')}${type ? `, not ${type}` : ''}.`,
  };
}

/**
 * Registers the check for every non-public admin API route in `routes` (and POST /logout). It runs
 * at onRequest, after routing and before the body is read.
 */
export function registerCsrfProtection(app: FastifyInstance, config: MemberlinkConfig, routes: AnyRouteDef[]): void {
  const rules = new Map<string, RouteBodyRule>();
  for (const route of routes) {
    if (route.auth !== 'public') rules.set(routeKey(route.method, route.url), { consumes: route.consumes ?? [] });
  }
  rules.set(routeKey('POST', '/logout'), { consumes: [] });

  app.addHook('onRequest', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    const rule = rules.get(routeKey(request.method, request.routeOptions.url ?? ''));
    if (!rule) return;
    // A Bearer key decides who calls (server/auth/principal.ts); the cookie is then ignored.
    if (request.headers.authorization) return;
    if (!request.cookies?.[SESSION_COOKIE.staff]) return;
    const verdict = checkOrigin(config, request.headers);
    const body = verdict.ok ? checkBodyType(request.headers['content-type'], hasBody(request), rule) : verdict;
    if (!body.ok) return reply.status(403).send({ error: { code: 'csrf', message: body.message } });
  });
}
