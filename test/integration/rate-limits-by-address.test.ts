/**
 * Rate limits are per client address, over real HTTP from distinct source addresses in
 * 127.0.0.0/8: one address exhausting its limit leaves another untouched (a single global limiter
 * fails here), the per-IP ×4 limit on link emails holds across many recipient addresses, and
 * X-Forwarded-For counts only with TRUST_PROXY on. Rate limiting does not depend on the driver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createMemberSite, mintTestLink, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { httpRequest } from '../support/http-client.ts';
import { uniqueSubdomain } from '../support/fixtures.ts';

const LIMITS = { RATE_LIMIT_REDEEM_PER_MINUTE: '3', RATE_LIMIT_LINK_EMAILS_PER_HOUR: '2' };

async function listening(env: Record<string, string>): Promise<{ t: TestApp; port: number }> {
  const t = await startTestApp('pglite', { ...LIMITS, ...env });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { t, port: (t.app.server.address() as AddressInfo).port };
}

describe.each([
  ['off', 'false'],
  ['on', 'true'],
])('rate limits by client address, TRUST_PROXY %s', (_label, trustProxy) => {
  let t: TestApp;
  let port: number;
  let s: MemberSiteFixture;
  beforeAll(async () => {
    ({ t, port } = await listening({ TRUST_PROXY: trustProxy }));
    s = await createMemberSite(t, uniqueSubdomain('limits'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const redeem = async (from: string, path: string, headers: Record<string, string> = {}) =>
    (await httpRequest(port, { host: s.host, path, localAddress: from, headers })).status;
  const askForLink = async (from: string, email: string, headers: Record<string, string> = {}) =>
    (
      await httpRequest(port, {
        method: 'POST',
        host: s.host,
        path: '/login',
        localAddress: from,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: `email=${encodeURIComponent(email)}`,
      })
    ).status;

  it('one address past the redemption limit does not limit another address', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push(await redeem('127.0.0.2', link.path));
    expect(first).toEqual([303, 303, 303, 429]);
    expect(await redeem('127.0.0.3', link.path)).toBe(303);
    expect(await redeem('127.0.0.2', link.path)).toBe(429);
  });

  it('limits link emails per IP at ×4 the per-address limit, across different recipient addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push(await askForLink('127.0.0.4', `someone-${i}@limits.example`));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect(await askForLink('127.0.0.5', 'someone-9@limits.example')).toBe(200);
  });

  if (trustProxy === 'false') {
    it('ignores X-Forwarded-For: a client cannot dodge the limit by changing it', async () => {
      const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push(await redeem('127.0.0.6', link.path, { 'x-forwarded-for': `203.0.113.${i + 1}` }));
      expect(statuses).toEqual([303, 303, 303, 429]);
    });
  } else {
    it("counts the X-Forwarded-For address: the proxy's one address carries many clients", async () => {
      const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
      const fromClient = (ip: string) => redeem('127.0.0.7', link.path, { 'x-forwarded-for': ip });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push(await fromClient('198.51.100.1'));
      expect(statuses).toEqual([303, 303, 303, 429]);
      // Another client behind the same proxy address is not limited…
      expect(await fromClient('198.51.100.2')).toBe(303);
      // …and the limited client stays limited when it reaches us through another proxy address.
      expect(await redeem('127.0.0.8', link.path, { 'x-forwarded-for': '198.51.100.1' })).toBe(429);
    });
  }
});
