/**
 * Setup helpers for integration tests that fail where setup fails: every call checks the HTTP
 * status and throws naming the route, the status and the body — so a broken setup step is reported
 * as itself, not as a confusing assertion three steps later. Sites, documents, cookies, polling.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DocNode, EmailContent } from '../../src/template/index.ts';
import type { TestApp } from './test-app.ts';

/** Calls the admin API and returns the parsed body, or throws saying which step failed and why. */
export async function apiOk<T = any>(
  t: TestApp,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  expected: number | number[] = [200, 201, 202, 204],
): Promise<T> {
  const res = await t.api(method, url, body);
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(res.statusCode)) {
    throw new Error(`setup failed: ${method} ${url} answered ${res.statusCode} (expected ${allowed.join('/')}): ${res.body}`);
  }
  return (res.body ? res.json() : undefined) as T;
}

/** A site with complete Site Details (so its magic links can be minted). */
export async function createSite(t: TestApp, subdomain: string): Promise<{ id: string; subdomain: string; host: string }> {
  const site = await apiOk(t, 'POST', '/api/sites', {
    title: `${subdomain} school`,
    subdomain,
    supportEmail: `help@${subdomain}.example`,
    supportPhone: '+14155552671',
  }, 201);
  return { id: site.id, subdomain, host: `${subdomain}.localhost:3000` };
}

/** A unique subdomain per call, so tests that make their own site never collide (any order). */
let sequence = 0;
export function uniqueSubdomain(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

export const textNode = (value: string): DocNode => ({ type: 'text', text: value });
export const mergeField = (key: string): DocNode => ({ type: 'mergeField', attrs: { key, fallback: null } });
export const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

/** An email document: a greeting with the first name and a magic-link button. */
export function emailDocument(subject = 'Hello {{contact.first_name}}', destination = 'courses'): EmailContent {
  return {
    subject,
    previewText: '',
    body: {
      type: 'doc',
      content: [
        paragraph(textNode('Hi '), mergeField('contact.first_name'), textNode('!')),
        { type: 'button', attrs: { href: `{{magic_link.${destination}}}`, label: 'Open' } },
      ],
    },
  };
}

/** Every Set-Cookie header of a response. */
export function setCookies(res: LightMyRequestResponse | { headers: Record<string, unknown> }): string[] {
  const header = res.headers['set-cookie'];
  return Array.isArray(header) ? header.map(String) : header ? [String(header)] : [];
}

/** The full Set-Cookie line of one cookie, or undefined. */
export function setCookieOf(res: LightMyRequestResponse | { headers: Record<string, unknown> }, name: string): string | undefined {
  return setCookies(res).find((c) => c.startsWith(`${name}=`));
}

/** `name=value` of one cookie, ready for a Cookie header, or undefined. */
export function cookiePair(res: LightMyRequestResponse | { headers: Record<string, unknown> }, name: string): string | undefined {
  return setCookieOf(res, name)?.split(';')[0];
}

/** Polls `probe` until it returns a truthy value; throws naming `what` after `timeout` ms. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  { timeout = 20_000, interval = 50, what = 'a condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
