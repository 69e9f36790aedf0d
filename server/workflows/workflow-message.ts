/**
 * A workflow's send step as a message of the send pipeline (server/messages): one message with one
 * recipient, created by messages' createMessage inside the transaction that records the step (so a
 * retried step never sends twice), with the grant's offer as `{{offer.*}}` and `workflow:<id>` as
 * its sender.
 */
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { createMessage } from '../messages/message-service.ts';
import type { Site } from '../sites/site-repository.ts';
import type { MessageLinkPolicy } from '../links/link-policy.ts';
import { compiledTemplate, type MessageTemplate } from '../templates/template-service.ts';

export interface ContactMessage {
  messageId: string;
  site: Site;
  template: MessageTemplate;
  contactId: string;
  offerId: string;
  sentBy: string;
  /** The step's own learner-link policy, if it chose one. */
  linkPolicy?: MessageLinkPolicy;
}

/** Why a message can't be sent however often it is retried (recorded as the step's failure). */
export async function unsendableReason(site: Site, template: MessageTemplate): Promise<string | null> {
  const compiled = await compiledTemplate(template);
  if (compiled.carriesLearnerLink && !site.subdomain) return 'the site needs a subdomain before it can send magic links';
  return null;
}

export async function insertContactMessage(ctx: AppContext, tx: Tx, m: ContactMessage): Promise<void> {
  await createMessage(ctx, {
    tx,
    messageId: m.messageId,
    site: m.site,
    body: { channel: m.template.channel, templateId: m.template.id, recipients: { contactIds: [m.contactId] }, linkPolicy: m.linkPolicy },
    offerId: m.offerId,
    sentBy: m.sentBy,
  });
}
