import type { DocNode } from '../document';
import type { NodeSerializer } from '../serializer';
import { concat, mapLiterals } from '../template-fragments';
import { isWholeNumberIn } from '../whole-number';
import { textAlignStyle } from './alignment';

const FONT_SIZE_PX = [28, 24, 20, 18, 16, 14];

/** The levels a heading may have (h1 to h6); validation names the range. */
export const HEADING_LEVEL = { min: 1, max: 6 } as const;

function levelOf(node: DocNode): number {
  const level = node.attrs?.level;
  return isWholeNumberIn(level, HEADING_LEVEL) ? level : HEADING_LEVEL.min;
}

export const heading: NodeSerializer = {
  html(node, ctx) {
    const level = levelOf(node);
    const style = `margin:0 0 16px;font-size:${FONT_SIZE_PX[level - 1]}px;line-height:1.25${textAlignStyle(node)}`;
    return concat(`<h${level} style="${style}">`, ctx.inline(node), `</h${level}>`);
  },
  // Plain text has no type sizes: headings stand out in capitals (values keep their own case).
  text: (node, ctx) => mapLiterals(ctx.inline(node), (literal) => literal.toUpperCase()),
};
