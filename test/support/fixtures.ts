/**
 * Setup helpers for integration tests that fail where setup fails: every call checks the HTTP
 * status and throws naming the route, the status and the body — so a broken setup step is reported
 * as itself, not as a confusing assertion three steps later. Sites, contacts, templates.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.ts';

/**
 * The parsed body of a response to a setup step, or an error naming the request, its status and
 * body when the status is not an expected one (for requests made without `t.api`, e.g. as staff).
 */
export function okBody<T = any>(res: LightMyRequestResponse, expected: number | number[] = [200, 201, 202, 204]): T {
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(res.statusCode)) {
    const { method, url } = res.raw.req;
    throw new Error(`setup failed: ${method} ${url} answered ${res.statusCode} (expected ${allowed.join('/')}): ${res.body}`);
  }
  return (res.body ? res.json() : undefined) as T;
}

/** Calls the admin API and returns the parsed body, or throws saying which step failed and why. */
export async function apiOk<T = any>(
  t: Pick<TestApp, 'api'>,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  expected: number | number[] = [200, 201, 202, 204],
  key?: string,
): Promise<T> {
  return okBody<T>(await t.api(method, url, body, key), expected);
}

/** A site with complete Site Details (so its magic links can be minted). */
export async function createSite(
  t: Pick<TestApp, 'api'>,
  subdomain: string,
  { title = `${subdomain} school` }: { title?: string } = {},
): Promise<{ id: string; subdomain: string; host: string }> {
  const site = await apiOk(t, 'POST', '/api/sites', {
    title,
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

/** A contact on the site, holding `offerId` when one is given; returns its id. */
export async function createContact(t: Pick<TestApp, 'api'>, siteId: string, body: Record<string, unknown>, offerId?: string): Promise<string> {
  const { id } = await apiOk(t, 'POST', `/api/sites/${siteId}/contacts`, body, 201);
  if (offerId) await apiOk(t, 'POST', `/api/sites/${siteId}/contacts/${id}/access`, { offerId });
  return id;
}

/** A saved template of the channel; returns its id. */
export async function createTemplate(t: Pick<TestApp, 'api'>, siteId: string, channel: 'email' | 'sms', content: unknown): Promise<string> {
  const { id } = await apiOk(t, 'POST', `/api/sites/${siteId}/templates`, { name: `${channel} template`, channel, content }, 201);
  return id;
}

/** A workflow (trigger and actions as the API takes them); returns its id. */
export async function createWorkflow(t: Pick<TestApp, 'api'>, siteId: string, body: Record<string, unknown>): Promise<string> {
  const { id } = await apiOk(t, 'POST', `/api/sites/${siteId}/workflows`, body, 201);
  return id;
}
