/**
 * Shared by the workflow and conversation suites: documents with {{offer.*}} and magic links,
 * signed webhook requests, following an emailed link into the member site, and a database that
 * outlives one app (restart tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { EmailContent, SmsContent } from '../../src/template/index.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { signWebhook } from '../../server/webhooks/webhook-signature.ts';
import { cookiePair } from '../support/cookies.ts';
import { mergeField as field, paragraph, textNode as text } from '../support/documents.ts';
import type { TestApp } from '../support/test-app.ts';
import { cloneTestDatabase, type TestDriver } from '../support/test-databases.ts';

/** {{offer.title}} in the subject, a magic-link button to the courses. */
export const OFFER_WELCOME_EMAIL: EmailContent = {
  subject: 'Welcome to {{offer.title}}',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      paragraph(text('Hi '), field('contact.first_name'), text(', you now have '), field('offer.title'), text('.')),
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } },
    ],
  },
};

export const OFFER_WELCOME_SMS: SmsContent = {
  body: { type: 'doc', content: [paragraph(field('offer.title'), text(' is yours: '), field('magic_link.courses'))] },
};

export function signedHook(t: TestApp, siteId: string, path: string, body: unknown, secret: string, at = t.clock.now) {
  const payload = JSON.stringify(body);
  const timestamp = Math.floor(at.getTime() / 1000);
  return t.app.inject({
    method: 'POST',
    url: `/hooks/${siteId}/${path}`,
    headers: {
      'content-type': 'application/json',
      'x-memberlink-timestamp': String(timestamp),
      'x-memberlink-signature': signWebhook(secret, timestamp, payload),
    },
    payload,
  });
}

/** The one magic link in a message's text. */
export function magicLinkIn(textBody: string): URL {
  const found = textBody.match(/https?:\/\/[^\s"<>]+\?token=[\w.-]+/g) ?? [];
  expect(found, textBody).toHaveLength(1);
  return new URL(found[0]!);
}

/** Follows a link as a browser would: redeem (303, session), then open where it leads. */
export async function followMagicLink(t: TestApp, link: URL): Promise<{ location: string; page: LightMyRequestResponse }> {
  const redeemed = await t.app.inject({ method: 'GET', url: link.pathname + link.search, headers: { host: link.host } });
  expect(redeemed.statusCode, redeemed.body).toBe(303);
  const location = String(redeemed.headers.location);
  const cookie = cookiePair(redeemed, 'ml_member');
  expect(cookie, 'a member session cookie').toBeTruthy();
  const page = await t.app.inject({ method: 'GET', url: location, headers: { host: link.host, cookie } });
  return { location, page };
}

/** A database that survives closing the app on it: a PGlite data directory, or a PostgreSQL database. */
export async function durableDatabase(driver: TestDriver): Promise<{ open(): Promise<Database>; destroy(): Promise<void> }> {
  if (driver === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-restart-'));
    return {
      open: () => openDatabase({ driver: 'pglite', dataDir }),
      destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const clone = await cloneTestDatabase('postgres');
  const url = (clone.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
  return { open: () => openDatabase({ driver: 'postgres', url, poolSize: 5 }), destroy: () => clone.close() };
}
