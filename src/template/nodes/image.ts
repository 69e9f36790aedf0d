import { stringAttr, type DocNode } from '../document';
import type { NodeSerializer } from '../serializer';
import { concat, type Fragment } from '../template-fragments';
import { attrWithValues, hrefWithValues, plainWithValues } from '../value-fragments';

/** `<img …>` and `<mj-image …>` share their attributes. An image that can never be safe is left out. */
function imageElement(node: DocNode, tag: string, tail: string): Fragment {
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
  html: (node) => imageElement(node, 'img', ' style="display:block;max-width:100%;height:auto;border:0" />'),
  mjml: (node) => imageElement(node, 'mj-image', ' />'),
  text(node, ctx) {
    const alt = stringAttr(node, 'alt');
    return alt ? concat('[', plainWithValues(alt, ctx.slotContext), ']') : '';
  },
};
