/** What one contact would receive, exactly as sent but with preview links that log no one in. */
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireContact } from '../contacts/contact-service.ts';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { invalidField } from '../http/api-error.ts';
import { requireOffer } from '../offers/offer-service.ts';
import type { Site } from '../sites/site-repository.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { siteCatalog } from './site-catalog.ts';
import { assertValidContent } from './template-content.ts';
import { previewBody, previewResponse } from '../../src/contract/template-schemas.ts';
import { compiledTemplate, requireTemplate } from './template-service.ts';
import { memberAccess } from '../offers/member-access.ts';
import { compileMessage, recipientLinkKeys, type CompiledMessage } from '../render/compiled-message.ts';
import { recipientFacts } from '../render/recipient-facts.ts';
import { previewLinks } from '../render/preview-links.ts';
import { shortLinksFor } from '../channels/short-links-for.ts';
import { recipientValueSource, type RecipientContext } from '../render/recipient-values.ts';
import { previewUnsubscribeUrl } from '../delivery/unsubscribe-token.ts';
import { previewOf, renderMessage } from '../render/render-message.ts';
import { sampleAccess, sampleRecipient } from '../render/sample-recipient.ts';

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
      'Render a document or template for one contact, or with sample values when no contact is given: subject, HTML and text (or SMS text with its segment count). Magic links carry token=preview (SMS: a preview short link of the real length), which logs no one in.',
    tag: 'Messages',
    auth: 'site',
    permission: 'preview',
    params: siteIdParams,
    body: previewBody,
    response: previewResponse,
    handler: async ({ ctx, site, body }) => {
      const offer = body.offerId ? await requireOffer(ctx.db, site.id, body.offerId) : undefined;
      const recipient: RecipientContext = {
        ...(body.contactId
          ? { site, contact: await requireContact(ctx.db, site.id, body.contactId), offer }
          : sampleRecipient(site, await siteCatalog(ctx.db, site.id, 'workflow'), offer)),
        // Like token=preview on magic links: an address that looks real and unsubscribes no one.
        unsubscribeUrl: previewUnsubscribeUrl(ctx.config),
      };
      const compiled = await compiledFor(ctx, site, body);
      // Show if… and repeats decide for this contact exactly as the send will.
      const access = body.contactId ? await memberAccess(ctx.db, site.id, recipient.contact.id) : await sampleAccess(ctx.db, site.id);
      const facts = recipientFacts(recipient.contact, access);
      // Links as the channel sends them by default (short for SMS), so the text has its real length.
      const links = previewLinks(ctx.config, site, recipientLinkKeys(compiled, facts), { shortLinks: shortLinksFor(compiled.channel, null) });
      return previewOf(renderMessage(compiled, recipientValueSource(ctx.config, recipient, links), facts));
    },
  }),
];
