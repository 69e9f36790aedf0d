/**
 * A User Link signs its holder into the admin app; messages go to members. Wherever a document
 * enters — a saved template, a send, a preview, an agent's message in a thread — a User Link in
 * it is refused by name before anything is minted or sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../support/fixtures.ts';
import type { EmailContent } from '../../src/template/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createSiteFixture, type SiteFixture } from './delivery-support.ts';

const WITH_USER_LINK: EmailContent = {
  subject: 'Your admin access',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Log in to the admin app:' }] },
      { type: 'button', attrs: { href: '{{magic_link.user}}', label: 'Open admin' } },
    ],
  },
};

describe.each(TEST_DRIVERS)('staff-only values in member messages on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createSiteFixture(t, `audience-${driver}`);
    contactId = await createContact(t, s.siteId, { email: 'ada@example.com', firstName: 'Ada' }, s.offerId);
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectRefusedByName = (res: { statusCode: number; body: string; json(): any }) => {
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.message).toContain('{{magic_link.user}}');
    expect(error.message).toContain('messages go to members');
  };

  it('refuses it in a template, a send, a preview and a thread message, and sends nothing', async () => {
    expectRefusedByName(await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Admin', channel: 'email', content: WITH_USER_LINK }));
    expectRefusedByName(
      await t.api('POST', `/api/sites/${s.siteId}/messages`, { document: WITH_USER_LINK, channel: 'email', recipients: { contactIds: [contactId] } }),
    );
    expectRefusedByName(await t.api('POST', `/api/sites/${s.siteId}/preview`, { document: WITH_USER_LINK, channel: 'email', contactId }));
    expectRefusedByName(await t.api('POST', `/api/sites/${s.siteId}/conversations/${contactId}/messages`, { document: WITH_USER_LINK, channel: 'email' }));
    const outbox = await t.api('GET', `/api/sites/${s.siteId}/outbox`);
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json().messages).toHaveLength(0);
  });
});
