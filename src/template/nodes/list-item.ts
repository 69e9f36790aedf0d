import type { NodeSerializer } from '../serializer';
import { concat, isEmptyTemplate, join } from '../template-fragments';

/** Its plain-text marker and indentation come from the list (see `list.ts`). */
export const listItem: NodeSerializer = {
  html: (node, ctx) => concat('<li>', ctx.blocks(node), '</li>'),
  text: (node, ctx) => join(ctx.blocks(node).filter((block) => !isEmptyTemplate(block)), '\n'),
};
