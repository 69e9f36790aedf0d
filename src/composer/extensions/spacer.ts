import { Node } from '@tiptap/react';
import { SPACER_HEIGHT } from '../../template/nodes/spacer';
import { isWholeNumberIn } from '../../template/whole-number';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    spacer: {
      /** Inserts empty space; a height outside the allowed range falls back to the default. */
      insertSpacer: (height?: number) => ReturnType;
    };
  }
}

function allowedHeight(value: unknown): number {
  const height = typeof value === 'string' ? Number(value) : value;
  return isWholeNumberIn(height, SPACER_HEIGHT) ? height : SPACER_HEIGHT.default;
}

/** Empty vertical space of a chosen height: an atom drawn as a dashed box, becomes `mj-spacer`. */
export const Spacer = Node.create({
  name: 'spacer',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      height: {
        default: SPACER_HEIGHT.default,
        parseHTML: (element) => allowedHeight(element.getAttribute('data-height')),
        renderHTML: (attrs) => ({ 'data-height': String(attrs.height), style: `height: ${allowedHeight(attrs.height)}px` }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-spacer]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', { 'data-spacer': '', class: 'ml-spacer', 'aria-label': 'Space', ...HTMLAttributes }];
  },

  addCommands() {
    return {
      insertSpacer:
        (height) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { height: allowedHeight(height) } }),
    };
  },
});
