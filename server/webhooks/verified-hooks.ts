/**
 * Inbound webhooks (/hooks/:siteId/…): public routes whose caller proves itself with a signature
 * instead of an API key. They live in their own encapsulated fastify context so that JSON bodies
 * there are kept raw as well as parsed (a signature covers the exact bytes sent), and a preHandler
 * checks the signature — before the body is validated or anything is read or written.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { registerRoute, type AnyRouteDef } from '../http/route.ts';
import { findSiteByRef, type Site } from '../sites/site-repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact JSON bytes received (inbound webhooks only). */
    rawBody?: Buffer;
    /** The site a verified webhook is for. */
    hookSite?: Site;
  }
}

/** Checks the request's signature for the site; returns why it is refused, or null. */
export type HookVerifier = (ctx: AppContext, site: Site, request: FastifyRequest) => Promise<string | null>;

export interface HookGroup {
  routes: AnyRouteDef[];
  verify: HookVerifier;
}

export const refused = (reason: string) => new ApiError(401, 'invalid_signature', reason);

export function hookSiteOf(request: FastifyRequest): Site {
  if (!request.hookSite) throw new Error('not a verified webhook request');
  return request.hookSite;
}

export async function registerVerifiedHooks(app: FastifyInstance, ctx: AppContext, group: HookGroup): Promise<void> {
  await app.register(async (hooks) => {
    hooks.removeContentTypeParser('application/json');
    hooks.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      request.rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(new ApiError(400, 'invalid_json', 'body: not valid JSON', 'body'), undefined);
      }
    });
    hooks.addHook('preHandler', async (request) => {
      // An unknown site and a site without a secret are refused like a bad signature: nothing to probe.
      const site = await findSiteByRef(ctx.db, (request.params as { siteId?: string }).siteId ?? '');
      const problem = site ? await group.verify(ctx, site, request) : 'no webhook secret for this site';
      if (problem) throw refused(problem);
      request.hookSite = site!;
    });
    for (const route of group.routes) registerRoute(hooks, ctx, route);
  });
}
