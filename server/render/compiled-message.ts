/**
 * A document compiled for sending: the expensive work done once per template version (MJML,
 * slot layout, which magic links it carries); rendering per recipient only fills slots.
 */
import { compileSmsToText, magicLinkTarget, type TextTemplate } from '../../src/template/index.ts';
import type { ChannelContent } from '../../src/template/channel.ts';
import { compileEmailTemplate, type CompiledEmail } from './compile-email.ts';
import { magicLinkKeysOf } from './recipient-values.ts';

interface CompiledParts {
  /** Distinct magic-link keys: one token each per recipient. */
  linkKeys: string[];
  /** Whether a learner link is in it: recipients then need an active offer. */
  carriesLearnerLink: boolean;
}

export type CompiledMessage =
  | (CompiledParts & { channel: 'email'; email: CompiledEmail })
  | (CompiledParts & { channel: 'sms'; sms: TextTemplate });

function linkParts(templates: TextTemplate[]): CompiledParts {
  const linkKeys = magicLinkKeysOf(templates);
  return { linkKeys, carriesLearnerLink: linkKeys.some((key) => magicLinkTarget(key)?.kind === 'learner') };
}

export async function compileMessage(message: ChannelContent): Promise<CompiledMessage> {
  if (message.channel === 'sms') {
    const sms = compileSmsToText(message.content);
    return { channel: 'sms', sms, ...linkParts([sms]) };
  }
  const email = await compileEmailTemplate(message.content);
  return { channel: 'email', email, ...linkParts([email.subject, email.html, email.text]) };
}
