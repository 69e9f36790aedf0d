/**
 * Security headers (@fastify/helmet) on the admin app, the API and the unsubscribe pages: a CSP
 * with no inline script that forbids framing, nosniff, no referrer, HSTS when PUBLIC_URL is https.
 * Member-site pages set their own stricter headers (server/member), so they are left alone.
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { MemberlinkConfig } from '../config.ts';

export async function registerSecurityHeaders(
  app: FastifyInstance,
  config: MemberlinkConfig,
  isMemberSiteRequest: (url: string) => boolean,
): Promise<void> {
  await app.register(helmet, {
    // Applied per request below, so member-site pages keep their own policy.
    global: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React and the composer set style attributes; received email HTML (sandboxed srcdoc frames,
        // which inherit this policy) carries inline styles and remote images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.publicUrl.protocol === 'https:' ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!isMemberSiteRequest(request.url)) reply.helmet();
  });
}
