/**
 * Checks a composer document before it is stored or sent. src/template knows the document schema
 * and reports issues with paths; this turns the first into a 400 naming the field (with every
 * issue listed), e.g. field `content.body.content[0].content[1]`. Messages are the author's words
 * ("Add a subject"), never the path: apps show them beside the field or block the path points at.
 */
import type { CustomValue } from '../../src/template/index.ts';
import { channelModule } from '../channels/registry.ts';
import { ApiError } from '../http/api-error.ts';

import type { Channel, ChannelContent } from '../../src/template/channel.ts';

export type { Channel };

/** `for: 'preview'` lets through what still renders (issue.previewable): the preview shows the message. */
export function assertValidContent(
  channel: Channel,
  content: unknown,
  catalog: readonly CustomValue[],
  field: string,
  options: { for: 'store' | 'preview' } = { for: 'store' },
): ChannelContent {
  const issues = channelModule(channel)
    .validateContent(content, catalog)
    .filter((issue) => options.for === 'store' || !issue.previewable);
  if (issues.length > 0) {
    const listed = issues.map((issue) => ({
      field: issue.path ? `${field}.${issue.path}` : field,
      message: issue.message,
      ...(issue.key && { key: issue.key }),
    }));
    const first = listed[0];
    throw new ApiError(400, 'invalid_template', first.message, first.field, { issues: listed });
  }
  return { channel, content } as ChannelContent;
}
