import { Node } from '@tiptap/react';

/** What a Show if… block stores (the template package's `showIf` node): one rule, flat attributes. */
export interface ShowIfAttributes {
  condition: 'offer' | 'no_offer' | 'field';
  offerId: string;
  field: string;
  value: string;
}

export const DEFAULT_SHOW_IF: ShowIfAttributes = { condition: 'no_offer', offerId: '', field: '', value: '' };

export interface ShowIfOptions {
  /** The words on the block's label, e.g. "Show if the contact holds Piano plan". */
  describe: (attributes: ShowIfAttributes) => string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    showIf: {
      /** Wraps the selected blocks in a Show if…, or changes the rule of the one the cursor is in. */
      setShowIf: (attributes: ShowIfAttributes) => ReturnType;
      /** Keeps the blocks, drops the rule: everyone gets them again. */
      removeShowIf: () => ReturnType;
    };
  }
}

export function describeShowIf(attributes: ShowIfAttributes, offerTitle: (id: string) => string | undefined): string {
  switch (attributes.condition) {
    case 'offer':
      return `Show if the contact holds ${offerTitle(attributes.offerId) ?? 'an offer (pick one)'}`;
    case 'no_offer':
      return 'Show if the contact holds no offer';
    case 'field':
      return `Show if ${attributes.field || 'a custom field (pick one)'} is "${attributes.value}"`;
  }
}

const ATTRIBUTE_NAMES = ['condition', 'offerId', 'field', 'value'] as const;

/**
 * A section of blocks only some recipients get; the server decides per recipient at send time.
 * Drawn as a labelled frame; the label is not part of the document.
 */
export const ShowIf = Node.create<ShowIfOptions>({
  name: 'showIf',
  group: 'block',
  content: 'block+',
  defining: true,
  draggable: true,

  addOptions() {
    return { describe: (attributes) => describeShowIf(attributes, () => undefined) };
  },

  addAttributes() {
    return Object.fromEntries(
      ATTRIBUTE_NAMES.map((name) => [
        name,
        {
          default: DEFAULT_SHOW_IF[name],
          parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name === 'offerId' ? 'offer-id' : name}`) ?? DEFAULT_SHOW_IF[name],
          renderHTML: (attributes: Record<string, string>) => ({ [`data-${name === 'offerId' ? 'offer-id' : name}`]: attributes[name] }),
        },
      ]),
    );
  },

  parseHTML() {
    return [{ tag: 'section[data-show-if]', contentElement: '.ml-show-if-body' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'section',
      { ...HTMLAttributes, 'data-show-if': '', class: 'ml-show-if' },
      ['div', { class: 'ml-show-if-label', contenteditable: 'false' }, this.options.describe(node.attrs as ShowIfAttributes)],
      ['div', { class: 'ml-show-if-body' }, 0],
    ];
  },

  addCommands() {
    return {
      setShowIf:
        (attributes) =>
        ({ commands, editor }) =>
          editor.isActive(this.name) ? commands.updateAttributes(this.name, attributes) : commands.wrapIn(this.name, attributes),
      removeShowIf:
        () =>
        ({ commands }) =>
          commands.lift(this.name),
    };
  },
});
