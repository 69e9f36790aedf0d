import { z } from 'zod';
import { emailField, phoneField, subdomainField } from './fields.ts';

const MINUTE = 60;
const DAY = 24 * 3600;

/** How long a learner link may live: the site's default and any one send's choice alike. */
export const learnerLinkLifetimeField = z
  .number()
  .int()
  .min(5 * MINUTE, 'must be at least 300 seconds (5 minutes)')
  .max(30 * DAY, 'must be at most 2592000 seconds (30 days)');

/** How often a link may log in: null = unlimited, 1 = single use. */
export const linkMaxUsesField = z.number().int().min(1, 'must be at least 1, or null for unlimited').max(1000).nullable();

/** A send's own learner-link policy (a "48-hour offer" email and a "welcome" email differ), within the site's bounds. */
export const messageLinkPolicyField = z
  .strictObject({
    lifetimeSeconds: learnerLinkLifetimeField.optional().describe("Learner links' lifetime for this send; default the site's."),
    maxUses: linkMaxUsesField.optional().describe("Uses per learner link for this send (null = unlimited); default the site's."),
    shortLinks: z
      .boolean()
      .optional()
      .describe('Send learner links as short links ({member site}/l/{code}); default on for SMS, off for email.'),
  })
  .describe("This send's learner-link policy, within the site's bounds; omitted fields take the site's.");

export const linkPolicyInput = z
  .object({
    learnerLinkTtlSeconds: learnerLinkLifetimeField,
    userLinkTtlSeconds: z
      .number()
      .int()
      .min(MINUTE, 'must be at least 60 seconds')
      .max(DAY, 'must be at most 86400 seconds (1 day); staff links should be short-lived'),
    maxUses: linkMaxUsesField,
  })
  .partial();

const titleField = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

/** Site Details as a caller writes them; empty strings clear optional fields. */
const siteDetails = {
  subdomain: subdomainField.nullable(),
  supportEmail: emailField.nullable(),
  supportPhone: phoneField.nullable(),
  postalAddress: z.string().trim().max(300, 'must be at most 300 characters').nullable(),
  linkPolicy: linkPolicyInput,
};

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const createSiteBody = z.strictObject({
  title: titleField,
  subdomain: z.preprocess(emptyToNull, siteDetails.subdomain).optional(),
  supportEmail: z.preprocess(emptyToNull, siteDetails.supportEmail).optional(),
  supportPhone: z.preprocess(emptyToNull, siteDetails.supportPhone).optional(),
  postalAddress: z.preprocess(emptyToNull, siteDetails.postalAddress).optional(),
  linkPolicy: siteDetails.linkPolicy.optional(),
});

export const updateSiteBody = createSiteBody.partial();

export const siteResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  subdomain: z.string().nullable(),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable().describe('E.164'),
  postalAddress: z.string().nullable().describe('Shown in email footers as {{site.postal_address}}; lines separated by newlines'),
  linkPolicy: z.object({
    learnerLinkTtlSeconds: z.number(),
    userLinkTtlSeconds: z.number(),
    maxUses: z.number().nullable(),
  }),
  detailsComplete: z.boolean(),
  missingDetails: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const siteIdParams = z.object({ siteId: z.string() });

/** One link the "Generate Magic Link" button describes: no live token, ever. */
export const linkDescriptionResponse = z.object({
  kind: z.enum(['learner', 'user']),
  destination: z.string(),
  label: z.string(),
  customValue: z.string().describe('Paste into a template; resolved per recipient when sent.'),
  urlShape: z.string().describe('What the link looks like once sent.'),
  plainUrl: z.string().describe('The same URL without the token: asks for a manual login.'),
});

export const siteMagicLinksResponse = z.object({
  learnerLink: linkDescriptionResponse,
  userLink: linkDescriptionResponse,
  plainUrl: z.string(),
  destinations: z.array(linkDescriptionResponse),
});
