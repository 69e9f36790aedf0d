/** Shared set-up for the delivery suites: a complete site, documents, and waiting for a send to finish. */
import { expect } from 'vitest';
import type { DocNode, EmailContent, SmsContent } from '../../src/template/index.ts';
import type { TestApp } from '../support/test-app.ts';

const text = (value: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const field = (key: string, fallback?: string): DocNode => ({ type: 'mergeField', attrs: { key, fallback: fallback ?? null } });

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

export async function createSiteFixture(t: TestApp, subdomain: string): Promise<SiteFixture> {
  const site = await t.api('POST', '/api/sites', {
    title: 'Acme Academy',
    subdomain,
    supportEmail: `help@${subdomain}.example`,
    supportPhone: '+14155552671',
  });
  expect(site.statusCode, site.body).toBe(201);
  const siteId = site.json().id;
  const offer = await t.api('POST', `/api/sites/${siteId}/offers`, { title: 'Engines 101' });
  expect(offer.statusCode, offer.body).toBe(201);
  return { siteId, subdomain, offerId: offer.json().id };
}

export async function createContact(t: TestApp, siteId: string, body: Record<string, unknown>, offerId?: string): Promise<string> {
  const res = await t.api('POST', `/api/sites/${siteId}/contacts`, body);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id;
  if (offerId) expect((await t.api('POST', `/api/sites/${siteId}/contacts/${id}/access`, { offerId })).statusCode).toBeLessThan(300);
  return id;
}

/** Polls the message until nothing is queued or in flight (the queue works in the background). */
export async function waitForSend(t: TestApp, siteId: string, messageId: string, query = 'limit=500') {
  for (let i = 0; i < 400; i++) {
    const res = await t.api('GET', `/api/sites/${siteId}/messages/${messageId}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    if (res.json().status === 'completed') return res.json();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`message ${messageId} did not complete`);
}
