import type { NodeSerializer } from '../serializer';
import { concat, isEmptyTemplate, join, prefixLines } from '../template-fragments';

const STYLE = 'margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid #d0d5dd;color:#52606d';

export const blockquote: NodeSerializer = {
  html: (node, ctx) => concat(`<blockquote style="${STYLE}">`, ctx.blocks(node), '</blockquote>'),
  text: (node, ctx) =>
    prefixLines(join(ctx.blocks(node).filter((block) => !isEmptyTemplate(block)), '\n'), '> ', '> '),
};
