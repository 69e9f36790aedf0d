/**
 * Limits with clear errors (issue 16, finding 5 and 11): a 50,000-row CSV import runs in slices, so
 * /healthz keeps answering while it runs; past the row cap, the node cap, the email length, a NUL
 * byte or an unknown field in a document, the answer is a 400 (or 413) saying what and where —
 * never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { paragraph, textNode } from '../support/documents.ts';
import { sleep } from '../support/polling.ts';
import { createSiteFixture, type SiteFixture } from './delivery-support.ts';

const csvOf = (rows: number) => ['email,first_name', ...Array.from({ length: rows }, (_, i) => `member${i}@example.com,Member${i}`)].join('\n');
const emailWith = (body: unknown[], extra: Record<string, unknown> = {}) => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content: body }, ...extra });

describe.each(TEST_DRIVERS)('limits on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  const importCsv = (csv: string) =>
    t.app.inject({ method: 'POST', url: `/api/sites/${s.siteId}/contacts/import`, headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'text/csv' }, payload: csv });

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createSiteFixture(t, `limits-${driver}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports 50,000 rows while /healthz keeps answering', async () => {
    let importDone = false;
    const running = importCsv(csvOf(50_000)).finally(() => (importDone = true));
    let healthyDuringImport = 0;
    // A load balancer's health check every 20 ms while the import runs.
    while (!importDone) {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      if (!importDone) healthyDuringImport++;
      await sleep(20);
    }
    const report = await running;
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ rows: 50_000, created: 50_000, failed: 0 });
    // One transaction for the whole file answered /healthz once, after it; slices let it in throughout.
    expect(healthyDuringImport).toBeGreaterThan(20);
    const listed = await t.api('GET', `/api/sites/${s.siteId}/contacts?limit=1`);
    expect(listed.json().total).toBe(50_000);
  }, 180_000);

  it('names the row cap past 50,000 rows', async () => {
    const res = await importCsv(csvOf(50_001));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'too_many_rows', message: expect.stringContaining('50,000 rows') });
  }, 60_000);

  it('refuses a 100,000-node document by saying it is too long', async () => {
    const huge = emailWith(Array.from({ length: 100_000 }, (_, i) => paragraph(textNode(`line ${i}`))));
    const saved = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Huge', channel: 'email', content: huge });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().error.message).toContain('The message is too long: more than 5,000 blocks');
    const preview = await t.api('POST', `/api/sites/${s.siteId}/preview`, { document: huge, channel: 'email' });
    expect(preview.statusCode).toBe(400);
  });

  it('refuses unknown fields in a document by name, at the top and in a node', async () => {
    const top = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Extra', channel: 'email', content: emailWith([paragraph(textNode('Hi'))], { tracking: 'x'.repeat(1000) }) });
    expect(top.statusCode).toBe(400);
    expect(top.json().error).toMatchObject({ field: 'content.tracking', message: expect.stringContaining('Unknown field "tracking"') });
    const inNode = await t.api('POST', `/api/sites/${s.siteId}/templates`, {
      name: 'Extra',
      channel: 'email',
      content: emailWith([{ ...paragraph(textNode('Hi')), payload: 'x' }]),
    });
    expect(inNode.statusCode).toBe(400);
    expect(inNode.json().error.message).toContain('Unknown field "payload"');
  });

  it('refuses an email over 254 characters and a very long domain with a 400 naming the field', async () => {
    const long = await t.api('POST', `/api/sites/${s.siteId}/contacts`, { email: `${'a'.repeat(250)}@example.com` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({ field: 'email', message: 'email: must be at most 254 characters' });
    const huge = await t.api('POST', `/api/sites/${s.siteId}/contacts`, { email: `a@${'b'.repeat(200_000)}.com` });
    expect(huge.statusCode).toBe(400);
    const domain = await t.api('POST', `/api/sites/${s.siteId}/contacts`, { email: `a@${'b'.repeat(70)}.com` });
    expect(domain.statusCode).toBe(400);
    expect(domain.json().error.field).toBe('email');
  });

  it('answers 400 for a NUL byte in a path parameter, a query or a body, naming where', async () => {
    const inPath = await t.api('GET', '/api/sites/acad%00emy');
    expect(inPath.statusCode).toBe(400);
    expect(inPath.json().error).toMatchObject({ code: 'invalid_field', field: 'siteId' });
    const inQuery = await t.api('GET', `/api/sites/${s.siteId}/contacts?search=ad%00a`);
    expect(inQuery.statusCode).toBe(400);
    expect(inQuery.json().error.field).toBe('search');
    const inBody = await t.api('POST', `/api/sites/${s.siteId}/contacts`, { email: 'ada@example.com', firstName: 'A\u0000da' });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error).toMatchObject({ field: 'firstName', message: expect.stringContaining('NUL') });
    const inCsv = await importCsv('email\nnul\u0000@example.com');
    expect(inCsv.statusCode).toBe(400);
  });
});
