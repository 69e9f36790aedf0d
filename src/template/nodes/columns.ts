import { childrenOf } from '../document';
import type { NodeSerializer } from '../serializer';
import { isEmptyTemplate, join } from '../template-fragments';

/** How many columns a row may have: more than three is unreadable on a 600px email. */
export const COLUMN_COUNT = { min: 2, max: 3 } as const;

/**
 * A row of 2 or 3 `column`s side by side; MJML stacks them on phones. At the top level it becomes
 * its own `mj-section` (see `sectionColumns`); validation refuses it anywhere else.
 */
export const columns: NodeSerializer = {
  sectionColumns: (node) => childrenOf(node),
  // Only reached for a misplaced row (validation reports it): its columns one after another.
  html: (node, ctx) => ctx.blocks(node),
  text: (node, ctx) => join(ctx.blocks(node).filter((block) => !isEmptyTemplate(block)), '\n\n'),
};

/** One column of a row: blocks, like the document itself. */
export const column: NodeSerializer = {
  html: (node, ctx) => ctx.blocks(node),
  text: (node, ctx) => join(ctx.blocks(node).filter((block) => !isEmptyTemplate(block)), '\n\n'),
};

