import { Extension } from '@tiptap/react';
import { asAlignment, type Alignment } from '../../template/nodes/alignment';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    textAlign: {
      /** Aligns the paragraphs and headings in the selection; `left` clears the attribute (text reads from the left). */
      setTextAlign: (align: Alignment) => ReturnType;
    };
  }
}

/** The blocks whose lines an author aligns, and which keep no `align` attribute while it is unset. */
export const TEXT_ALIGN_TYPES = ['paragraph', 'heading'] as const;

/**
 * `align` on paragraphs and headings (the template renders it as `text-align`). Our own small
 * extension: @tiptap/extension-text-align is not among the packages, and this names the attribute
 * the way the document format does for images and buttons.
 */
export const TextAlign = Extension.create({
  name: 'textAlign',

  addGlobalAttributes() {
    return [
      {
        types: [...TEXT_ALIGN_TYPES],
        attributes: {
          align: {
            default: null,
            parseHTML: (element) => asAlignment(element.style.textAlign),
            renderHTML: (attrs) => {
              const align = asAlignment(attrs.align);
              return align ? { style: `text-align: ${align}` } : {};
            },
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setTextAlign:
        (align) =>
        ({ commands }) => {
          const value = align === 'left' ? null : asAlignment(align);
          return TEXT_ALIGN_TYPES.map((type) => commands.updateAttributes(type, { align: value })).some(Boolean);
        },
    };
  },

  // As in word processors: Ctrl/⌘+Shift+L, E, R.
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-l': () => this.editor.commands.setTextAlign('left'),
      'Mod-Shift-e': () => this.editor.commands.setTextAlign('center'),
      'Mod-Shift-r': () => this.editor.commands.setTextAlign('right'),
    };
  },
});
