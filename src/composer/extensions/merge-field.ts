import { InputRule, mergeAttributes, Node, nodePasteRule } from '@tiptap/react';
import { formatCustomValue, parseCustomValueTokens } from '../../template';
import type { FieldDescription } from '../merge-field/describe-field';
import { mergeFieldChipText } from '../merge-field/describe-field';

export interface MergeFieldAttributes {
  key: string;
  /** Shown when the contact has no value, e.g. "there" in "Hi {{first_name}}". */
  fallback: string | null;
}

export interface MergeFieldOptions {
  /** The chip's label for a key. The catalog lives in the composer store, so it is looked up late. */
  describe: (key: string) => FieldDescription;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    mergeField: {
      insertMergeField: (attributes: { key: string; fallback?: string | null }) => ReturnType;
      /** Sets the fallback of the selected field; an empty string removes it. */
      setMergeFieldFallback: (fallback: string) => ReturnType;
    };
  }
}

/** Each custom value in `text` as an input/paste-rule match whose data are the chip's attributes. */
function customValueMatches(text: string) {
  return parseCustomValueTokens(text).flatMap((token) =>
    token.type === 'value'
      ? [{ index: token.start, text: text.slice(token.start, token.end), data: { key: token.key, fallback: token.fallback ?? null } }]
      : [],
  );
}

/**
 * A custom value such as the contact's first name: an inline atom the user moves and deletes as one
 * character, shown as a chip ("First name · there"). Plain-text conversions (getText, SMS, subject
 * lines) get its template token through renderText.
 */
export const MergeField = Node.create<MergeFieldOptions>({
  name: 'mergeField',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { describe: (key: string) => ({ label: key, known: false }) };
  },

  addAttributes() {
    return {
      key: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-merge-field') ?? '',
        renderHTML: (attributes) => ({ 'data-merge-field': attributes.key }),
      },
      fallback: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-fallback') || null,
        renderHTML: (attributes) => (attributes.fallback ? { 'data-fallback': attributes.fallback } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-merge-field]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { key, fallback } = node.attrs as MergeFieldAttributes;
    const { label, known } = this.options.describe(key);
    const className = known ? 'ml-merge-field' : 'ml-merge-field ml-merge-field--unknown';
    return ['span', mergeAttributes(HTMLAttributes, { class: className }), mergeFieldChipText(label, fallback)];
  },

  renderText({ node }) {
    const { key, fallback } = node.attrs as MergeFieldAttributes;
    return formatCustomValue(key, fallback ?? undefined);
  },

  // Typing or pasting the token itself (`{{contact.first_name}}`) makes the chip, with the same
  // parser the compiler uses, so what becomes a chip is exactly what would have been a custom value.
  addInputRules() {
    return [
      new InputRule({
        // Only a token the keystroke just completed, i.e. one ending where the caret is.
        find: (text) => customValueMatches(text).find((match) => match.index + match.text.length === text.length) ?? null,
        handler: ({ state, range, match }) => {
          state.tr.replaceWith(range.from, range.to, this.type.create(match.data));
        },
      }),
    ];
  },

  addPasteRules() {
    return [
      nodePasteRule({
        type: this.type,
        find: customValueMatches,
        getAttributes: (match) => match.data ?? false,
      }),
    ];
  },

  addCommands() {
    return {
      insertMergeField:
        ({ key, fallback = null }) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { key, fallback } }),
      setMergeFieldFallback:
        (fallback) =>
        ({ commands, editor }) =>
          editor.isActive(this.name) && commands.updateAttributes(this.name, { fallback: fallback.trim() || null }),
    };
  },
});
