import type { DocNode } from '../document';
import type { NodeSerializer, TextContext } from '../serializer';
import type { TextTemplate } from '../slots';
import { concat, isEmptyTemplate, join } from '../template-fragments';

/** An item's plain text: its non-empty blocks, one a line. The list (`list.ts`) adds the marker and indentation. */
export function listItemText(node: DocNode, ctx: TextContext): TextTemplate {
  return join(ctx.blocks(node).filter((block) => !isEmptyTemplate(block)), '\n');
}

export const listItem: NodeSerializer = {
  html: (node, ctx) => concat('<li>', ctx.blocks(node), '</li>'),
  text: listItemText,
};
