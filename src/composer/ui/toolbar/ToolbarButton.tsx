import type { LucideIcon } from 'lucide-react';
import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { classNames } from '../class-names';
import { ariaKeyShortcut, shortcutLabel } from './keyboard-shortcut';

export interface ToolbarButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** Accessible name and tooltip. */
  label: string;
  /** For toggles: rendered as aria-pressed. Leave undefined for plain actions. */
  pressed?: boolean;
  /** The keyboard shortcut doing the same, in Tiptap's spelling (`Mod-B`): named in the tooltip. */
  shortcut?: string;
  /** The button's face; hidden from assistive technology, which reads the label. */
  icon?: LucideIcon;
}

/** Toolbar icons at one size: 18 px in a 36 px target. */
export const ICON_SIZE = 18;

/** Every toolbar control's button: labelled, keyboard-reachable, and it leaves the editor's selection alone. */
export const ToolbarButton = forwardRef<HTMLButtonElement, ToolbarButtonProps>(function ToolbarButton(
  { label, pressed, shortcut, icon: Icon, className, children, onMouseDown, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcutLabel(shortcut)})` : label}
      aria-keyshortcuts={shortcut && ariaKeyShortcut(shortcut)}
      aria-pressed={pressed}
      className={classNames('ml-toolbar-button', pressed && 'ml-toolbar-button--pressed', className)}
      // A mouse press would otherwise move focus out of the editor and collapse its selection.
      onMouseDown={(event) => {
        event.preventDefault();
        onMouseDown?.(event);
      }}
      {...rest}
    >
      {children ?? (Icon ? <Icon aria-hidden="true" focusable="false" size={ICON_SIZE} /> : label)}
    </button>
  );
});
