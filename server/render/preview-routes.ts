/** What one contact would receive, exactly as sent but with preview links that log no one in. */
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireContact } from '../contacts/contact-service.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { invalidField } from '../http/api-error.ts';
import { requireOffer } from '../offers/offer-service.ts';
import type { Site } from '../sites/site-repository.ts';
import { siteIdParams } from '../sites/site-schemas.ts';
import { siteCatalog } from '../templates/site-catalog.ts';
import { assertValidContent } from '../templates/template-content.ts';
import { channelField, contentField } from '../templates/template-schemas.ts';
import { compiledTemplate, requireTemplate } from '../templates/template-service.ts';
import { memberAccess } from '../member/member-access.ts';
import { compileMessage, recipientLinkKeys, type CompiledMessage } from './compiled-message.ts';
import { recipientFacts } from './recipient-facts.ts';
import { previewLinks } from './preview-links.ts';
import { recipientValueSource, type RecipientContext } from './recipient-values.ts';
import { renderMessage, smsSegments } from './render-message.ts';
import { sampleAccess, sampleRecipient } from './sample-recipient.ts';

const previewBody = z
  .object({
    document: contentField.optional(),
    templateId: z.uuid().optional(),
    channel: channelField.optional().describe('Required with `document`; defaults to the template\'s channel.'),
    contactId: z
      .uuid()
      .nullable()
      .optional()
      .describe(
        'The contact to render for (their offers, custom fields and unlocked items decide Show if… and repeat blocks); null or absent renders with the catalog\'s sample values ("Use sample data"), as someone holding every offer of the site.',
      ),
    offerId: z.uuid().optional().describe('Fills {{offer.title}} as a workflow for this offer would.'),
  })
  .refine((b) => (b.document === undefined) !== (b.templateId === undefined), {
    message: 'give either a document or a templateId',
    path: ['document'],
  })
  .refine((b) => b.templateId !== undefined || b.channel !== undefined, { message: 'required with a document', path: ['channel'] });

const previewResponse = z.object({
  channel: channelField,
  subject: z.string().optional(),
  html: z.string().optional(),
  text: z.string(),
  segments: z.object({ encoding: z.string(), units: z.number(), segments: z.number() }).optional(),
});

async function compiledFor(ctx: AppContext, site: Site, body: z.output<typeof previewBody>): Promise<CompiledMessage> {
  if (body.templateId) {
    const template = await requireTemplate(ctx.db, site.id, body.templateId);
    if (body.channel && body.channel !== template.channel) {
      throw invalidField('channel', `the template is an ${template.channel} template`);
    }
    return compiledTemplate(template);
  }
  const catalog = await siteCatalog(ctx.db, site.id, 'workflow');
  return compileMessage(assertValidContent(body.channel!, body.document, catalog, 'document'));
}

export const previewRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/preview',
    summary:
      'Render a document or template for one contact, or with sample values when no contact is given: subject, HTML and text (or SMS text with its segment count). Magic links carry token=preview, which logs no one in.',
    tag: 'Messages',
    auth: 'site',
    permission: 'preview',
    params: siteIdParams,
    body: previewBody,
    response: previewResponse,
    handler: async ({ ctx, site, body }) => {
      const offer = body.offerId ? await requireOffer(ctx.db, site.id, body.offerId) : undefined;
      const recipient: RecipientContext = body.contactId
        ? { site, contact: await requireContact(ctx.db, site.id, body.contactId), offer }
        : sampleRecipient(site, await siteCatalog(ctx.db, site.id, 'workflow'), offer);
      const compiled = await compiledFor(ctx, site, body);
      // Show if… and repeats decide for this contact exactly as the send will.
      const access = body.contactId ? await memberAccess(ctx.db, site.id, recipient.contact.id) : await sampleAccess(ctx.db, site.id);
      const facts = recipientFacts(recipient.contact, access);
      const links = previewLinks(ctx.config, site, recipientLinkKeys(compiled, facts));
      const rendered = renderMessage(compiled, recipientValueSource(ctx.config, recipient, links), facts);
      if (rendered.channel === 'sms') {
        const { encoding, units, segments } = smsSegments(rendered.text);
        return { channel: 'sms', text: rendered.text, segments: { encoding, units, segments } };
      }
      return rendered;
    },
  }),
];
