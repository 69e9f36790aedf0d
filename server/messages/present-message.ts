/** A send as the API shows it (messageResponse): its settings, counts and the status they give. */
import type { Message } from './message-service.ts';
import { statusOf, type MessageCounts } from './message-progress.ts';

export function presentMessage(message: Message, counts: MessageCounts) {
  return {
    id: message.id,
    channel: message.channel,
    templateId: message.templateId,
    templateVersion: message.templateVersion,
    status: statusOf(counts),
    counts,
    linkPolicy: message.linkPolicy ?? null,
    createdAt: message.createdAt,
  };
}
