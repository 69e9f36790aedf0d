import type { SmsContent } from './document';
import { serializer } from './registry';
import type { TextTemplate } from './slots';
import { joinBlocks } from './regions';
import { isEmptyTemplate } from './template-fragments';

/**
 * An SMS body: one line per paragraph (an empty paragraph is a blank line the author wanted),
 * merge fields and magic links as their raw values, links as `text: URL` since SMS has no
 * hyperlinks. Leading and trailing empty paragraphs are dropped: they would only cost characters.
 */
export function compileSmsToText(content: SmsContent): TextTemplate {
  const lines = serializer.textContext('sms').blocks(content.body);
  let start = 0;
  let end = lines.length;
  while (start < end && isEmptyTemplate(lines[start])) start++;
  while (end > start && isEmptyTemplate(lines[end - 1])) end--;
  return joinBlocks(lines.slice(start, end), '\n');
}
