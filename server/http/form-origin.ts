/**
 * Login-CSRF defence for the server-rendered forms: a member site's login, code, confirm, resend and
 * logout forms, and the staff pages' sign-in forms. These posts carry no session to forge, but they
 * *open* one: a page elsewhere (another member site is a sibling subdomain, so SameSite does not
 * help) could post the attacker's own login code or link and sign the visitor into the attacker's
 * account, where whatever they then type is the attacker's to read.
 *
 * A browser names where a form came from: `Origin` on every POST, and `Sec-Fetch-Site`. A post whose
 * Origin is another host than the one it is sent to, an opaque `Origin: null` (sandboxed frames,
 * cross-origin redirects), or a `Sec-Fetch-Site` of cross-site/same-site without an Origin is
 * refused. A client that sends neither (curl, a script) is not a browser being tricked, so it passes.
 * The host, not the scheme, is compared: TLS may end at a proxy in front of us.
 */
import type { FastifyRequest } from 'fastify';

export function isForeignFormPost(request: Pick<FastifyRequest, 'headers'>): boolean {
  const { origin, host } = request.headers;
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof origin === 'string') {
    if (origin === 'null') return true;
    try {
      return new URL(origin).host.toLowerCase() !== String(host ?? '').toLowerCase();
    } catch {
      return true;
    }
  }
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}
