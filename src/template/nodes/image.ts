import { stringAttr, type DocNode } from '../document';
import type { NodeSerializer } from '../serializer';
import { concat, type Fragment } from '../template-fragments';
import { attrWithValues, hrefAttribute, hrefWithValues, plainWithValues } from '../value-fragments';
import { isWholeNumberIn } from '../whole-number';
import { ALIGN_MARGIN, alignOf } from './alignment';

/** Widths an author may choose, in CSS pixels (the email is 600 wide); none means the column's width. */
export const IMAGE_WIDTH = { min: 40, max: 600 } as const;

/** The stored width when it is a whole number in range, else null: as wide as its column. */
export function imageWidth(node: DocNode): number | null {
  const width = node.attrs?.width;
  return isWholeNumberIn(width, IMAGE_WIDTH) ? width : null;
}

/** The link around the image, when it has one that can be safe. */
function linkOf(node: DocNode): string {
  const href = stringAttr(node, 'href').trim();
  return href && hrefWithValues(href, 'url') ? href : '';
}

/** `<img …>` and `<mj-image …>` share their attributes. An image that can never be safe is left out. */
function imageElement(node: DocNode, tag: string, tail: Fragment): Fragment {
  const src = hrefWithValues(stringAttr(node, 'src'), 'url');
  if (!src) return '';
  const title = stringAttr(node, 'title');
  return concat(
    `<${tag} src="`, src,
    '" alt="', attrWithValues(stringAttr(node, 'alt')), '"',
    title ? concat(' title="', attrWithValues(title), '"') : '',
    tail,
  );
}

export const image: NodeSerializer = {
  // Inside a quote or a list: a plain <img>, placed by its margins, in its link when it has one.
  html(node) {
    const width = imageWidth(node);
    const img = imageElement(
      node,
      'img',
      concat(
        width ? ` width="${width}"` : '',
        ` style="display:block;margin:${ALIGN_MARGIN[alignOf(node)]};max-width:100%;height:auto;border:0" />`,
      ),
    );
    const href = linkOf(node);
    return href && img ? concat('<a href="', hrefAttribute(href), '" target="_blank">', img, '</a>') : img;
  },
  // Only what differs from mj-image's defaults (full width, centred, no link) is written.
  mjml(node) {
    const width = imageWidth(node);
    const align = alignOf(node);
    const href = linkOf(node);
    return imageElement(
      node,
      'mj-image',
      concat(
        width ? ` width="${width}px"` : '',
        align === 'center' ? '' : ` align="${align}"`,
        href ? concat(' href="', hrefAttribute(href), '" target="_blank"') : '',
        ' />',
      ),
    );
  },
  text(node, ctx) {
    const alt = stringAttr(node, 'alt');
    const label = alt ? concat('[', plainWithValues(alt, ctx.slotContext), ']') : '';
    const href = linkOf(node);
    const url = href ? hrefWithValues(href, ctx.slotContext) : null;
    return url ? concat(label || '[Image]', ': ', url) : label;
  },
};
