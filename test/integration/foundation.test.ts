import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk } from '../support/fixtures.ts';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';

const completeSite = {
  title: 'Acme Academy',
  subdomain: 'acme',
  supportEmail: 'help@acme.example',
  supportPhone: '+1 (415) 555-2671',
};

describe.each(TEST_DRIVERS)('foundation on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function createSite(body: Record<string, unknown>) {
    const res = await t.api('POST', '/api/sites', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('serves /healthz naming its database driver', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: driver });
  });

  it('creates a site, normalising subdomain case and the phone to E.164', async () => {
    const site = await createSite({ ...completeSite, subdomain: 'Acme' });
    expect(site).toMatchObject({
      title: 'Acme Academy',
      subdomain: 'acme',
      supportEmail: 'help@acme.example',
      supportPhone: '+14155552671',
      detailsComplete: true,
      missingDetails: [],
      linkPolicy: { learnerLinkTtlSeconds: 604800, userLinkTtlSeconds: 900, maxUses: null },
    });
    const again = await t.api('POST', '/api/sites', { ...completeSite, subdomain: 'ACME' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('subdomain');
  });

  it.each([
    ['subdomain', { subdomain: 'not a label!' }, 'may contain only letters, digits and hyphens'],
    ['subdomain', { subdomain: '-edge' }, 'must start and end with a letter or digit'],
    ['subdomain', { subdomain: 'x'.repeat(64) }, 'at most 63'],
    ['supportEmail', { supportEmail: 'help-at-acme' }, 'must be an email address'],
    ['supportPhone', { supportPhone: '555-2671' }, 'country code'],
    ['supportPhone', { supportPhone: '+1 000' }, 'country code'],
  ])('rejects a bad %s with a 400 naming the field', async (field, change, message) => {
    const res = await t.api('POST', '/api/sites', { title: 'Bad', ...change });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_field');
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('rejects a bad PATCH field and keeps what was saved', async () => {
    const site = await createSite({ title: 'Keep me', subdomain: 'keep-me', supportEmail: 'a@keep.example' });
    const bad = await t.api('PATCH', `/api/sites/${site.id}`, { title: 'Changed', supportPhone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('supportPhone');
    const after = await apiOk(t, 'GET', `/api/sites/${site.id}`);
    expect(after.title).toBe('Keep me');
    const policy = await t.api('PATCH', `/api/sites/${site.id}`, { linkPolicy: { learnerLinkTtlSeconds: 60 } });
    expect(policy.statusCode).toBe(400);
    expect(policy.json().error.field).toBe('linkPolicy.learnerLinkTtlSeconds');
  });

  it('answers 409 with the missing Site Details before magic links can be generated, then lists them', async () => {
    const site = await createSite({ title: 'Half done', subdomain: 'half-done' });
    const blocked = await t.api('GET', `/api/sites/${site.id}/magic-links`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'site_details_incomplete', missing: ['supportEmail', 'supportPhone'] });

    await apiOk(t, 'PATCH', `/api/sites/${site.id}`, { supportEmail: 'team@half.example', supportPhone: '+44 20 7946 0958' });
    const course = await apiOk(t, 'POST', `/api/sites/${site.id}/content`, { kind: 'course', title: 'Intro' });
    const res = await t.api('GET', `/api/sites/half-done/magic-links`);
    expect(res.statusCode).toBe(200);
    const links = res.json();
    expect(links.learnerLink).toMatchObject({
      customValue: '{{magic_link.learner}}',
      plainUrl: 'http://half-done.localhost:3000/',
    });
    expect(links.learnerLink.urlShape).toMatch(/^http:\/\/half-done\.localhost:3000\/\?token=/);
    expect(links.userLink).toMatchObject({ customValue: '{{magic_link.user}}', plainUrl: 'http://localhost:3000/login' });
    expect(links.plainUrl).toBe('http://half-done.localhost:3000/');
    expect(links.destinations.map((d: { customValue: string }) => d.customValue)).toEqual([
      '{{magic_link.learner}}',
      '{{magic_link.courses}}',
      '{{magic_link.communities}}',
      '{{magic_link.affiliates}}',
      `{{magic_link.course.${course.id}}}`,
    ]);
    // The plain URL is the link with everything from "?" removed.
    for (const d of links.destinations) expect(d.urlShape.split('?')[0]).toBe(d.plainUrl);
  });

  it('refuses requests without valid credentials', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/sites' })).statusCode).toBe(401);
    const res = await t.api('GET', '/api/sites', undefined, 'mlk_not-a-real-key');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it("keeps tenants apart: site B's key cannot see site A's contacts or site", async () => {
    const a = await createSite({ ...completeSite, subdomain: 'tenant-a' });
    const b = await createSite({ ...completeSite, subdomain: 'tenant-b' });
    const keyA = (await createApiKey(t.ctx.db, a.id, 'test')).key;
    const keyB = (await createApiKey(t.ctx.db, b.id, 'test')).key;
    const contact = await t.api('POST', `/api/sites/${a.id}/contacts`, { email: 'Secret@Example.com', firstName: 'Sam' }, keyA);
    expect(contact.statusCode).toBe(201);
    expect(contact.json().email).toBe('secret@example.com');
    const contactId = contact.json().id;

    expect((await t.api('GET', `/api/sites/${a.id}/contacts/${contactId}`, undefined, keyA)).statusCode).toBe(200);
    for (const url of [
      `/api/sites/${a.id}/contacts/${contactId}`,
      `/api/sites/${a.id}/contacts`,
      `/api/sites/${a.id}`,
      `/api/sites/tenant-a`,
    ]) {
      const res = await t.api('GET', url, undefined, keyB);
      expect(res.statusCode, url).toBe(404);
    }
    // Site B naming A's contact through its own site finds nothing either.
    expect((await t.api('GET', `/api/sites/${b.id}/contacts/${contactId}`, undefined, keyB)).statusCode).toBe(404);
    expect((await t.api('DELETE', `/api/sites/${b.id}/contacts/${contactId}`, undefined, keyB)).statusCode).toBe(404);
    const listed = (await t.api('GET', '/api/sites', undefined, keyB)).json();
    expect(listed.sites.map((s: { id: string }) => s.id)).toEqual([b.id]);
  });

  it('validates contacts field by field and keeps emails unique per site', async () => {
    const site = await createSite({ ...completeSite, subdomain: 'contacts-site' });
    const bad = await t.api('POST', `/api/sites/${site.id}/contacts`, { email: 'nope', firstName: 'X' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('email');
    const noAddress = await t.api('POST', `/api/sites/${site.id}/contacts`, { firstName: 'Nobody' });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().error.message).toContain('email or a phone');
    const first = await t.api('POST', `/api/sites/${site.id}/contacts`, { email: 'dup@example.com', phone: '+14155550123' });
    expect(first.json().phone).toBe('+14155550123');
    const dup = await t.api('POST', `/api/sites/${site.id}/contacts`, { email: 'DUP@example.com' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('email');

    const id = first.json().id;
    const patched = await t.api('PATCH', `/api/sites/${site.id}/contacts/${id}`, {
      firstName: 'Dee',
      customFields: { plan: 'gold', shoe_size: '42' },
    });
    expect(patched.json()).toMatchObject({ firstName: 'Dee', customFields: { plan: 'gold', shoe_size: '42' } });
    const cleared = await t.api('PATCH', `/api/sites/${site.id}/contacts/${id}`, { customFields: { shoe_size: '' } });
    expect(cleared.json().customFields).toEqual({ plan: 'gold' });
    const search = await t.api('GET', `/api/sites/${site.id}/contacts?search=dee`);
    expect(search.json()).toMatchObject({ total: 1, contacts: [{ id }] });
    expect((await t.api('DELETE', `/api/sites/${site.id}/contacts/${id}`)).statusCode).toBe(204);
    expect((await t.api('GET', `/api/sites/${site.id}/contacts/${id}`)).statusCode).toBe(404);
  });

  it('imports a CSV with mixed rows: valid ones in, invalid ones reported by line and field, none half-imported', async () => {
    const site = await createSite({ ...completeSite, subdomain: 'csv-site' });
    await apiOk(t, 'POST', `/api/sites/${site.id}/contacts`, { email: 'existing@example.com', firstName: 'Old', lastName: 'Name' });
    const csv = [
      'Email,First Name,Last Name,Phone,Plan',
      'ann@example.com,Ann,Archer,+1 415 555 0100,gold',
      'not-an-email,Bad,Email,,silver',
      'bob@example.com,Bob,Baker,12345,bronze',
      'existing@example.com,New,,,platinum',
      'ann@example.com,Ann,Again,,',
      ',,,+44 20 7946 0958,',
      ',No,Address,,',
    ].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${site.id}/contacts/import`,
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 7, created: 2, updated: 1, failed: 4 });
    expect(report.errors).toEqual([
      { line: 3, field: 'email', message: expect.stringContaining('email address') },
      { line: 4, field: 'phone', message: expect.stringContaining('country code') },
      { line: 6, field: 'email', message: 'ann@example.com already appears on line 2' },
      { line: 8, field: 'email', message: 'needs an email or a phone number' },
    ]);
    const list = await apiOk(t, 'GET', `/api/sites/${site.id}/contacts?limit=200`);
    const byEmail = Object.fromEntries(list.contacts.map((c: { email: string }) => [c.email, c]));
    expect(list.total).toBe(3);
    expect(byEmail['ann@example.com']).toMatchObject({ firstName: 'Ann', lastName: 'Archer', phone: '+14155550100', customFields: { plan: 'gold' } });
    // The merged row changed only what it set; the empty last name kept the old one.
    expect(byEmail['existing@example.com']).toMatchObject({ firstName: 'New', lastName: 'Name', customFields: { plan: 'platinum' } });
    expect(byEmail['bob@example.com']).toBeUndefined();
    expect(list.contacts.some((c: { phone: string }) => c.phone === '+442079460958')).toBe(true);

    const noHeader = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${site.id}/contacts/import`,
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'text/csv' },
      payload: 'name\nAnn',
    });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain('"email" or a "phone" column');
  });

  it('grants and revokes offers, emitting each event exactly once', async () => {
    const site = await createSite({ ...completeSite, subdomain: 'offers-site' });
    const course = await apiOk(t, 'POST', `/api/sites/${site.id}/content`, { kind: 'course', title: 'Course One' });
    const community = await apiOk(t, 'POST', `/api/sites/${site.id}/content`, { kind: 'community', title: 'The Club' });
    const offerRes = await t.api('POST', `/api/sites/${site.id}/offers`, {
      title: 'Bundle',
      includesAffiliates: true,
      itemIds: [course.id, community.id],
    });
    expect(offerRes.statusCode).toBe(201);
    const offer = offerRes.json();
    expect(offer).toMatchObject({
      includesAffiliates: true,
      courses: [{ id: course.id, title: 'Course One' }],
      communities: [{ id: community.id, title: 'The Club' }],
    });
    const contact = await apiOk(t, 'POST', `/api/sites/${site.id}/contacts`, { email: 'member@example.com' });
    const before = t.events.length;

    const grants = await Promise.all([
      t.api('POST', `/api/sites/${site.id}/contacts/${contact.id}/access`, { offerId: offer.id }),
      t.api('POST', `/api/sites/${site.id}/contacts/${contact.id}/access`, { offerId: offer.id }),
    ]);
    expect(grants.map((g) => g.statusCode).sort()).toEqual([200, 201]);
    const again = await t.api('POST', `/api/sites/${site.id}/contacts/${contact.id}/access`, { offerId: offer.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    const granted = t.events.slice(before).filter((e) => e.type === 'offer.access_granted');
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ siteId: site.id, payload: { contactId: contact.id, offerId: offer.id, source: 'api' } });

    const detail = await apiOk(t, 'GET', `/api/sites/${site.id}/contacts/${contact.id}`);
    expect(detail.access).toEqual([expect.objectContaining({ offerId: offer.id, offerTitle: 'Bundle', revokedAt: null })]);

    expect((await t.api('DELETE', `/api/sites/${site.id}/contacts/${contact.id}/access/${offer.id}`)).statusCode).toBe(204);
    expect((await t.api('DELETE', `/api/sites/${site.id}/contacts/${contact.id}/access/${offer.id}`)).statusCode).toBe(404);
    const revoked = t.events.slice(before).filter((e) => e.type === 'offer.access_revoked');
    expect(revoked).toHaveLength(1);
    // A later grant is a new grant and a new event.
    await apiOk(t, 'POST', `/api/sites/${site.id}/contacts/${contact.id}/access`, { offerId: offer.id });
    expect(t.events.slice(before).filter((e) => e.type === 'offer.access_granted')).toHaveLength(2);

    const otherSite = await createSite({ ...completeSite, subdomain: 'offers-other' });
    const foreign = await t.api('POST', `/api/sites/${otherSite.id}/offers`, { title: 'Steal', itemIds: [course.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('itemIds.0');
  });

  it('routes member hosts to their site and never exposes the internal prefix on the admin host', async () => {
    await createSite({ ...completeSite, subdomain: 'members' });
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { host: 'members.localhost:3000' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('Log in to Acme Academy');
    expect(page.body).toContain('help@acme.example');
    const unknown = await t.app.inject({ method: 'GET', url: '/', headers: { host: 'nobody.localhost:3000' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('no member site');
    const direct = await t.app.inject({ method: 'GET', url: '/_member/', headers: { host: 'localhost:3000' } });
    expect(direct.statusCode).toBe(404);
  });

  it('describes the API in an OpenAPI document built from the validating schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.0.3');
    const createSite = doc.paths['/api/sites'].post;
    const schema = createSite.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['title']);
    expect(schema.properties.subdomain).toBeDefined();
    expect(doc.paths['/api/sites/{siteId}/contacts/import'].post.requestBody.content['text/csv']).toBeDefined();
    expect(doc.paths['/api/sites/{siteId}/contacts/{contactId}/access/{offerId}'].delete).toBeDefined();
  });

  it('applies migrations idempotently on restart', async () => {
    const { migrateDatabase } = await import('../../server/db/database.ts');
    await migrateDatabase(t.ctx.database);
    await migrateDatabase(t.ctx.database);
    const sites = await t.api('GET', '/api/sites');
    expect(sites.statusCode).toBe(200);
    expect(sites.json().sites.length).toBeGreaterThan(0);
  });
});
