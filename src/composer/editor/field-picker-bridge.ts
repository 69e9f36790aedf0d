import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import type { CustomValue } from '../../template';
import type { MergeFieldSuggestionOptions } from '../extensions/merge-field-suggestion';
import type { ComposerStore } from '../store/composer-store';

/**
 * Routes the `{{` suggestion into the composer store, where React renders the list (FieldPicker).
 * The suggestion plugin keeps owning the query and the range; the store owns the highlight.
 */
export function fieldPickerRenderer(store: ComposerStore): MergeFieldSuggestionOptions['render'] {
  return () => {
    let owner: HTMLElement | null = null;

    const show = (props: SuggestionProps<CustomValue, CustomValue>) => {
      owner = props.editor.view.dom;
      store.getState().showFieldPicker({
        query: props.query,
        items: props.items,
        loading: props.loading,
        anchor: props.clientRect?.() ?? null,
        owner,
        choose: props.command,
      });
    };

    const onKeyDown = ({ event }: SuggestionKeyDownProps): boolean => {
      const state = store.getState();
      const highlighted = state.fieldPicker?.highlighted ?? 0;
      switch (event.key) {
        case 'ArrowDown':
          state.highlightField(highlighted + 1);
          return true;
        case 'ArrowUp':
          state.highlightField(highlighted - 1);
          return true;
        case 'Enter':
        case 'Tab':
          return state.chooseHighlightedField();
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
        // Another editor of this composer may have opened its picker since.
        if (store.getState().fieldPicker?.owner === owner) store.getState().hideFieldPicker();
        owner = null;
      },
    };
  };
}
