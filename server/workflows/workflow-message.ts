/**
 * A workflow's send step as a message of the send pipeline (server/messages): one message with one
 * recipient, sent by the same queue, renderer and transports as every other send, with the grant's
 * offer as `{{offer.*}}` and `workflow:<id>` as its sender.
 *
 * ADAPTER: messages' createMessage takes neither an offer for a contact audience nor a sender, and
 * runs its own transaction. A step must create its message in the transaction that records the
 * step (so a retried step never sends twice), so this writes the same row createMessage writes and
 * uses messages' own insertRecipients. It goes once createMessage accepts { tx, offerId, sentBy }.
 */
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { messages } from '../db/schema.ts';
import { insertRecipients } from '../messages/audience.ts';
import type { Site } from '../sites/site-repository.ts';
import type { MessageLinkPolicy } from '../links/link-policy.ts';
import { compiledTemplate, templateContent, type MessageTemplate } from '../templates/template-service.ts';

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
  const snapshot = templateContent(m.template);
  await tx.insert(messages).values({
    id: m.messageId,
    siteId: m.site.id,
    templateId: m.template.id,
    templateVersion: m.template.version,
    channel: snapshot.channel,
    content: snapshot.content as unknown as Record<string, unknown>,
    audience: { contactIds: [m.contactId] },
    offerId: m.offerId,
    linkPolicy: m.linkPolicy ?? null,
    sentBy: m.sentBy,
    total: 1,
    batches: 1,
    createdAt: ctx.now(),
  });
  await insertRecipients(tx, m.site.id, m.messageId, { contactIds: [m.contactId] }, ctx.config.delivery.batchSize);
}
