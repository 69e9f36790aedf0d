import { Extension } from '@tiptap/react';
import { PluginKey } from '@tiptap/pm/state';
import { exitSuggestion, Suggestion, type SuggestionOptions } from '@tiptap/suggestion';
import type { BlockCommand } from '../blocks/block-command';

export const slashCommandsKey = new PluginKey('slashCommands');

export interface SlashCommandsOptions {
  findCommands: (query: string) => BlockCommand[];
  /** Draws the menu; the composer routes it into its store so React renders the list. */
  render: SuggestionOptions<BlockCommand, BlockCommand>['render'];
}

/**
 * Typing `/` at the start of a paragraph or after a space opens the block menu; what follows filters
 * it; choosing an entry removes `/query` and runs the entry (inserts the block, or opens its form).
 */
export const SlashCommands = Extension.create<SlashCommandsOptions>({
  name: 'slashCommands',

  addOptions() {
    return { findCommands: () => [], render: undefined };
  },

  addProseMirrorPlugins() {
    return [
      Suggestion<BlockCommand, BlockCommand>({
        editor: this.editor,
        pluginKey: slashCommandsKey,
        char: '/',
        // The default: after a space or at the start of the text, so "and/or" and URLs type as they are.
        allowedPrefixes: [' '],
        // Blocks go where a paragraph stands, not inside a heading or a code block.
        allow: ({ state, range }) => state.doc.resolve(range.from).parent.type.name === 'paragraph',
        items: ({ query }) => this.options.findCommands(query),
        command: ({ editor, range, props }) => {
          editor.chain().focus().deleteRange(range).run();
          props.run(editor);
        },
        render: this.options.render,
      }),
    ];
  },

  // A menu left open by an editor the user tabbed away from would take the next editor's keys.
  onBlur() {
    if (slashCommandsKey.getState(this.editor.state)?.active) exitSuggestion(this.editor.view, slashCommandsKey);
  },
});
