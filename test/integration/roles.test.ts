/**
 * Staff roles on both drivers: every route checks one permissions table (agents 403 naming the
 * permission on what only admins and owners may change, owners alone manage staff), staff and API
 * keys carry roles, removing staff ends their sessions and links, a site keeps an owner, and no
 * response hands a live token to someone it isn't for.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk } from '../support/fixtures.ts';
import type { InjectOptions } from 'fastify';
import type { EmailContent } from '../../src/template/index.ts';
import { staffUsers } from '../../server/db/schema.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { openSession, SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { checkLinkUsable } from '../../server/links/link-state.ts';
import { parseLinkClaims } from '../../server/links/link-token.ts';
import { printStartupLinks } from '../../server/startup-links.ts';
import { findSiteByRef } from '../../server/sites/site-repository.ts';
import { createMemberSite, mintTestLink, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { waitFor } from '../support/polling.ts';

/** A live magic-link token (a JWS) anywhere in a body. */
const LIVE_TOKEN = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const ORIGIN = 'http://localhost:3000';

const LINK_EMAIL: EmailContent = {
  subject: 'Your way in, {{contact.first_name}}',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Open your courses.' }] },
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } },
    ],
  },
};

type Caller = { cookie: string } | { key: string };

describe.each(TEST_DRIVERS)('roles and permissions on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  const staff: Record<'owner' | 'admin' | 'agent', { id: string; caller: Caller }> = {} as never;

  const call = (caller: Caller, method: InjectOptions['method'], url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...('cookie' in caller ? { cookie: `${SESSION_COOKIE.staff}=${caller.cookie}`, origin: ORIGIN } : { authorization: `Bearer ${caller.key}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });

  const sessionOf = async (staffId: string): Promise<Caller> => ({
    cookie: (await openSession(t.ctx.db, 'staff', s.site.id, staffId, t.clock.now)).token,
  });

  const addStaffRow = async (email: string, role: 'owner' | 'admin' | 'agent') => {
    const [row] = await t.ctx.db.insert(staffUsers).values({ siteId: s.site.id, email, name: email.split('@')[0], role }).returning();
    return row.id;
  };

  const site = (path = '') => `/api/sites/${s.site.id}${path}`;

  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createMemberSite(t, 'roles');
    staff.owner = { id: s.staff.id, caller: await sessionOf(s.staff.id) };
    const adminId = await addStaffRow('admin@roles.example', 'admin');
    staff.admin = { id: adminId, caller: await sessionOf(adminId) };
    const agentId = await addStaffRow('agent@roles.example', 'agent');
    staff.agent = { id: agentId, caller: await sessionOf(agentId) };
  });
  afterAll(async () => {
    await t?.close();
  });

  const ONLY_MANAGERS: Array<[InjectOptions['method'], string, unknown, string]> = [
    ['POST', '/keys/rotate', undefined, 'keys.write'],
    ['POST', '/webhook-secret', undefined, 'webhooks.write'],
    ['PATCH', '', { title: 'Taken over' }, 'site.write'],
    ['POST', '/offers', { title: 'Free for all', itemIds: [] }, 'offers.write'],
    ['POST', '/content', { kind: 'course', title: 'Mine' }, 'content.write'],
    ['POST', '/workflows', { name: 'x' }, 'workflows.write'],
    ['POST', '/templates', { name: 'x', channel: 'sms', content: { body: 'hi' } }, 'templates.write'],
    ['PATCH', '/templates/00000000-0000-4000-8000-000000000000', { name: 'x' }, 'templates.write'],
    ['DELETE', '/templates/00000000-0000-4000-8000-000000000000', undefined, 'templates.write'],
    ['POST', '/templates/00000000-0000-4000-8000-000000000000/duplicate', undefined, 'templates.write'],
    ['POST', '/api-keys', { name: 'mine', role: 'owner' }, 'apiKeys.manage'],
    ['GET', '/api-keys', undefined, 'apiKeys.manage'],
    ['POST', '/media', {}, 'media.write'],
  ];
  const ONLY_OWNERS: Array<[InjectOptions['method'], string, unknown, string]> = [
    ['GET', '/staff', undefined, 'staff.manage'],
    ['POST', '/staff', { email: 'friend@roles.example', name: 'Friend', role: 'owner' }, 'staff.manage'],
  ];

  it('an agent is refused what only admins and owners may change: 403 forbidden naming the permission', async () => {
    for (const [method, path, body, permission] of [...ONLY_MANAGERS, ...ONLY_OWNERS]) {
      const res = await call(staff.agent.caller, method, site(path), body);
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'forbidden', permission });
      expect(res.json().error.message).toContain(permission);
    }
    expect((await findSiteByRef(t.ctx.db, s.site.id))!.title).toBe(s.site.title);
  });

  it('an admin may change the site but not manage staff; an owner may do both', async () => {
    const patched = await call(staff.admin.caller, 'PATCH', site(), { title: 'roles school' });
    expect(patched.statusCode, patched.body).toBe(200);
    const key = await call(staff.admin.caller, 'POST', site('/api-keys'), { name: 'zapier', role: 'agent' });
    expect(key.statusCode, key.body).toBe(201);
    for (const [method, path, body, permission] of ONLY_OWNERS) {
      const res = await call(staff.admin.caller, method, site(path), body);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.permission).toBe(permission);
    }
    expect((await call(staff.owner.caller, 'GET', site('/staff'))).statusCode).toBe(200);
  });

  it('an agent works with contacts and conversations: list, read a thread, send to a contact', async () => {
    const contacts = await call(staff.agent.caller, 'GET', site('/contacts'));
    expect(contacts.statusCode, contacts.body).toBe(200);
    expect(contacts.json().contacts.length).toBeGreaterThan(0);
    expect((await call(staff.agent.caller, 'GET', site(`/conversations/${s.learner.id}`))).statusCode).toBe(200);
    expect((await call(staff.agent.caller, 'GET', site('/templates'))).statusCode).toBe(200);
    const sent = await call(staff.agent.caller, 'POST', site(`/conversations/${s.learner.id}/messages`), { channel: 'email', document: LINK_EMAIL });
    expect(sent.statusCode, sent.body).toBe(202);
    const bulk = await call(staff.agent.caller, 'POST', site('/messages'), { channel: 'email', document: LINK_EMAIL, recipients: { contactIds: [s.learner.id] } });
    expect(bulk.statusCode, bulk.body).toBe(202);
  });

  it('GET /api/me gives the role and its permissions from the same table', async () => {
    const agent = (await call(staff.agent.caller, 'GET', '/api/me')).json();
    expect(agent).toMatchObject({ kind: 'staff', role: 'agent', siteId: s.site.id, staffId: staff.agent.id });
    expect(agent.permissions).toContain('contacts.write');
    expect(agent.permissions).not.toContain('site.write');
    const owner = (await call(staff.owner.caller, 'GET', '/api/me')).json();
    expect(owner.permissions).toContain('staff.manage');
    const operator = await apiOk(t, 'GET', '/api/me');
    expect(operator).toMatchObject({ kind: 'bootstrap', role: 'operator', siteId: null });
    expect(operator.permissions).toContain('sites.create');
  });

  it('the OpenAPI document names each operation\'s permission', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/sites/{siteId}/keys/rotate'].post).toMatchObject({ 'x-permission': 'keys.write', 'x-roles': ['owner', 'admin'] });
    expect(doc.paths['/api/sites/{siteId}/staff'].post.description).toContain('`staff.manage` (owner)');
  });

  it('API keys carry a role: created once, listed without secrets, enforced, revoked', async () => {
    const created = await t.api('POST', site('/api-keys'), { name: 'helpdesk', role: 'agent' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key, prefix } = created.json();
    expect(created.json()).toMatchObject({ name: 'helpdesk', role: 'agent' });
    expect(key.startsWith(prefix)).toBe(true);

    const listed = await t.api('GET', site('/api-keys'));
    const row = listed.json().apiKeys.find((k: { id: string }) => k.id === id);
    expect(row).toMatchObject({ name: 'helpdesk', prefix, role: 'agent' });
    expect(listed.body).not.toContain(key);
    expect(Object.keys(row).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'role']);

    expect((await call({ key }, 'GET', site('/contacts'))).statusCode).toBe(200);
    const refused = await call({ key }, 'POST', site('/keys/rotate'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.permission).toBe('keys.write');
    expect((await call({ key }, 'POST', site('/api-keys'), { name: 'escalate', role: 'owner' })).statusCode).toBe(403);

    expect((await t.api('DELETE', site(`/api-keys/${id}`))).statusCode).toBe(204);
    expect((await call({ key }, 'GET', site('/contacts'))).statusCode).toBe(401);
    expect((await t.api('DELETE', site(`/api-keys/${id}`))).statusCode).toBe(404);
    expect((await t.api('POST', site('/api-keys'), { name: 'x', role: 'root' })).json().error.field).toBe('role');
  });

  it('keys made without a role (console, CLI) are owner keys', async () => {
    const { key } = await createApiKey(t.ctx.db, s.site.id, 'console');
    expect((await call({ key }, 'GET', '/api/me')).json()).toMatchObject({ kind: 'api_key', role: 'owner' });
    expect((await call({ key }, 'GET', site('/staff'))).statusCode).toBe(200);
  });

  it('staff: invite with a role (their User Link emailed to them), list, change role, duplicates refused', async () => {
    const invited = await call(staff.owner.caller, 'POST', site('/staff'), { email: 'Nia@Roles.example', name: 'Nia', role: 'agent' });
    expect(invited.statusCode, invited.body).toBe(201);
    const nia = invited.json();
    expect(nia).toMatchObject({ email: 'nia@roles.example', name: 'Nia', role: 'agent' });
    expect(Object.keys(nia)).toEqual(expect.arrayContaining(['id', 'email', 'name', 'role']));

    const mail = (await listOutbox(t.ctx.db, s.site.id, { limit: 500 })).find((m) => m.recipient === 'nia@roles.example');
    expect(mail?.subject).toContain('Sign in to');
    const token = mail!.text.match(LIVE_TOKEN)![0];
    expect(decodeJwt(token)).toMatchObject({ aud: 'user', sub: nia.id });

    const listed = (await call(staff.owner.caller, 'GET', site('/staff'))).json().staff;
    expect(listed.map((m: { email: string }) => m.email)).toContain('nia@roles.example');
    const again = await call(staff.owner.caller, 'POST', site('/staff'), { email: 'nia@roles.example', name: 'Nia', role: 'admin' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('email');

    const promoted = await call(staff.owner.caller, 'PATCH', site(`/staff/${nia.id}`), { role: 'admin' });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().role).toBe('admin');
    expect((await call(staff.owner.caller, 'PATCH', site(`/staff/${nia.id}`), { role: 'boss' })).json().error.field).toBe('role');
    expect((await call(staff.owner.caller, 'PATCH', site('/staff/00000000-0000-4000-8000-000000000000'), { role: 'admin' })).statusCode).toBe(404);
  });

  it('removing staff ends their sessions and their links stop working', async () => {
    const leaverId = await addStaffRow('leaver@roles.example', 'agent');
    const session = await sessionOf(leaverId);
    const link = await mintTestLink(t, s.site, leaverId, '', 'user');
    expect((await call(session, 'GET', site('/contacts'))).statusCode).toBe(200);

    expect((await call(staff.owner.caller, 'DELETE', site(`/staff/${leaverId}`))).statusCode).toBe(204);
    expect((await call(session, 'GET', site('/contacts'))).statusCode).toBe(401);
    const claims = parseLinkClaims(decodeJwt(link.token))!;
    expect(await checkLinkUsable(t.ctx.db, claims, t.clock.now)).not.toBe('ok');
    expect((await call(staff.owner.caller, 'DELETE', site(`/staff/${leaverId}`))).statusCode).toBe(404);
  });

  it('a site always keeps an owner: its only owner cannot be demoted or removed (409 last_owner)', async () => {
    const demote = await call(staff.owner.caller, 'PATCH', site(`/staff/${staff.owner.id}`), { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toMatchObject({ code: 'last_owner', field: 'role' });
    expect(demote.json().error.message).toContain('only owner');
    expect((await call(staff.owner.caller, 'DELETE', site(`/staff/${staff.owner.id}`))).json().error.code).toBe('last_owner');

    const second = (await call(staff.owner.caller, 'POST', site('/staff'), { email: 'co@roles.example', name: 'Co', role: 'owner' })).json();
    expect((await call(staff.owner.caller, 'PATCH', site(`/staff/${second.id}`), { role: 'agent' })).statusCode).toBe(200);
    expect((await call(staff.owner.caller, 'DELETE', site(`/staff/${second.id}`))).statusCode).toBe(204);
    expect((await call(staff.owner.caller, 'GET', site('/staff'))).json().staff.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1);
  });

  describe('no credential reaches someone it is not for', () => {
    let memberMailId: string;
    let otherUserMailId: string;
    let adminOwnMailId: string;

    beforeAll(async () => {
      const sent = await apiOk(t, 'POST', site(`/conversations/${s.learner.id}/messages`), { channel: 'email', document: LINK_EMAIL });
      const { messageId } = sent;
      await waitFor(async () => (await apiOk(t, 'GET', site(`/messages/${messageId}`))).status === 'completed', {
        what: 'the member email in the outbox',
      });
      const outbox = await listOutbox(t.ctx.db, s.site.id, { limit: 500 });
      memberMailId = outbox.find((m) => m.contactId === s.learner.id && LIVE_TOKEN.test(m.text))!.id;
      // Another staff member's sign-in email (an invitation) and the admin's own.
      const invited = (await call(staff.owner.caller, 'POST', site('/staff'), { email: 'zoe@roles.example', name: 'Zoe', role: 'agent' })).json();
      const mails = await listOutbox(t.ctx.db, s.site.id, { limit: 500 });
      otherUserMailId = mails.find((m) => m.recipient === 'zoe@roles.example')!.id;
      expect(decodeJwt(mails.find((m) => m.id === otherUserMailId)!.text.match(LIVE_TOKEN)![0]).sub).toBe(invited.id);
      const { sendStaffLoginEmail } = await import('../../server/auth/staff-login.ts');
      await sendStaffLoginEmail(t.ctx, (await findSiteByRef(t.ctx.db, s.site.id))!, { id: staff.admin.id, email: 'admin@roles.example' }, 'test');
      adminOwnMailId = (await listOutbox(t.ctx.db, s.site.id, { limit: 1 }))[0].id;
    });

    const outboxAs = async (caller: Caller) => {
      const res = await call(caller, 'GET', site('/outbox?limit=500'));
      expect(res.statusCode, res.body).toBe(200);
      return { body: res.body, byId: new Map(res.json().messages.map((m: { id: string }) => [m.id, m])) as Map<string, { html: string; text: string; raw: string | null; masked: number }> };
    };

    it('an agent reading the outbox sees no live token, links masked', async () => {
      const { body, byId } = await outboxAs(staff.agent.caller);
      expect(body).not.toMatch(LIVE_TOKEN);
      expect(byId.get(memberMailId)!.html).toMatch(/\/courses\?token=•••/);
      expect(byId.get(memberMailId)!.raw).toBeNull();
    });

    it("an admin sees member links live but not another staff member's User Link; their own is live", async () => {
      const { byId } = await outboxAs(staff.admin.caller);
      expect(byId.get(memberMailId)!.html).toMatch(LIVE_TOKEN);
      expect(byId.get(memberMailId)!.raw).not.toBeNull();
      const other = byId.get(otherUserMailId)!;
      expect(JSON.stringify(other)).not.toMatch(LIVE_TOKEN);
      expect(other.text).toContain('/login?token=•••');
      expect(byId.get(adminOwnMailId)!.text).toMatch(LIVE_TOKEN);
      // Other owners do not see it either.
      const asOwner = await outboxAs(staff.owner.caller);
      expect(JSON.stringify(asOwner.byId.get(adminOwnMailId))).not.toMatch(LIVE_TOKEN);
      expect(JSON.stringify(asOwner.byId.get(otherUserMailId))).not.toMatch(LIVE_TOKEN);
    });

    it('threads mask every link, for every role', async () => {
      for (const caller of [staff.agent.caller, staff.admin.caller, staff.owner.caller]) {
        const res = await call(caller, 'GET', site(`/conversations/${s.learner.id}?limit=200`));
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toMatch(LIVE_TOKEN);
        expect(res.body).toContain('token=•••');
      }
    });

    it('the link inspector answers with the link masked, its destination, state and expiry', async () => {
      const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
      const res = await call(staff.agent.caller, 'GET', site(`/links/inspect?url=${encodeURIComponent(link.url)}`));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toMatch(LIVE_TOKEN);
      expect(res.json()).toMatchObject({ verdict: 'works', url: `http://${s.host}/courses?token=•••`, link: { destination: 'courses' } });
      expect(res.json().link.expiresAt).toBeTruthy();
    });
  });

  it('startup prints an owner\'s login link, never another role\'s', async () => {
    const created = await apiOk(t, 'POST', '/api/sites', { title: 'Fresh', subdomain: 'fresh' });
    const freshId = created.id;
    await t.ctx.db.insert(staffUsers).values({ siteId: freshId, email: 'agent@fresh.example', role: 'agent' });
    await t.ctx.db.insert(staffUsers).values({ siteId: freshId, email: 'admin@fresh.example', role: 'admin' });
    const [owner] = await t.ctx.db.insert(staffUsers).values({ siteId: freshId, email: 'owner@fresh.example', role: 'owner' }).returning();
    const lines = await printStartupLinks(t.ctx, (await findSiteByRef(t.ctx.db, freshId))!);
    expect(lines.join('\n')).toContain('owner@fresh.example');
    expect(decodeJwt(lines[0].match(LIVE_TOKEN)![0]).sub).toBe(owner.id);
  });
});
