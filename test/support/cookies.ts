/** Reading the cookies a response sets (inject's or real HTTP's headers alike). */
import type { LightMyRequestResponse } from 'fastify';

type WithHeaders = LightMyRequestResponse | { headers: Record<string, unknown> };

/** Every Set-Cookie header of a response. */
export function setCookies(res: WithHeaders): string[] {
  const header = res.headers['set-cookie'];
  return Array.isArray(header) ? header.map(String) : header ? [String(header)] : [];
}

/** The full Set-Cookie line of one cookie (with its attributes), or undefined. */
export function setCookieOf(res: WithHeaders, name: string): string | undefined {
  return setCookies(res).find((c) => c.startsWith(`${name}=`));
}

/** `name=value` of one cookie, ready for a Cookie header, or undefined. */
export function cookiePair(res: WithHeaders, name: string): string | undefined {
  return setCookieOf(res, name)?.split(';')[0];
}
