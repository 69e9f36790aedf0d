/** Tokens never reach the logs: request URLs are logged with the token redacted, on success and failure. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createMemberSite, mintTestLink } from '../support/member-fixtures.ts';
import { buildApp } from '../../server/app.ts';
import { redactUrl } from '../../server/http/redact.ts';

describe('logging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('redacts secret query parameters', () => {
    expect(redactUrl('/courses?token=abc.def.ghi&x=1')).toBe('/courses?token=[redacted]&x=1');
    expect(redactUrl('/login?TOKEN=abc')).toBe('/login?TOKEN=[redacted]');
    expect(redactUrl('/a?b=1&api_key=zzz')).toBe('/a?b=1&api_key=[redacted]');
  });

  it('logs redemptions (working and tampered links) without the token', async () => {
    let logs = '';
    const logStream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    const app = await buildApp(t.ctx, { logger: true, logStream });
    await app.ready();
    try {
      const s = await createMemberSite(t, 'logged');
      const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
      const tampered = link.path.slice(0, -4) + 'AAAA';
      for (const path of [link.path, tampered]) {
        const res = await app.inject({ method: 'GET', url: path, headers: { host: s.host } });
        expect([303, 400]).toContain(res.statusCode);
      }
      expect(logs).toContain('token=[redacted]');
      expect(logs).not.toContain(link.token);
      expect(logs).not.toContain(link.token.split('.')[2]);
      expect(logs).not.toContain(link.token.split('.')[1]);
    } finally {
      await app.close();
    }
  });
});
