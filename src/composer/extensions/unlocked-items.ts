import { Node } from '@tiptap/react';

/** What the block stores (the template package's `unlockedItems` node). */
export interface UnlockedItemsAttributes {
  list: 'courses' | 'communities';
  buttonLabel: string;
}

export const DEFAULT_UNLOCKED_ITEMS: UnlockedItemsAttributes = { list: 'courses', buttonLabel: 'Open' };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    unlockedItems: {
      insertUnlockedItems: (attributes: UnlockedItemsAttributes) => ReturnType;
    };
  }
}

const NOUN = { courses: 'course', communities: 'community' } as const;

/**
 * "For each unlocked course / community": one card per item the recipient can open, each with its
 * own magic link. The cards exist only per recipient, so the editor shows a placeholder card.
 */
export const UnlockedItems = Node.create({
  name: 'unlockedItems',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      list: {
        default: DEFAULT_UNLOCKED_ITEMS.list,
        parseHTML: (element: HTMLElement) => (element.getAttribute('data-list') === 'communities' ? 'communities' : 'courses'),
        renderHTML: (attributes: Record<string, string>) => ({ 'data-list': attributes.list }),
      },
      buttonLabel: {
        default: DEFAULT_UNLOCKED_ITEMS.buttonLabel,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-button-label') ?? DEFAULT_UNLOCKED_ITEMS.buttonLabel,
        renderHTML: (attributes: Record<string, string>) => ({ 'data-button-label': attributes.buttonLabel }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-unlocked-items]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { list, buttonLabel } = node.attrs as UnlockedItemsAttributes;
    return [
      'div',
      { ...HTMLAttributes, 'data-unlocked-items': '', class: 'ml-unlocked-items' },
      ['div', { class: 'ml-unlocked-items-label' }, `For each unlocked ${NOUN[list]}`],
      ['div', { class: 'ml-unlocked-items-card' }, ['strong', {}, `${NOUN[list][0].toUpperCase()}${NOUN[list].slice(1)} title`], ['span', {}, 'Its description'], ['span', { class: 'ml-button' }, buttonLabel]],
    ];
  },

  addCommands() {
    return {
      insertUnlockedItems:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: attributes }),
    };
  },
});
