/**
 * A document compiled for sending: the expensive work done once per template version (MJML,
 * slot layout, which magic links it carries); rendering per recipient only fills slots.
 */
import { magicLinkTarget, type TextTemplate } from '../../src/template/index.ts';
import { addVisibleLinkKeys, hasRegions, type RecipientFacts } from '../../src/template/regions.ts';
import type { Channel, ChannelContent } from '../../src/template/channel.ts';
import { channelModule } from '../channels/registry.ts';
import { magicLinkKeysOf } from './recipient-values.ts';

interface CompiledParts {
  /** Distinct magic-link keys written outside any repeat (in a Show if… too): one token each per recipient who gets it. */
  linkKeys: string[];
  /** Whether a learner link may be in it (a repeat's item links are): recipients then need an active offer. */
  carriesLearnerLink: boolean;
  /** Whether parts are decided per recipient (Show if…, repeats): the fill then needs their `RecipientFacts`. */
  hasRegions: boolean;
}

export interface CompiledMessage extends CompiledParts {
  channel: Channel;
  /** The channel module's compiled form: only that module reads it (`fill`, `templatesOf`, `sendWarnings`). */
  form: unknown;
}

function templatesOf(compiled: CompiledMessage): TextTemplate[] {
  return channelModule(compiled.channel).templatesOf(compiled.form);
}

function linkParts(templates: TextTemplate[]): CompiledParts {
  const linkKeys = magicLinkKeysOf(templates);
  const regions = templates.some(hasRegions);
  const repeats = templates.some((t) => t.slots.some((slot) => slot.region?.kind === 'repeat'));
  return {
    linkKeys,
    carriesLearnerLink: repeats || linkKeys.some((key) => magicLinkTarget(key)?.kind === 'learner'),
    hasRegions: regions,
  };
}

/**
 * The magic links this recipient actually receives: those in the parts shown to them, and one per
 * item of each repeat. Only these are minted (a hidden link is never a live token).
 */
export function recipientLinkKeys(compiled: CompiledMessage, facts: RecipientFacts): string[] {
  if (!compiled.hasRegions) return compiled.linkKeys;
  const keys = new Set<string>();
  for (const template of templatesOf(compiled)) addVisibleLinkKeys(template, facts, keys);
  return [...keys];
}

/** Whether this recipient's copy carries a learner link (they then need an active offer). */
export function receivesLearnerLink(keys: readonly string[]): boolean {
  return keys.some((key) => magicLinkTarget(key)?.kind === 'learner');
}

/** What the author is warned of before sending it (empty when nothing). */
export function sendWarnings(compiled: CompiledMessage): string[] {
  return channelModule(compiled.channel).sendWarnings(compiled.form);
}

export async function compileMessage(message: ChannelContent): Promise<CompiledMessage> {
  const module = channelModule(message.channel);
  const form = await module.compile(message.content);
  return { channel: message.channel, form, ...linkParts(module.templatesOf(form)) };
}
