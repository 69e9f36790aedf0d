/** Magic links as the API answers about them: signing keys, a contact's links, the inspector, activity and per-message analytics. */
import { z } from 'zod';
import { channelField } from './template-schemas.ts';

export const linkKindField = z.enum(['learner', 'user']);

export const signingKeyResponse = z.object({
  kid: z.string(),
  algorithm: z.string(),
  status: z.enum(['active', 'verify', 'retired']),
  createdAt: z.date(),
  retiredAt: z.date().nullable(),
});

export const issuedLinkResponse = z.object({
  jti: z.string(),
  kind: linkKindField,
  subjectId: z.uuid(),
  destination: z.string(),
  issuedAt: z.date(),
  expiresAt: z.date(),
  maxUses: z.number().nullable(),
  uses: z.number(),
  revokedAt: z.date().nullable(),
  state: z.enum(['active', 'revoked', 'expired', 'used_up']).describe('As redemption would judge it now, "revoke all" included.'),
  channel: z.string(),
  sentBy: z.string(),
  messageId: z.uuid().nullable(),
});

export const contactLinksResponse = z.object({
  links: z.array(issuedLinkResponse),
  redemptions: z.array(z.object({ jti: z.string().nullable(), outcome: z.string(), at: z.date() })),
});

export const inspectionVerdictField = z.enum([
  'works',
  'plain_url',
  'preview',
  'not_this_site',
  'tampered',
  'key_retired',
  'wrong_kind',
  'expired',
  'revoked',
  'used_up',
  'unknown_link',
  'no_access',
  'no_content',
]);

export const linkInspectionResponse = z.object({
  verdict: inspectionVerdictField,
  reason: z.string().describe('One line: why it works or fails now.'),
  fix: z.string().describe('What support should do about it.'),
  link: z
    .object({
      jti: z.string(),
      kind: linkKindField,
      destination: z.string(),
      issuedAt: z.date(),
      expiresAt: z.date(),
      uses: z.number(),
      maxUses: z.number().nullable(),
      revoked: z.boolean(),
      channel: z.string(),
      sentBy: z.string(),
    })
    .optional(),
  contact: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).optional(),
  access: z.object({ offers: z.array(z.string()), unlocksDestination: z.boolean() }).optional(),
});

/** The inspector's answer names the pasted link masked: it never hands a live token back. */
export const inspectLinkResponse = linkInspectionResponse.extend({ url: z.string() });

export const linkActivityResponse = z.object({
  days: z.array(
    z.object({
      day: z.string().describe('YYYY-MM-DD, UTC.'),
      sent: z.number(),
      redeemed: z.number(),
      expired: z.number(),
      failed: z.number(),
    }),
  ),
  topFailures: z.array(z.object({ outcome: z.string(), count: z.number(), label: z.string(), fix: z.string() })),
});

/** What one message achieved: the route's response schema and the type of what server/links/message-analytics.ts returns. */
export const messageAnalyticsResponse = z.object({
  id: z.string(),
  sentAt: z.date(),
  channel: channelField,
  title: z.string().describe("The template's name, else the email subject, else the channel."),
  recipients: z.number(),
  delivered: z.number(),
  skipped: z.number(),
  failed: z.number(),
  membersLoggedIn: z.number().describe('distinct contacts who logged in with one of its links'),
  logins: z.number(),
  byLink: z
    .array(z.object({ destination: z.string(), logins: z.number(), members: z.number() }))
    .describe("Logins per link of the message, by its destination path ('' = member home)."),
  firstLoginSeconds: z
    .object({ median: z.number(), p90: z.number() })
    .nullable()
    .describe("Seconds from the send to each member's first login; null until someone logs in."),
  failures: z.array(z.object({ outcome: z.string(), count: z.number(), label: z.string() })),
});
