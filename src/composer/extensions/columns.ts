import { Node } from '@tiptap/react';
import { COLUMN_COUNT } from '../../template/nodes/columns';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    columns: {
      /** Inserts a row of 2 or 3 empty columns; refused inside another column (an email cannot nest them). */
      insertColumns: (count: 2 | 3) => ReturnType;
    };
  }
}

/** One column of a row: any blocks. Isolating, so Backspace at its start does not merge it away. */
export const Column = Node.create({
  name: 'column',
  content: 'block+',
  isolating: true,
  defining: true,
  parseHTML: () => [{ tag: 'div[data-column]' }],
  renderHTML: () => ['div', { 'data-column': '', class: 'ml-column' }, 0],
});

/** A row of 2 or 3 columns side by side in the email, stacked on phones (`mj-section` / `mj-column`). */
export const Columns = Node.create({
  name: 'columns',
  group: 'block',
  content: `column{${COLUMN_COUNT.min},${COLUMN_COUNT.max}}`,
  isolating: true,
  draggable: true,
  parseHTML: () => [{ tag: 'div[data-columns]' }],
  renderHTML: () => ['div', { 'data-columns': '', class: 'ml-columns' }, 0],

  addCommands() {
    return {
      insertColumns:
        (count) =>
        ({ commands, state }) => {
          // Only from a block of the message itself (depth 1, or 0 for a selected block): a row inside a
          // quote, a list or another column has no email layout (validation refuses it too).
          if (state.selection.$from.depth > 1) return false;
          const column = { type: 'column', content: [{ type: 'paragraph' }] };
          return commands.insertContent({ type: this.name, content: Array.from({ length: count }, () => column) });
        },
    };
  },
});
