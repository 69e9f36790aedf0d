/**
 * Replies into the thread: SMS through Twilio's incoming-message webhook (form post, Twilio's
 * signature) and email through a signed JSON endpoint (the memberlink signature, for an inbound
 * mail parser or ESP route). The sender is matched to a contact, created when unknown.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { emailField, phoneField } from '../../src/contract/fields.ts';
import { findOrCreateContact } from './contact-lookup.ts';
import { hookSiteOf } from './verified-hooks.ts';
import { recordInbound } from '../conversations/inbound-messages.ts';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const smsBody = z.object({
  From: phoneField,
  Body: z.string().max(10_000).default(''),
  MessageSid: z.string().min(1, 'required').max(100),
});

export const inboundSmsRoute = defineRoute({
  method: 'POST',
  url: '/hooks/:siteId/sms',
  summary:
    "Twilio's incoming-message webhook (set it as the number's Messaging webhook, HTTP POST). Verified with X-Twilio-Signature and TWILIO_AUTH_TOKEN over PUBLIC_URL + path; the reply joins the sender's thread. Answers empty TwiML.",
  tag: 'Webhooks',
  auth: 'public',
  permission: 'public',
  params: siteIdParams,
  body: smsBody,
  consumes: ['application/x-www-form-urlencoded'],
  handler: async ({ ctx, raw, reply, body }) => {
    const site = hookSiteOf(raw);
    const { contact } = await findOrCreateContact(ctx, site.id, { phone: body.From });
    await recordInbound(ctx, { siteId: site.id, contactId: contact.id, channel: 'sms', sender: body.From, text: body.Body, externalId: body.MessageSid });
    return reply.status(200).type('text/xml; charset=utf-8').send(EMPTY_TWIML);
  },
});

/** `Name <address>` or a bare address. */
const fromField = z.preprocess((value) => (typeof value === 'string' ? (/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value) : value), emailField);

const emailBody = z.object({
  from: fromField,
  subject: z.string().max(1000).optional(),
  text: z.string().max(1_000_000).default(''),
  html: z.string().max(5_000_000).optional().describe('Shown only in a sandboxed iframe.'),
  messageId: z.string().min(1).max(1000).optional().describe('The Message-ID header: a redelivered email is stored once.'),
});

export const inboundEmailRoute = defineRoute({
  method: 'POST',
  url: '/hooks/:siteId/email',
  summary:
    'An email reply, as JSON { from, subject?, text, html?, messageId? }, signed like /hooks/:siteId/access (X-Memberlink-Timestamp, X-Memberlink-Signature). The reply joins the sender\'s thread.',
  tag: 'Webhooks',
  auth: 'public',
  permission: 'public',
  params: siteIdParams,
  body: emailBody,
  response: z.object({ contactId: z.uuid(), stored: z.boolean().describe('false: this messageId was received before') }),
  handler: async ({ ctx, raw, body }) => {
    const site = hookSiteOf(raw);
    const { contact } = await findOrCreateContact(ctx, site.id, { email: body.from });
    const externalId = body.messageId ?? `sha256:${createHash('sha256').update(raw.rawBody ?? '').digest('hex')}`;
    const stored = await recordInbound(ctx, {
      siteId: site.id,
      contactId: contact.id,
      channel: 'email',
      sender: body.from,
      subject: body.subject ?? null,
      text: body.text,
      html: body.html ?? null,
      externalId,
    });
    return { contactId: contact.id, stored: stored !== null };
  },
});
