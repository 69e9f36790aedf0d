/** Per recipient, at send time: fill the three compiled parts of an email. */
import type { RecipientFacts } from './regions';
import { fillTemplate, type SlotValueSource, type TextTemplate } from './slots';

export interface CompiledEmail {
  subject: TextTemplate;
  html: TextTemplate;
  text: TextTemplate;
  /** Problems found while compiling that did not stop it (e.g. a slot MJML dropped). */
  warnings: string[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * `valueOf` is called once per slot occurrence (a magic link used twice is asked for twice), so a
 * caller minting tokens decides whether each occurrence gets its own token.
 */
export function renderEmailForRecipient(compiled: CompiledEmail, valueOf: SlotValueSource, facts?: RecipientFacts): RenderedEmail {
  return {
    subject: fillTemplate(compiled.subject, valueOf, facts),
    html: fillTemplate(compiled.html, valueOf, facts),
    text: fillTemplate(compiled.text, valueOf, facts),
  };
}
