/**
 * Builds the fastify instance (testable with inject); main.ts listens. One plugin-like list of
 * routes per domain; the member sites are the same process, addressed by Host.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { registerRoute, type AnyRouteDef } from './http/route.ts';
import { buildOpenApiDocument } from './http/openapi.ts';
import { siteRoutes } from './sites/site-routes.ts';
import { contactRoutes } from './contacts/contact-routes.ts';
import { offerRoutes } from './offers/offer-routes.ts';
import { subdomainOfHost } from './sites/site-urls.ts';
import { MEMBER_PREFIX, registerMemberSite, sendMemberNotFound } from './member/member-site.ts';
import { redactError, redactUrl } from './http/redact.ts';
import { humanLogStream, type LogFormat } from './logging/log-format.ts';
import { OneLinePerRequest } from './logging/request-log.ts';
import { registerCsrfProtection } from './http/csrf.ts';
import { refuseNulBytes } from './http/nul-bytes.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { templateRoutes } from './templates/template-routes.ts';
import { templateDraftRoutes } from './templates/template-draft-routes.ts';
import { previewRoutes } from './templates/preview-routes.ts';
import { messageRoutes } from './messages/message-routes.ts';
import { outboxRoutes } from './channels/outbox-routes.ts';
import { unsubscribeRoutes } from './member/unsubscribe-routes.ts';
import { startMessaging } from './messages/messaging.ts';
import { startQueue } from './queue/queue.ts';
import { linkRoutes } from './links/link-routes.ts';
import { registerStaffLogin, staffLoginRoutes } from './auth/staff-login.ts';
import { signInOptionRoutes } from './auth/sign-in-options.ts';
import { registerStaffCodeForm, staffLoginCodeRoutes } from './auth/staff-login-code.ts';
import { fallbackSignInPage, sendStaffPage } from './auth/staff-pages.ts';
import { workflowRoutes } from './workflows/workflow-routes.ts';
import { startWorkflows } from './workflows/start-workflows.ts';
import { webhookSecretRoutes } from './webhooks/webhook-routes.ts';
import { conversationRoutes } from './conversations/conversation-routes.ts';
import { hookGroups, hookRoutes } from './webhooks/hook-groups.ts';
import { registerVerifiedHooks } from './webhooks/verified-hooks.ts';
import { staffRoutes } from './staff/staff-routes.ts';
import { apiKeyRoutes } from './auth/api-key-routes.ts';
import { mediaRoutes, registerMediaFiles } from './media/media-routes.ts';

export const ADMIN_APP_DIR = fileURLToPath(new URL('../dist/app', import.meta.url));

export const apiRoutes: AnyRouteDef[] = [
  ...siteRoutes,
  ...contactRoutes,
  ...offerRoutes,
  ...linkRoutes,
  ...staffLoginRoutes,
  ...staffLoginCodeRoutes,
  ...signInOptionRoutes,
  // Send-time resolution and delivery (server/templates, render, messages, delivery).
  ...templateRoutes,
  ...templateDraftRoutes,
  ...previewRoutes,
  ...messageRoutes,
  ...outboxRoutes,
  ...unsubscribeRoutes,
  // Automations and conversations (server/workflows, server/conversations).
  ...workflowRoutes,
  ...webhookSecretRoutes,
  ...conversationRoutes,
  // Who works on a site and with which role (server/staff, server/auth).
  ...staffRoutes,
  ...apiKeyRoutes,
  // Images for emails (server/media).
  ...mediaRoutes,
];

export interface BuildAppOptions {
  logger?: boolean;
  /** Where logs go (default stdout); tests read them to prove no token is ever logged. */
  logStream?: NodeJS.WritableStream;
  /** `human`: one short line per request (a person at a terminal); default `json`. */
  logFormat?: LogFormat;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const human = options.logFormat === 'human';
  const logStream = human ? humanLogStream(options.logStream) : options.logStream;
  const app = Fastify({
    logger: options.logger
      ? {
          level: ctx.config.logLevel,
          ...(logStream && { stream: logStream }),
          // Magic-link tokens travel in the query string: logs get the URL without them.
          serializers: {
            req: (req) => ({ method: req.method, url: redactUrl(req.url), host: req.headers?.host }),
            // Errors can quote a URL, a body field or a query value: credentials are redacted there too.
            err: redactError,
          },
        }
      : false,
    // A person reads one line per request, written when it completes, not two.
    ...(human && { logController: new OneLinePerRequest((request) => (subdomainOfHost(ctx.config, request.headers.host) ? request.headers.host : undefined)) }),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    // Member sites are addressed by Host ({subdomain}.{root domain}); their routes live under one
    // internal prefix. Reached from the admin host, that prefix finds no site (member-site.ts).
    rewriteUrl: (req) => {
      const url = req.url ?? '/';
      return subdomainOfHost(ctx.config, req.headers.host) ? MEMBER_PREFIX + url : url;
    },
  });
  await app.register(cookie);
  await app.register(formbody);
  // Cookie-authenticated writes need the admin origin and a JSON (or declared) body (server/http/csrf.ts).
  registerCsrfProtection(app, ctx.config, apiRoutes);
  refuseNulBytes(app);
  // CSP, frame-ancestors, nosniff, Referrer-Policy, HSTS under https; member pages keep their own.
  await registerSecurityHeaders(app, ctx.config, (url) => url.startsWith(MEMBER_PREFIX));
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // Paths no member route matched still get the member site's branded 404, never JSON.
  installErrorHandler(app, (request, reply) =>
    request.url.startsWith(MEMBER_PREFIX) ? sendMemberNotFound(ctx, request, reply) : undefined,
  );

  app.get('/healthz', async () => {
    await ctx.database.sql.query('select 1');
    return { ok: true, database: ctx.database.driver };
  });

  registerMediaFiles(app, ctx);
  for (const route of apiRoutes) registerRoute(app, ctx, route);
  // Inbound webhooks: signed instead of authenticated, raw JSON bodies (server/webhooks).
  for (const group of hookGroups) await registerVerifiedHooks(app, ctx, group);
  const openapi = buildOpenApiDocument([...apiRoutes, ...hookRoutes], ctx.config.publicUrl.origin);
  app.get('/api/openapi.json', async () => openapi);

  await app.register((member, _opts, done) => {
    registerMemberSite(member, ctx);
    done();
  }, { prefix: MEMBER_PREFIX });

  registerStaffCodeForm(app, ctx);
  registerStaffLogin(app, ctx, (reply) =>
    existsSync(ADMIN_APP_DIR) ? reply.header('cache-control', 'no-cache').sendFile('index.html') : sendStaffPage(reply, 200, fallbackSignInPage()),
  );
  await registerAdminApp(app);
  // The job queue (sends and workflow steps) runs in every server process; it stops when the app closes.
  await startQueue(app, ctx);
  await startMessaging(app, ctx);
  // Workflow steps share the send queue's pg-boss schema, so they start after it.
  await startWorkflows(app, ctx);
  return app;
}


/** Serves the built admin single-page app; unknown non-API paths get its index.html. */
async function registerAdminApp(app: FastifyInstance): Promise<void> {
  if (!existsSync(ADMIN_APP_DIR)) return;
  await app.register(fastifyStatic, { root: ADMIN_APP_DIR, wildcard: false });
  app.get('/*', (request, reply) => {
    // Unknown member-site paths get the member site's own 404 page, not the admin app.
    if (request.url.startsWith(MEMBER_PREFIX)) return reply.callNotFound();
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${request.url.split('?')[0]}` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
