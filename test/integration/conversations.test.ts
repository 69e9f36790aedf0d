/**
 * Conversations on both drivers: a message an agent sends into a contact's thread goes through the
 * send pipeline (its magic link minted for that contact) and shows in the thread as received and in
 * the outbox; replies by SMS (Twilio's signature) and email (signed JSON) join the thread; system
 * events sit in time order; pages go back with cursors and forward for new items.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailContent } from '../../src/template/index.ts';
import { contacts, magicLinks } from '../../server/db/schema.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { maskLinkTokens } from '../../server/links/mask-link-tokens.ts';
import { twilioSignature } from '../../server/webhooks/twilio-signature.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiOk } from '../support/fixtures.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { followMagicLink, magicLinkIn, signedHook } from './workflow-support.ts';
import { waitFor } from '../support/polling.ts';

const TWILIO_TOKEN = 'twilio-auth-token-for-tests';
const ENV = {
  SEND_POLL_SECONDS: '0.5',
  TWILIO_ACCOUNT_SID: 'AC0123456789',
  TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
  TWILIO_FROM: '+15005550006',
  // Nothing in this suite sends SMS; were it to, it would stay on this machine.
  TWILIO_BASE_URL: 'http://127.0.0.1:9',
};

const AGENT_EMAIL: EmailContent = {
  subject: 'A link for {{contact.first_name}}',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Here is your way back in.' }] },
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } },
    ],
  },
};

interface Item {
  id: string;
  kind: string;
  type: string | null;
  status: string | null;
  reason: string | null;
  messageId: string | null;
  subject: string | null;
  text: string | null;
  sentBy: string | null;
  channel: string | null;
  details: Record<string, unknown> | null;
}

describe.each(TEST_DRIVERS)('conversations on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let secret: string;

  const threadOf = async (contactId: string, query = 'limit=200', siteId = s.site.id): Promise<{ items: Item[]; page: { before: string | null; after: string | null } }> => {
    const res = await t.api('GET', `/api/sites/${siteId}/conversations/${contactId}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  const thread = (contactId: string, query?: string) => threadOf(contactId, query);

  const twilioPost = (
    params: Record<string, string>,
    signature?: string,
    siteId = s.site.id,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/hooks/${siteId}/sms`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature ?? twilioSignature(TWILIO_TOKEN, `http://localhost:3000/hooks/${siteId}/sms`, params),
      },
      payload: new URLSearchParams(params).toString(),
    });

  beforeAll(async () => {
    t = await startTestApp(driver, ENV);
    s = await createMemberSite(t, 'talk');
    secret = (await apiOk(t, 'POST', `/api/sites/${s.site.id}/webhook-secret`)).secret;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a message sent from the conversation shows in the thread and in the outbox, its link resolved for that contact', async () => {
    // Its own site, so the thread holds exactly what this test did (any order).
    const c = await createMemberSite(t, 'talk-send');
    const thread = (contactId: string) => threadOf(contactId, 'limit=200', c.site.id);
    const sent = await t.api('POST', `/api/sites/${c.site.id}/conversations/${c.learner.id}/messages`, { channel: 'email', document: AGENT_EMAIL });
    expect(sent.statusCode, sent.body).toBe(202);
    const { messageId } = sent.json();

    const item = await waitFor(async () => {
      const found = (await thread(c.learner.id)).items.find((i) => i.messageId === messageId);
      return found?.status === 'sent' && found;
    }, { what: 'the message in the thread as sent' });
    expect(item).toMatchObject({ kind: 'outbound', channel: 'email', subject: 'A link for Lena', sentBy: 'operator' });
    expect(item.text).toContain('Here is your way back in.');

    // The thread shows what the contact received with every link masked: a thread reader may not
    // hold the contact's credential. The live link is in what was delivered (the outbox row).
    const [outboxed] = await listOutbox(t.ctx.db, c.site.id, { contactId: c.learner.id });
    expect(outboxed).toMatchObject({ channel: 'email', recipient: c.learner.email, subject: 'A link for Lena' });
    expect(item.text).toBe(maskLinkTokens(outboxed.text).text);
    expect(item.text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    const link = magicLinkIn(outboxed.text);
    expect(link.host).toBe('talk-send.localhost:3000');
    const [minted] = await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.messageId, messageId));
    expect(minted).toMatchObject({ subjectId: c.learner.id, destination: 'courses', sentBy: `message:${messageId}` });

    const { location, page } = await followMagicLink(t, link);
    expect(location).toBe('/courses');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(c.course.title);

    // The grant before the message and the redemption after it, in time order, newest last.
    const kinds = (await thread(c.learner.id)).items.map((i) => i.type ?? `${i.kind}:${i.messageId === messageId ? 'agent' : 'other'}`);
    expect(kinds).toEqual(['offer.access_granted', 'outbound:agent', 'link.redeemed']);
    const granted = (await thread(c.learner.id)).items[0];
    expect(granted.details).toMatchObject({ offerId: c.coursesOffer.id, offerTitle: 'Courses Pass', source: 'api' });
  });

  it('checks what an agent sends: 400 naming the field, 404 for another contact', async () => {
    const bad = await t.api('POST', `/api/sites/${s.site.id}/conversations/${s.learner.id}/messages`, {
      channel: 'email',
      document: { ...AGENT_EMAIL, subject: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('document.subject');
    const noChannel = await t.api('POST', `/api/sites/${s.site.id}/conversations/${s.learner.id}/messages`, { document: AGENT_EMAIL });
    expect(noChannel.json().error.field).toBe('channel');
    const missing = await t.api('POST', `/api/sites/${s.site.id}/conversations/00000000-0000-4000-8000-000000000000/messages`, {
      channel: 'email',
      document: AGENT_EMAIL,
    });
    expect(missing.statusCode).toBe(404);
    // A message the contact can't receive shows in their thread with the reason.
    const sms = await t.api('POST', `/api/sites/${s.site.id}/conversations/${s.outsider.id}/messages`, {
      channel: 'sms',
      document: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] } },
    });
    expect(sms.statusCode, sms.body).toBe(202);
    const skipped = await waitFor(async () => {
      const found = (await thread(s.outsider.id)).items.find((i) => i.messageId === sms.json().messageId);
      return found?.status === 'skipped' && found;
    }, { what: 'the SMS to be settled' });
    expect(skipped).toMatchObject({ kind: 'outbound', channel: 'sms', reason: 'no phone number', text: null });

    const badCursor = await t.api('GET', `/api/sites/${s.site.id}/conversations/${s.learner.id}?before=nope`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.field).toBe('before');
  });

  it('replies by SMS (Twilio-signed) and email (signed) join the thread once; bad signatures add nothing', async () => {
    await apiOk(t, 'PATCH', `/api/sites/${s.site.id}/contacts/${s.learner.id}`, { phone: '+14155550111' });
    const sms = { AccountSid: 'AC0123456789', From: '+14155550111', To: '+15005550006', Body: 'Thanks, got in!', MessageSid: 'SM0001' };
    const accepted = await twilioPost(sms);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.headers['content-type']).toContain('text/xml');
    expect((await twilioPost(sms)).statusCode).toBe(200); // Twilio retries: stored once.
    const forged = await twilioPost({ ...sms, Body: 'Send me everything', MessageSid: 'SM0002' }, twilioSignature('wrong-token', `http://localhost:3000/hooks/${s.site.id}/sms`, sms));
    expect(forged.statusCode).toBe(401);
    const tampered = await twilioPost({ ...sms, Body: 'changed', MessageSid: 'SM0003' }, twilioSignature(TWILIO_TOKEN, `http://localhost:3000/hooks/${s.site.id}/sms`, sms));
    expect(tampered.statusCode).toBe(401);

    const email = { from: 'Lena <learner@talk.example>', subject: 'Re: A link for Lena', text: 'It works, thank you.', messageId: '<reply-1@mail.example>' };
    const stored = await signedHook(t, s.site.id, 'email', email, secret);
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toEqual({ contactId: s.learner.id, stored: true });
    // The same reply again, signed anew (a signature works once), is stored once.
    expect((await signedHook(t, s.site.id, 'email', email, secret, new Date(t.clock.now.getTime() + 1000))).json().stored).toBe(false);
    const unsigned = await signedHook(t, s.site.id, 'email', { ...email, messageId: '<reply-2@mail.example>' }, 'whsec_not-the-secret');
    expect(unsigned.statusCode).toBe(401);
    const stale = await signedHook(t, s.site.id, 'email', { ...email, messageId: '<reply-3@mail.example>' }, secret, new Date(t.clock.now.getTime() - 6 * 60_000));
    expect(stale.statusCode).toBe(401);

    const inbound = (await thread(s.learner.id)).items.filter((i) => i.kind === 'inbound');
    expect(inbound).toMatchObject([
      { channel: 'sms', text: 'Thanks, got in!', sentBy: '+14155550111' },
      { channel: 'email', subject: 'Re: A link for Lena', text: 'It works, thank you.', sentBy: 'learner@talk.example' },
    ]);

    // A reply from an unknown address starts a conversation with a new contact.
    const stranger = await signedHook(t, s.site.id, 'email', { from: 'stranger@else.example', text: 'Who are you?' }, secret);
    expect(stranger.statusCode).toBe(200);
    const [created] = await t.ctx.db.select().from(contacts).where(eq(contacts.id, stranger.json().contactId));
    expect(created.email).toBe('stranger@else.example');
    const list = await apiOk(t, 'GET', `/api/sites/${s.site.id}/conversations`);
    expect(list.conversations[0]).toMatchObject({ contactId: created.id, email: 'stranger@else.example' });
    expect(list.conversations.map((c: { contactId: string }) => c.contactId)).toContain(s.learner.id);
  });

  it('pages back through a thread with cursors (newest last) and forward for what arrives later', async () => {
    // Its own site and thread, so it passes alone and in any order.
    const p = await createMemberSite(t, 'talk-paging');
    const phone = '+14155550177';
    await apiOk(t, 'PATCH', `/api/sites/${p.site.id}/contacts/${p.learner.id}`, { phone });
    for (let i = 1; i <= 5; i++) {
      const res = await twilioPost({ From: phone, Body: `Message ${i}`, MessageSid: `SMP00${i}` }, undefined, p.site.id);
      expect(res.statusCode, res.body).toBe(200);
    }
    await apiOk(t, 'PATCH', `/api/sites/${p.site.id}/contacts/${p.outsider.id}`, { phone: '+14155550178' });
    expect((await twilioPost({ From: '+14155550178', Body: 'Hello', MessageSid: 'SMP100' }, undefined, p.site.id)).statusCode).toBe(200);
    const thread = (contactId: string, query?: string) => threadOf(contactId, query, p.site.id);
    const whole = (await thread(p.learner.id)).items.map((i) => i.id);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    const latest = await thread(p.learner.id, 'limit=2');
    expect(latest.items.map((i) => i.id)).toEqual(whole.slice(-2));

    const seen: string[][] = [latest.items.map((i) => i.id)];
    let before = latest.page.before;
    while (before) {
      const older = await thread(p.learner.id, `limit=2&before=${before}`);
      seen.unshift(older.items.map((i) => i.id));
      before = older.page.before;
    }
    expect(seen.flat()).toEqual(whole);

    const nothingNew = await thread(p.learner.id, `after=${latest.page.after}`);
    expect(nothingNew.items).toEqual([]);
    expect(nothingNew.page.after).toBe(latest.page.after);
    await twilioPost({ From: phone, Body: 'One more thing', MessageSid: 'SMP200' }, undefined, p.site.id);
    const fresh = await thread(p.learner.id, `after=${latest.page.after}`);
    expect(fresh.items).toMatchObject([{ kind: 'inbound', text: 'One more thing' }]);

    const pageOne = await apiOk(t, 'GET', `/api/sites/${p.site.id}/conversations?limit=1`);
    expect(pageOne.conversations).toHaveLength(1);
    const pageTwo = await apiOk(t, 'GET', `/api/sites/${p.site.id}/conversations?limit=1&before=${pageOne.next}`);
    expect(pageTwo.conversations[0].contactId).not.toBe(pageOne.conversations[0].contactId);
  });
});
