/**
 * README promises that had no test: single offers, workflows and templates by id, the contacts
 * offerId filter, the 415 for a CSV sent as the wrong type, logging in to the affiliates section,
 * and the staff sign-in email really being sent by POST /api/auth/login-link. Each test makes its
 * own site, so they pass in any order. Both drivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, mintTestLink } from '../support/member-fixtures.ts';
import { apiOk, uniqueSubdomain } from '../support/fixtures.ts';
import { cookiePair, setCookieOf } from '../support/cookies.ts';
import { emailDocument } from '../support/documents.ts';
import { waitFor } from '../support/polling.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';

describe.each(TEST_DRIVERS)('README promises on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET and PATCH one offer; another site’s offer is 404', async () => {
    const s = await createMemberSite(t, uniqueSubdomain('offers'));
    const other = await createMemberSite(t, uniqueSubdomain('offers-other'));
    const base = `/api/sites/${s.site.id}/offers/${s.coursesOffer.id}`;
    const got = await apiOk(t, 'GET', base);
    expect(got).toMatchObject({ id: s.coursesOffer.id, title: 'Courses Pass', includesAffiliates: false, courses: [{ id: s.course.id }], communities: [] });
    const patched = await apiOk(t, 'PATCH', base, { title: 'Courses Pass Plus', includesAffiliates: true, itemIds: [s.course.id, s.community.id] });
    expect(patched).toMatchObject({ title: 'Courses Pass Plus', includesAffiliates: true, communities: [{ id: s.community.id }] });
    expect(await apiOk(t, 'GET', base)).toMatchObject({ title: 'Courses Pass Plus', includesAffiliates: true });
    const bad = await t.api('PATCH', base, { title: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('title');
    expect((await t.api('GET', `/api/sites/${other.site.id}/offers/${s.coursesOffer.id}`)).statusCode).toBe(404);
  });

  it('GET and DELETE one workflow; a deleted workflow is gone from the list and 404', async () => {
    const s = await createMemberSite(t, uniqueSubdomain('flows'));
    const template = await apiOk(t, 'POST', `/api/sites/${s.site.id}/templates`, { name: 'welcome', channel: 'email', content: emailDocument() }, 201);
    const body = { name: 'Welcome', trigger: { type: 'offer_access_granted', offerIds: [s.coursesOffer.id] }, actions: [{ type: 'send_email', templateId: template.id }] };
    const created = await apiOk(t, 'POST', `/api/sites/${s.site.id}/workflows`, body, 201);
    const url = `/api/sites/${s.site.id}/workflows/${created.id}`;
    expect(await apiOk(t, 'GET', url)).toMatchObject({ id: created.id, name: 'Welcome', trigger: { offerIds: [s.coursesOffer.id] }, actions: [{ type: 'send_email', templateId: template.id }] });
    const deleted = await t.api('DELETE', url);
    expect(deleted.statusCode).toBeLessThan(300);
    expect((await t.api('GET', url)).statusCode).toBe(404);
    const listed = await apiOk(t, 'GET', `/api/sites/${s.site.id}/workflows`);
    expect(listed.workflows.map((w: { id: string }) => w.id)).not.toContain(created.id);
  });

  it('GET one template returns the saved document; another site’s template is 404', async () => {
    const s = await createMemberSite(t, uniqueSubdomain('tpl'));
    const other = await createMemberSite(t, uniqueSubdomain('tpl-other'));
    const content = emailDocument('Hi {{contact.first_name}}');
    const created = await apiOk(t, 'POST', `/api/sites/${s.site.id}/templates`, { name: 'greeting', channel: 'email', content }, 201);
    const got = await apiOk(t, 'GET', `/api/sites/${s.site.id}/templates/${created.id}`);
    expect(got).toMatchObject({ id: created.id, name: 'greeting', channel: 'email', content: { subject: 'Hi {{contact.first_name}}' } });
    expect(got.content.body).toEqual(content.body);
    expect((await t.api('GET', `/api/sites/${other.site.id}/templates/${created.id}`)).statusCode).toBe(404);
  });

  it('lists only the holders of an offer with ?offerId=, and drops a contact whose access was revoked', async () => {
    const s = await createMemberSite(t, uniqueSubdomain('filter'));
    const list = async (offerId: string) =>
      (await apiOk(t, 'GET', `/api/sites/${s.site.id}/contacts?offerId=${offerId}`)).contacts.map((c: { id: string }) => c.id);
    expect(await list(s.coursesOffer.id)).toEqual([s.learner.id]);
    expect(await list(s.communityOffer.id)).toEqual([]);
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${s.outsider.id}/access`, { offerId: s.communityOffer.id });
    expect(await list(s.communityOffer.id)).toEqual([s.outsider.id]);
    await apiOk(t, 'DELETE', `/api/sites/${s.site.id}/contacts/${s.outsider.id}/access/${s.communityOffer.id}`);
    expect(await list(s.communityOffer.id)).toEqual([]);
    const everyone = (await apiOk(t, 'GET', `/api/sites/${s.site.id}/contacts`)).contacts;
    expect(everyone).toHaveLength(2);
  });

  it('answers 415 naming the body for a CSV import sent as another content type, and imports nothing', async () => {
    const s = await createMemberSite(t, uniqueSubdomain('csv'));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${s.site.id}/contacts/import`,
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ csv: 'email\nnew@csv.example\n' }),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'body' });
    expect(res.json().error.message).toContain('text/csv');
    expect((await apiOk(t, 'GET', `/api/sites/${s.site.id}/contacts`)).contacts).toHaveLength(2);
  });

  it('logs a holder of an affiliates offer into the affiliates section; others get the no-content page', async () => {
    const s = await createMemberSite(t, uniqueSubdomain('aff'));
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${s.outsider.id}/access`, { offerId: s.communityOffer.id });
    const open = async (contactId: string) => {
      const link = await mintTestLink(t, s.site, contactId, 'affiliates');
      const redeemed = await t.app.inject({ method: 'GET', url: link.path, headers: { host: s.host } });
      expect(redeemed.statusCode, redeemed.body).toBe(303);
      expect(redeemed.headers.location).toBe('/affiliates');
      const cookie = cookiePair(redeemed, 'ml_member')!;
      return t.app.inject({ method: 'GET', url: '/affiliates', headers: { host: s.host, cookie } });
    };
    const holder = await open(s.outsider.id);
    const nonHolder = await open(s.learner.id);
    expect(holder.statusCode).toBe(200);
    expect(holder.body).toContain('<h1>Affiliate portal</h1>');
    expect(holder.body).toContain('Share ');
    expect(nonHolder.statusCode).toBe(403);
    expect(nonHolder.body).toContain("Affiliate portal isn't part of your offers");
    expect(nonHolder.body).not.toContain('<h1>Affiliate portal</h1>');
  });

  it('emails a known staff member a User Link that signs them in (and nothing for an unknown address)', async () => {
    const s = await createMemberSite(t, uniqueSubdomain('staff'));
    const ask = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login-link', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email }) });
    const known = await ask(s.staff.email);
    const unknown = await ask(`nobody-${s.site.subdomain}@example.com`);
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.body).toBe(unknown.body);
    const mail = await waitFor(
      async () => (await listOutbox(t.ctx.db, s.site.id)).find((m) => m.recipient === s.staff.email),
      { what: `the sign-in email to ${s.staff.email}` },
    );
    const url = new URL(mail.text!.match(/http:\/\/localhost:3000\/login\?token=[\w.-]+/)![0]);
    // Opening it asks to confirm (scanners can't burn it); the person's click signs in.
    const opened = await t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: { host: 'localhost:3000' } });
    expect(opened.body).toContain('action="/login/confirm"');
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/login/confirm',
      headers: { host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token: url.searchParams.get('token')! }).toString(),
    });
    expect(signedIn.statusCode).toBe(303);
    const cookie = setCookieOf(signedIn, 'ml_staff')!.split(';')[0];
    const sites = await t.app.inject({ method: 'GET', url: '/api/sites', headers: { cookie } });
    expect(sites.statusCode).toBe(200);
    expect(sites.json().sites.map((x: { id: string }) => x.id)).toEqual([s.site.id]);
    expect((await listOutbox(t.ctx.db, s.site.id)).filter((m) => m.recipient.startsWith('nobody-'))).toEqual([]);
  });
});
