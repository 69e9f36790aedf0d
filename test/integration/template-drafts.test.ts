/**
 * Autosaved template drafts on both drivers: one per staff member and template, kept as written
 * (not validated), read back by the same person only, deleted when the template is saved; API keys
 * keep none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { staffUsers } from '../../server/db/schema.ts';
import { openSession, SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { paragraph, textNode } from '../support/documents.ts';
import { okBody } from '../support/fixtures.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';

const ORIGIN = 'http://localhost:3000';
const doc = (text: string) => ({ type: 'doc', content: [paragraph(textNode(text))] });
const email = (subject: string, text: string) => ({ subject, previewText: '', body: doc(text) });

describe.each(TEST_DRIVERS)('template drafts on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let owner: string;
  let colleague: string;

  const as = (cookie: string, method: InjectOptions['method'], path: string, body?: unknown) =>
    t.app.inject({
      method,
      url: `/api/sites/${s.site.id}${path}`,
      headers: {
        cookie: `${SESSION_COOKIE.staff}=${cookie}`,
        origin: ORIGIN,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'drafts');
    owner = (await openSession(t.ctx.db, 'staff', s.site.id, s.staff.id, t.clock.now)).token;
    const [other] = await t.ctx.db.insert(staffUsers).values({ siteId: s.site.id, email: 'colleague@drafts.example', role: 'admin' }).returning();
    colleague = (await openSession(t.ctx.db, 'staff', s.site.id, other.id, t.clock.now)).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps a half-written draft of a new template as it is, for its author only, and creating the template deletes it', async () => {
    expect((await as(owner, 'GET', '/template-drafts/new-email')).json()).toEqual({ draft: null });

    // An empty subject would be refused by a save; a draft keeps it.
    const put = await as(owner, 'PUT', '/template-drafts/new-email', { name: '', channel: 'email', content: email('', 'Half a thought') });
    expect(put.statusCode).toBe(200);
    const again = await as(owner, 'PUT', '/template-drafts/new-email', { name: 'Welcome', channel: 'email', content: email('', 'A whole thought') });
    expect(again.statusCode).toBe(200);

    const found = (await as(owner, 'GET', '/template-drafts/new-email')).json();
    expect(found.draft).toMatchObject({ draftKey: 'new-email', name: 'Welcome', channel: 'email', content: email('', 'A whole thought') });
    expect(new Date(found.draft.updatedAt).getTime()).toBe(t.clock.now.getTime());
    expect((await as(colleague, 'GET', '/template-drafts/new-email')).json()).toEqual({ draft: null });

    const created = await as(owner, 'POST', '/templates', { name: 'Welcome', channel: 'email', content: email('Hi', 'A whole thought') });
    expect(created.statusCode).toBe(201);
    expect((await as(owner, 'GET', '/template-drafts/new-email')).json()).toEqual({ draft: null });
  });

  it("saving a template deletes the saver's draft of it and leaves a colleague's; discard deletes one", async () => {
    const created = okBody(await as(owner, 'POST', '/templates', { name: 'News', channel: 'email', content: email('News', 'v1') }), 201);
    const key = `/template-drafts/${created.id}`;
    await as(owner, 'PUT', key, { name: 'News', channel: 'email', content: email('News', 'mine') });
    await as(colleague, 'PUT', key, { name: 'News', channel: 'email', content: email('News', 'theirs') });

    const saved = await as(owner, 'PATCH', `/templates/${created.id}`, { content: email('News', 'v2') });
    expect(saved.statusCode).toBe(200);
    expect((await as(owner, 'GET', key)).json()).toEqual({ draft: null });
    expect((await as(colleague, 'GET', key)).json().draft.content).toEqual(email('News', 'theirs'));

    expect((await as(colleague, 'DELETE', key)).statusCode).toBe(204);
    expect((await as(colleague, 'GET', key)).json()).toEqual({ draft: null });
  });

  it('refuses a draft key that is not a template id or new-email/new-sms, and an API key (drafts are personal)', async () => {
    const bad = await as(owner, 'PUT', '/template-drafts/whatever', { name: 'x', channel: 'sms', content: { body: doc('x') } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('must be a template id, new-email or new-sms');

    const byKey = await t.api('GET', `/api/sites/${s.site.id}/template-drafts/new-sms`);
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().error.code).toBe('drafts_need_staff');
  });
});
