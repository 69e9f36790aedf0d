import type { DocNode } from '../document';
import type { NodeSerializer } from '../serializer';
import { isWholeNumberIn } from '../whole-number';

/** Heights an author may choose, in CSS pixels; validation names the range. */
export const SPACER_HEIGHT = { min: 8, max: 160, default: 32 } as const;

/** The stored height when it is a whole number in range, else the default (stored JSON is not trusted). */
export function spacerHeight(node: DocNode): number {
  const height = node.attrs?.height;
  return isWholeNumberIn(height, SPACER_HEIGHT) ? height : SPACER_HEIGHT.default;
}

/** Empty vertical space. Plain text has blank lines between blocks already, so it adds nothing there. */
export const spacer: NodeSerializer = {
  mjml: (node) => `<mj-spacer height="${spacerHeight(node)}px" />`,
  // Outlook ignores the height of an empty div; a line box of that height with a hair space holds it.
  html: (node) => {
    const height = spacerHeight(node);
    return `<div style="height:${height}px;line-height:${height}px;font-size:1px">&#8202;</div>`;
  },
  text: () => '',
};
