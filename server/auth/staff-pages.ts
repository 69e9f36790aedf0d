/**
 * The staff sign-in pages on the admin host, in the member pages' frame under the site's admin
 * name. Built with the escaping template; no page carries a script (the CSP forbids one anyway).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isForeignFormPost } from '../http/form-origin.ts';
import { html, type SafeHtml } from '../member/html.ts';
import { brandedLayout } from '../member/member-layout.ts';
import type { Site } from '../sites/site-repository.ts';
import { loginCodeForm } from '../member/member-pages.ts';

const brandOf = (site?: Site | null) => (site ? `${site.title} admin` : 'memberlink');

function card(site: Site | null | undefined, title: string, body: SafeHtml): string {
  return brandedLayout(brandOf(site), { title, body: html`<div class="card">${body}</div>` });
}

/** Every staff sign-in page: never cached, framed, sniffed or leaking its URL as a Referer. */
export function sendStaffPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply
    .status(status)
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    .type('text/html; charset=utf-8')
    .send(page);
}

/** The way to a new link: posts the address to the staff login-link email. */
function newLinkForm(): SafeHtml {
  return html`<form method="post" action="/login/email">
    <label for="email">Your staff email address</label>
    <input id="email" name="email" type="email" autocomplete="email" required>
    <button type="submit">Email me a new sign-in link</button>
  </form>`;
}

/** GET of a User Link: a person's click signs in; a scanner's GET changes nothing. */
export function staffConfirmPage(site: Site, email: string, token: string): string {
  return card(
    site,
    'Sign in',
    html`<h1>Sign in to ${site.title} admin as ${email}</h1>
  <p>This sign-in link works once.</p>
  <form method="post" action="/login/confirm">
    <input type="hidden" name="token" value="${token}">
    <button type="submit">Sign in to ${site.title} admin</button>
  </form>`,
  );
}

export function staffFailurePage(site: Site | null | undefined, title: string, message: string, options: { codeForm?: boolean } = {}): string {
  return card(site, title, html`<h1>${title}</h1><p>${message}</p>${newLinkForm()}${options.codeForm ? loginCodeForm({ email: true }) : ''}`);
}

/** After "email me a new sign-in link": the code from that email works here too (POST /login/code). */
export function staffLinkSentPage(): string {
  return card(
    null,
    'Check your email',
    html`<h1>Check your email</h1>
  <p>If that address belongs to a member of staff, a sign-in link is on its way. It can take a minute to arrive.</p>
  ${loginCodeForm({ email: true })}`,
  );
}

/** A code that is wrong, expired, used or locked, or an address of no one on the staff: one answer. */
export function staffCodeRefusedPage(message: string): string {
  return card(null, "That code didn't work", html`<h1>That code didn't work</h1><p>${message}</p>${loginCodeForm({ email: true })}${newLinkForm()}`);
}

/** Sign-in when the admin app has not been built (API-only deployments). */
export function fallbackSignInPage(): string {
  return card(
    null,
    'Sign in',
    html`<h1>Sign in</h1><p>Use the User Link emailed to you, or ask for a new one.</p>${newLinkForm()}`,
  );
}

/** A sign-in form posted from another website (server/http/form-origin.ts): refused before it acts. */
export async function refuseForeignStaffForm(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  if (!isForeignFormPost(request)) return;
  return sendStaffPage(reply, 403, staffFailurePage(null, 'Please sign in here', "This request came from another website, so we didn't act on it. Open the admin app and sign in there."));
}
