/** Whether a send's learner links go out short: its own choice (link-policy.ts), else its channel's default. */
import type { Channel } from '../../src/template/channel.ts';
import type { MessageLinkPolicy } from '../links/link-policy.ts';
import { channelModule } from './registry.ts';

export function shortLinksFor(channel: Channel, policy: MessageLinkPolicy | null | undefined): boolean {
  return policy?.shortLinks ?? channelModule(channel).shortLinksByDefault;
}
