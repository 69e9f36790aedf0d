/**
 * Login-CSRF defence for the server-rendered forms: a member site's login, code, confirm, resend and
 * logout forms, and the staff pages' sign-in forms. These posts carry no session to forge, but they
 * *open* one: a page elsewhere (another member site is a sibling subdomain, so SameSite does not
 * help) could post the attacker's own login code or link and sign the visitor into the attacker's
 * account, where whatever they then type is the attacker's to read.
 *
 * A browser names where a form came from. `Sec-Fetch-Site` (set by the browser, never by a page) is
 * the first witness: same-origin or none passes, cross-site or same-site is refused. Our own pages
 * send `Referrer-Policy: no-referrer`, under which a browser posts even a same-origin form with
 * `Origin: null`, so an opaque Origin proves nothing by itself and is judged by Sec-Fetch-Site.
 * Without fetch metadata (a browser older than 2023, or no browser), an Origin naming another host
 * is refused. A client that sends neither (curl, a script) is not a browser being tricked, so it passes.
 * The host, not the scheme, is compared: TLS may end at a proxy in front of us.
 */
import type { FastifyRequest } from 'fastify';

export function isForeignFormPost(request: Pick<FastifyRequest, 'headers'>): boolean {
  const { origin, host } = request.headers;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  if (fetchSite === 'same-origin' || fetchSite === 'none') return false;
  if (typeof origin !== 'string' || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() !== String(host ?? '').toLowerCase();
  } catch {
    return true;
  }
}
