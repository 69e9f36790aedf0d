/**
 * A message rendered for one contact (or with sample values) exactly as it would be sent, but with
 * preview links (token=preview, the preview short code) and the preview unsubscribe address: no
 * token is minted, and nothing in it logs anyone in or unsubscribes anyone. The preview and the
 * staff member's test send both render this way.
 */
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireContact } from '../contacts/contact-service.ts';
import { invalidField } from '../http/api-error.ts';
import { requireOffer } from '../offers/offer-service.ts';
import { memberAccess } from '../offers/member-access.ts';
import type { Site } from '../sites/site-repository.ts';
import { previewUnsubscribeUrl } from '../delivery/unsubscribe-token.ts';
import { shortLinksFor } from '../channels/short-links-for.ts';
import { compileMessage, recipientLinkKeys, type CompiledMessage } from '../render/compiled-message.ts';
import { previewLinks } from '../render/preview-links.ts';
import { recipientFacts } from '../render/recipient-facts.ts';
import { recipientValueSource, type RecipientContext } from '../render/recipient-values.ts';
import { renderMessage, type RenderedMessage } from '../render/render-message.ts';
import { sampleAccess, sampleRecipient } from '../render/sample-recipient.ts';
import type { previewBody } from '../../src/contract/template-schemas.ts';
import { siteCatalog } from './site-catalog.ts';
import { assertValidContent } from './template-content.ts';
import { compiledTemplate, requireTemplate } from './template-service.ts';

export type PreviewRequest = z.output<typeof previewBody>;

async function compiledFor(ctx: AppContext, site: Site, body: PreviewRequest): Promise<{ compiled: CompiledMessage; templateName: string | null }> {
  if (body.templateId) {
    const template = await requireTemplate(ctx.db, site.id, body.templateId);
    if (body.channel && body.channel !== template.channel) {
      throw invalidField('channel', `the template is an ${template.channel} template`);
    }
    return { compiled: await compiledTemplate(template), templateName: template.name };
  }
  const catalog = await siteCatalog(ctx.db, site.id, 'workflow');
  return { compiled: await compileMessage(assertValidContent(body.channel!, body.document, catalog, 'document', { for: 'preview' })), templateName: null };
}

export interface RenderedPreview {
  rendered: RenderedMessage;
  recipient: RecipientContext;
  templateName: string | null;
}

export async function renderPreview(ctx: AppContext, site: Site, body: PreviewRequest): Promise<RenderedPreview> {
  const offer = body.offerId ? await requireOffer(ctx.db, site.id, body.offerId) : undefined;
  const recipient: RecipientContext = {
    ...(body.contactId
      ? { site, contact: await requireContact(ctx.db, site.id, body.contactId), offer }
      : sampleRecipient(site, await siteCatalog(ctx.db, site.id, 'workflow'), offer)),
    // Like token=preview on magic links: an address that looks real and unsubscribes no one.
    unsubscribeUrl: previewUnsubscribeUrl(ctx.config),
  };
  const { compiled, templateName } = await compiledFor(ctx, site, body);
  // Show if… and repeats decide for this contact exactly as the send will.
  const access = body.contactId ? await memberAccess(ctx.db, site.id, recipient.contact.id) : await sampleAccess(ctx.db, site.id);
  const facts = recipientFacts(recipient.contact, access);
  // Links as the channel sends them by default (short for SMS), so the text has its real length.
  const links = previewLinks(ctx.config, site, recipientLinkKeys(compiled, facts), { shortLinks: shortLinksFor(compiled.channel, null) });
  return { rendered: renderMessage(compiled, recipientValueSource(ctx.config, recipient, links), facts), recipient, templateName };
}
