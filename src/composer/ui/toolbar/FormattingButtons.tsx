import { useEditorState, type Editor } from '@tiptap/react';
import type { FormattingAction } from './formatting-actions';
import { ToolbarButton } from './ToolbarButton';

/** A run of toolbar buttons; they re-render only when a pressed or enabled state changes (deep-equal selector). */
export function FormattingButtons({ editor, actions }: { editor: Editor; actions: readonly FormattingAction[] }) {
  const states = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      actions.map((action) => ({ enabled: action.canRun(current), pressed: action.isActive?.(current) })),
  });

  return (
    <>
      {actions.map((action, i) => (
        <ToolbarButton
          key={action.id}
          label={action.label}
          shortcut={action.shortcut}
          pressed={states[i].pressed}
          disabled={!states[i].enabled}
          onClick={() => action.run(editor)}
          icon={action.icon}
          className={`ml-toolbar-button--${action.id}`}
        />
      ))}
    </>
  );
}
