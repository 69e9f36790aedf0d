/** Bullet and ordered lists differ only in their tag and their plain-text marker. */
import { childrenOf, type DocNode } from '../document';
import type { NodeSerializer } from '../serializer';
import { concat, join, prefixLines } from '../template-fragments';
import { listItemText } from './list-item';

interface ListKind {
  tag: 'ul' | 'ol';
  /** Extra attributes on the list element, e.g. ` start="3"`. */
  attributes(node: DocNode): string;
  marker(node: DocNode, index: number): string;
}

function listSerializer(kind: ListKind): NodeSerializer {
  return {
    html: (node, ctx) =>
      concat(
        `<${kind.tag}${kind.attributes(node)} style="margin:0 0 16px;padding:0 0 0 24px">`,
        ctx.blocks(node),
        `</${kind.tag}>`,
      ),
    text(node, ctx) {
      const items = childrenOf(node).map((item, index) => {
        const marker = kind.marker(node, index);
        return prefixLines(listItemText(item, ctx), marker, ' '.repeat(marker.length));
      });
      return join(items, '\n');
    },
  };
}

function startOf(node: DocNode): number {
  const start = node.attrs?.start;
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1;
}

export const bulletList = listSerializer({ tag: 'ul', attributes: () => '', marker: () => '- ' });

export const orderedList = listSerializer({
  tag: 'ol',
  attributes: (node) => (startOf(node) === 1 ? '' : ` start="${startOf(node)}"`),
  marker: (node, index) => `${startOf(node) + index}. `,
});
