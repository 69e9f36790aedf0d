import type { MemberlinkConfig } from '../config.ts';

/** The member site's origin: {subdomain}.{root domain}, on PUBLIC_URL's scheme and port. */
export function memberSiteOrigin(config: MemberlinkConfig, subdomain: string): string {
  const { protocol, port } = config.publicUrl;
  return `${protocol}//${subdomain}.${config.memberRootDomain}${port ? `:${port}` : ''}`;
}

/** The plain (no auto-login) URL of a destination on the member site. */
export function memberSiteUrl(config: MemberlinkConfig, subdomain: string, destination: string): string {
  return `${memberSiteOrigin(config, subdomain)}/${destination}`;
}

/** Where a staff user link lands: the admin app's login route. */
export function adminLoginUrl(config: MemberlinkConfig): string {
  return new URL('/login', config.publicUrl).toString();
}

/**
 * The subdomain a Host header addresses on the member root domain, or null for the admin host.
 * `academy.localhost:3000` → `academy`; `localhost:3000` → null.
 */
export function subdomainOfHost(config: MemberlinkConfig, host: string | undefined): string | null {
  if (!host) return null;
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  const suffix = `.${config.memberRootDomain}`;
  if (!hostname.endsWith(suffix)) return null;
  const label = hostname.slice(0, -suffix.length);
  return /^[a-z0-9-]{1,63}$/.test(label) ? label : null;
}
