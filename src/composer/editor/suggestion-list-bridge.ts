import type { PluginKey } from '@tiptap/pm/state';
import { exitSuggestion, type SuggestionKeyDownProps, type SuggestionOptions, type SuggestionProps } from '@tiptap/suggestion';
import type { ComposerStore, SuggestionItems, SuggestionListName } from '../store/composer-store';

type ItemOf<K extends SuggestionListName> = SuggestionItems[K];

/**
 * Routes a suggestion (`{{` fields, `/` blocks) into the composer store, where React renders the
 * list (FieldPicker, BlockMenu). The suggestion plugin keeps owning the query and the range; the
 * store owns the highlight. `pluginKey` is the suggestion plugin's, so the list can end it.
 */
export function suggestionListRenderer<K extends SuggestionListName>(
  store: ComposerStore,
  name: K,
  pluginKey: PluginKey,
): SuggestionOptions<ItemOf<K>, ItemOf<K>>['render'] {
  return () => {
    let owner: HTMLElement | null = null;

    const show = (props: SuggestionProps<ItemOf<K>, ItemOf<K>>) => {
      const { view } = props.editor;
      owner = view.dom;
      store.getState().showSuggestions(name, {
        query: props.query,
        items: props.items,
        loading: props.loading,
        anchor: props.clientRect ?? null,
        owner,
        choose: props.command,
        dismiss: () => exitSuggestion(view, pluginKey),
      });
    };

    const onKeyDown = ({ event }: SuggestionKeyDownProps): boolean => {
      const state = store.getState();
      const highlighted = state[name]?.highlighted ?? 0;
      switch (event.key) {
        case 'ArrowDown':
          state.highlightSuggestion(name, highlighted + 1);
          return true;
        case 'ArrowUp':
          state.highlightSuggestion(name, highlighted - 1);
          return true;
        case 'Enter':
        case 'Tab':
          return state.chooseHighlightedSuggestion(name);
        case 'Escape':
          // The plugin exits the suggestion itself after this; onExit hides the list.
          return true;
        default:
          return false;
      }
    };

    return {
      onStart: show,
      onUpdate: show,
      onKeyDown,
      onExit: () => {
        // Another editor of this composer may have opened its list since.
        if (store.getState()[name]?.owner === owner) store.getState().hideSuggestions(name);
        owner = null;
      },
    };
  };
}
