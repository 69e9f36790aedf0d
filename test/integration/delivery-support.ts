/** Shared set-up for the delivery suites: a complete site with an offer, documents, and waiting for a send to finish. */
import type { EmailContent, SmsContent } from '../../src/template/index.ts';
import { mergeField as field, paragraph, textNode as text } from '../support/documents.ts';
import { apiOk, createSite } from '../support/fixtures.ts';
import { waitFor } from '../support/polling.ts';
import type { TestApp } from '../support/test-app.ts';

/** Name in subject, body and text; a magic-link button to the courses. */
export const WELCOME_EMAIL: EmailContent = {
  subject: 'Welcome, {{contact.first_name | default: "friend"}}!',
  previewText: 'Your courses at {{site.title}}',
  body: {
    type: 'doc',
    content: [
      paragraph(text('Hello '), field('contact.first_name', 'there'), text(',')),
      paragraph(text('Your plan: '), field('contact.custom.plan', 'none')),
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } },
    ],
  },
};

/** No magic link: recipients need no offer. */
export const NEWS_EMAIL: EmailContent = {
  subject: 'News for {{contact.first_name}}',
  previewText: '',
  body: { type: 'doc', content: [paragraph(text('Hi '), field('contact.first_name'), text(', news from '), field('site.title'))] },
};

export const LINK_SMS: SmsContent = {
  body: { type: 'doc', content: [paragraph(text('Hi '), field('contact.first_name'), text(', your courses: '), field('magic_link.courses'))] },
};

export interface SiteFixture {
  siteId: string;
  subdomain: string;
  offerId: string;
}

/** A complete site titled Acme Academy (the From name the delivery suites expect) with one offer. */
export async function createSiteFixture(t: TestApp, subdomain: string): Promise<SiteFixture> {
  const { id: siteId } = await createSite(t, subdomain, { title: 'Acme Academy' });
  const offer = await apiOk(t, 'POST', `/api/sites/${siteId}/offers`, { title: 'Engines 101' }, 201);
  return { siteId, subdomain, offerId: offer.id };
}

/** Polls the message until nothing is queued or in flight (the queue works in the background). */
export function waitForSend(t: TestApp, siteId: string, messageId: string, query = 'limit=500') {
  return waitFor(
    async () => {
      const message = await apiOk(t, 'GET', `/api/sites/${siteId}/messages/${messageId}?${query}`, undefined, 200);
      return message.status === 'completed' && message;
    },
    { what: `message ${messageId} to complete` },
  );
}
