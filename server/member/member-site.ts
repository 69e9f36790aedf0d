/**
 * The member sites: one process serves every site, chosen by the Host header
 * ({subdomain}.{MEMBER_ROOT_DOMAIN}). app.ts rewrites member-host requests under MEMBER_PREFIX.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { findSiteBySubdomain, type Site } from '../sites/site-repository.ts';
import { subdomainOfHost } from '../sites/site-urls.ts';
import { html } from './html.ts';
import { memberLayout, supportContact } from './member-layout.ts';

export const MEMBER_PREFIX = '/_member';

declare module 'fastify' {
  interface FastifyRequest {
    memberSite?: Site;
  }
}

/** Every member response: never cached, never leaking its URL (which may hold a token) as a Referer. */
function secureHeaders(reply: FastifyReply): void {
  reply
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data: https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

export function sendMemberPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  secureHeaders(reply);
  return reply.status(status).type('text/html; charset=utf-8').send(page);
}

function siteNotFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>No site here</title></head><body style="font:16px system-ui;margin:40px"><h1>There is no member site at this address</h1><p>Check the link you followed.</p></body></html>`;
}

export function loginFormPage(site: Site, notice?: string): string {
  return memberLayout(site, {
    title: 'Log in',
    body: html`<div class="card">
  <h1>Log in to ${site.title}</h1>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  <p>Enter the email address you joined with and we'll email you a login link.</p>
  <form method="post" action="/login">
    <label for="email">Email address</label>
    <input id="email" name="email" type="email" autocomplete="email" required>
    <button type="submit">Email me a login link</button>
  </form>
  ${supportContact(site)}
</div>`,
  });
}

export function registerMemberSite(member: FastifyInstance, ctx: AppContext): void {
  member.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const subdomain = subdomainOfHost(ctx.config, request.headers.host);
    const site = subdomain ? await findSiteBySubdomain(ctx.db, subdomain) : null;
    if (!site) return sendMemberPage(reply, 404, siteNotFoundPage());
    request.memberSite = site;
  });

  member.setNotFoundHandler((request, reply) => {
    const site = request.memberSite;
    if (!site) return sendMemberPage(reply, 404, siteNotFoundPage());
    return sendMemberPage(
      reply,
      404,
      memberLayout(site, {
        title: 'Page not found',
        body: html`<div class="card"><h1>This page doesn't exist</h1><p><a href="/">Go to ${site.title}</a></p>${supportContact(site)}</div>`,
      }),
    );
  });

  member.get('/', async (request, reply) => sendMemberPage(reply, 200, loginFormPage(request.memberSite!)));
}
