/** The plain-text renderings: an email's text part and its subject line. */
import type { EmailContent } from './document';
import { serializer } from './registry';
import type { TextTemplate } from './slots';
import { joinBlocks } from './regions';
import { isEmptyTemplate } from './template-fragments';
import { singleLineWithValues } from './value-fragments';

/** Blocks separated by blank lines; links and buttons as `label: URL`; values raw (context `text`). */
export function compileEmailToText(content: EmailContent): TextTemplate {
  const blocks = serializer.textContext('text').blocks(content.body);
  return joinBlocks(blocks.filter((block) => !isEmptyTemplate(block)), '\n\n');
}

/** The subject header: one line whatever the author typed or a value holds. */
export function compileSubject(content: EmailContent): TextTemplate {
  return singleLineWithValues(typeof content.subject === 'string' ? content.subject.trim() : '');
}
