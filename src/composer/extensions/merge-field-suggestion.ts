import { Extension } from '@tiptap/react';
import { PluginKey } from '@tiptap/pm/state';
import { exitSuggestion, Suggestion, type SuggestionOptions } from '@tiptap/suggestion';
import type { CustomValue } from '../../template';

export const mergeFieldSuggestionKey = new PluginKey('mergeFieldSuggestion');

export interface MergeFieldSuggestionOptions {
  findFields: (query: string) => CustomValue[];
  /** Draws the picker; the composer routes it into its store so React renders the list. */
  render: SuggestionOptions<CustomValue, CustomValue>['render'];
}

/** Typing `{{` opens the field picker; choosing an entry replaces `{{query` with a merge-field chip. */
export const MergeFieldSuggestion = Extension.create<MergeFieldSuggestionOptions>({
  name: 'mergeFieldSuggestion',

  addOptions() {
    return { findFields: () => [], render: undefined };
  },

  addProseMirrorPlugins() {
    return [
      Suggestion<CustomValue, CustomValue>({
        editor: this.editor,
        pluginKey: mergeFieldSuggestionKey,
        char: '{{',
        // Fields are often glued to text ("Hi{{first_name}}"); the default only triggers after a space.
        allowedPrefixes: null,
        items: ({ query }) => this.options.findFields(query),
        command: ({ editor, range, props }) =>
          editor.chain().focus().insertContentAt(range, { type: 'mergeField', attrs: { key: props.key } }).run(),
        render: this.options.render,
      }),
    ];
  },

  // A picker left open by an editor the user tabbed away from would take the next editor's keys.
  onBlur() {
    if (mergeFieldSuggestionKey.getState(this.editor.state)?.active) exitSuggestion(this.editor.view, mergeFieldSuggestionKey);
  },
});
