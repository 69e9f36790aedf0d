/**
 * Show if… and the unlocked-items repeat, decided per recipient at send time, on both drivers:
 * previews for contacts holding different offers, validation (SMS refuses the repeat), and sends
 * through the outbox that mint exactly the links each recipient receives.
 */
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magicLinks } from '../../server/db/schema.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { apiOk, createContact } from '../support/fixtures.ts';
import { createMembershipSite, membershipEmail, showIf, type MembershipSite } from '../support/member-blocks-fixtures.ts';
import { waitForSend } from './delivery-support.ts';

describe.each(TEST_DRIVERS)('Show if… and unlocked-items blocks on %s', (driver) => {
  let t: TestApp;
  let s: MembershipSite;
  let ada: string; // Piano plan, custom field plan = "gold"
  let bob: string; // Guitar plan
  let cy: string; // no offer
  const base = 'http://blocks.localhost:3000';
  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createMembershipSite(t, 'blocks');
    ada = await createContact(t, s.siteId, { email: 'ada@example.com', firstName: 'Ada', customFields: { plan: 'gold' } }, s.pianoOffer);
    bob = await createContact(t, s.siteId, { email: 'bob@example.com', firstName: 'Bob', customFields: { plan: 'silver' } }, s.guitarOffer);
    cy = await createContact(t, s.siteId, { email: 'cy@example.com', phone: '+14155550103', firstName: 'Cy' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const preview = async (contactId: string | null, document = membershipEmail(s), channel = 'email') => {
    const res = await t.api('POST', `/api/sites/${s.siteId}/preview`, { document, channel, contactId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('previews for each contact exactly their parts and one card per course they can open, with inert links', async () => {
    const linksOfSite = async () => (await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.siteId, s.siteId))).length;
    const linksBefore = await linksOfSite();
    const forAda = await preview(ada);
    expect(forAda.html).toContain('New piano recital next Friday.');
    expect(forAda.html).toContain(`href="${base}/communities?token=preview"`);
    expect(forAda.html).toContain('Gold perk'); // "gold" equals "Gold": trimmed, case-insensitive
    expect(forAda.html).toContain('Piano basics');
    expect(forAda.html).toContain('Scales and your first song');
    expect(forAda.html).toContain(`href="${base}/courses/${s.piano}?token=preview"`);
    expect(forAda.html).not.toContain('Guitar chords');
    expect(forAda.html).not.toContain('Pick a plan');
    expect(forAda.html).not.toMatch(/ml-slot/);
    expect(forAda.text).toBe(
      [
        'Hello Ada,',
        'New piano recital next Friday.',
        `Join the lounge: ${base}/communities?token=preview`,
        'Gold perk: a free lesson.',
        `Piano basics\nScales and your first song\nStart learning: ${base}/courses/${s.piano}?token=preview`,
      ].join('\n\n'),
    );

    const forBob = await preview(bob);
    expect(forBob.text).toBe(['Hello Bob,', `Guitar chords\nStrum along in a week\nStart learning: ${base}/courses/${s.guitar}?token=preview`].join('\n\n'));
    expect(forBob.html).toContain(`href="${base}/courses/${s.guitar}?token=preview"`);
    expect(forBob.html).not.toContain('recital');

    const forCy = await preview(cy);
    expect(forCy.text).toBe('Hello Cy,\n\nPick a plan: see plans: https://example.com/plans');
    expect(forCy.html).not.toContain('token=');

    // Sample data holds every offer: every offer's part and every course.
    const sample = await preview(null);
    expect(sample.html).toContain('recital');
    expect(sample.html).toContain('Piano basics');
    expect(sample.html).toContain('Guitar chords');
    // Previews mint nothing (other tests' sends may have minted links before).
    expect(await linksOfSite()).toBe(linksBefore);
  });

  it('follows the same rule in an SMS, and refuses the repeat there with a reason', async () => {
    const sms = { body: { type: 'doc', content: [showIf({ condition: 'no_offer' }, { type: 'paragraph', content: [{ type: 'text', text: 'Plans from $9' }] }), { type: 'paragraph', content: [{ type: 'text', text: 'Reply STOP to stop' }] }] } };
    expect((await preview(cy, sms as never, 'sms')).text).toBe('Plans from $9\nReply STOP to stop');
    expect((await preview(ada, sms as never, 'sms')).text).toBe('Reply STOP to stop');
    const repeat = { body: { type: 'doc', content: [{ type: 'unlockedItems', attrs: { list: 'courses' } }] } };
    const refused = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'x', channel: 'sms', content: repeat });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ field: 'content.body.content[0]', message: expect.stringContaining('An SMS cannot list unlocked courses') });
  });

  it('names what a Show if… is missing', async () => {
    const email = (node: object) => ({ subject: 'x', previewText: '', body: { type: 'doc', content: [node] } });
    const p = { type: 'paragraph', content: [{ type: 'text', text: 'x' }] };
    const noOffer = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'x', channel: 'email', content: email(showIf({ condition: 'offer' }, p)) });
    expect(noOffer.json().error).toMatchObject({ field: 'content.body.content[0].attrs.offerId', message: expect.stringContaining('pick one') });
    const unknownField = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'x', channel: 'email', content: email(showIf({ condition: 'field', field: 'shoe_size', value: '9' }, p)) });
    expect(unknownField.json().error).toMatchObject({ field: 'content.body.content[0].attrs.field', message: expect.stringContaining('"shoe_size"') });
    const badList = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'x', channel: 'email', content: email({ type: 'unlockedItems', attrs: { list: 'lessons' } }) });
    expect(badList.json().error.field).toBe('content.body.content[0].attrs.list');
  });

  it('sends through the outbox: each recipient gets their parts, and only the links they receive are minted', async () => {
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, { document: membershipEmail(s), channel: 'email', recipients: { contactIds: [ada, bob, cy] } });
    expect(sent.statusCode, sent.body).toBe(202);
    const done = await waitForSend(t, s.siteId, sent.json().id);
    // Cy holds no offer but receives no learner link, so she is not skipped.
    expect(done.counts).toMatchObject({ total: 3, sent: 3, skipped: 0 });
    const mail = async (contactId: string) => {
      const [stored] = (await apiOk(t, 'GET', `/api/sites/${s.siteId}/outbox?contactId=${contactId}&limit=1`)).messages;
      return simpleParser(stored.raw);
    };
    const token = '[\\w-]+\\.[\\w-]+\\.[\\w-]+';
    const adaMail = await mail(ada);
    expect(adaMail.text).toMatch(new RegExp(`Start learning: ${base}/courses/${s.piano}\\?token=${token}`));
    expect(adaMail.html).toMatch(new RegExp(`href="${base}/communities\\?token=${token}"`));
    expect(adaMail.html).not.toContain('Guitar chords');
    const bobMail = await mail(bob);
    expect(bobMail.html).toMatch(new RegExp(`href="${base}/courses/${s.guitar}\\?token=${token}"`));
    expect(bobMail.html).not.toContain('recital');
    const cyMail = await mail(cy);
    expect(cyMail.text).toContain('Pick a plan');
    expect(cyMail.html).not.toContain('token=');

    const links = await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.messageId, sent.json().id));
    const minted = links.map((l) => `${l.subjectId === ada ? 'ada' : l.subjectId === bob ? 'bob' : 'cy'} ${l.destination}`).sort();
    expect(minted).toEqual(['ada communities', `ada courses/${s.piano}`, `bob courses/${s.guitar}`]);
  });
});
