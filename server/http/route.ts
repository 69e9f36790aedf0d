/**
 * One way to declare an admin API route: its zod schemas validate the request and, through
 * openapi.ts, describe it in /api/openapi.json — so the document can't drift from the checks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { principalCanUseSite, principalMay, resolvePrincipal, type Principal } from '../auth/principal.ts';
import type { Permission } from '../../src/contract/permissions.ts';
import { findSiteByRef, type Site } from '../sites/site-repository.ts';
import { ApiError, notFound } from './api-error.ts';
import { zodErrorBody } from './error-handler.ts';
import { checkResponse } from './response-check.ts';

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * - `public`: no credentials.
 * - `principal`: any valid API key or staff session.
 * - `bootstrap`: only the operator's bootstrap key (MEMBERLINK_API_KEY).
 * - `site`: the URL names a site (`:siteId`, a UUID or subdomain) that the caller may use;
 *   any other site answers 404, exactly like a missing one, so sites can't be probed.
 */
export type RouteAuth = 'public' | 'principal' | 'bootstrap' | 'site';

export interface RouteDef<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  /** What the caller's role must allow (src/contract/permissions.ts); checked once the site is known. */
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  /** Described in the OpenAPI document; not enforced at run time. */
  response?: Schema;
  /** Status on success (default 200). */
  status?: number;
  /** Content types the body may have besides JSON (e.g. text/csv). */
  consumes?: string[];
  handler: (request: RouteRequest<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>;
}

export interface RouteRequest<P, Q, B> {
  ctx: AppContext;
  params: P;
  query: Q;
  body: B;
  principal: Principal | null;
  /** Present when auth is `site`. */
  site: Site;
  raw: FastifyRequest;
  reply: FastifyReply;
}

// The generic parameters are checked where each route is written; the list only needs the shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteDef = RouteDef<any, any, any>;

export const defineRoute = <P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  def: RouteDef<P, Q, B>,
): RouteDef<P, Q, B> => def;

function forbidden(permission: Permission): ApiError {
  return new ApiError(403, 'forbidden', `Your role does not allow this (it needs the "${permission}" permission). Ask an owner of the site.`, undefined, {
    permission,
  });
}

function parseOrThrow(schema: Schema | undefined, value: unknown, location: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const body = zodErrorBody(result.error, location);
  throw new ApiError(400, body.error.code, body.error.message, body.error.field, { issues: body.error.issues });
}

export function registerRoute(app: FastifyInstance, ctx: AppContext, def: AnyRouteDef): void {
  app.route({
    method: def.method,
    url: def.url,
    handler: async (request, reply) => {
      const principal = def.auth === 'public' ? null : await resolvePrincipal(ctx, request);
      if (def.auth !== 'public' && !principal) {
        throw new ApiError(401, 'unauthorized', 'Missing or invalid credentials: send Authorization: Bearer <api key>.');
      }
      if (def.auth === 'bootstrap' && principal?.kind !== 'bootstrap') {
        throw new ApiError(403, 'forbidden', 'This operation needs the operator key (MEMBERLINK_API_KEY).');
      }
      let site = undefined as unknown as Site;
      if (def.auth === 'site') {
        const ref = (request.params as { siteId?: string }).siteId ?? '';
        const found = await findSiteByRef(ctx.db, ref);
        if (!found || !principalCanUseSite(principal!, found.id)) throw notFound('Site');
        site = found;
      }
      if (principal && !principalMay(principal, def.permission)) throw forbidden(def.permission);
      const params = parseOrThrow(def.params, request.params, 'params');
      const query = parseOrThrow(def.query, request.query, 'query');
      const body = parseOrThrow(def.body, request.body, 'body');
      const result = await def.handler({ ctx, params, query, body, principal, site, raw: request, reply });
      if (reply.sent) return reply;
      if (ctx.config.checkResponseSchemas && def.response && result !== undefined) checkResponse(`${def.method} ${def.url}`, def.response, result);
      reply.status(def.status ?? 200);
      return result === undefined ? reply.send() : result;
    },
  });
}
