import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { classNames } from '../class-names';

export interface ToolbarButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** Accessible name and tooltip. */
  label: string;
  /** For toggles: rendered as aria-pressed. Leave undefined for plain actions. */
  pressed?: boolean;
}

/** Every toolbar control's button: labelled, keyboard-reachable, and it leaves the editor's selection alone. */
export const ToolbarButton = forwardRef<HTMLButtonElement, ToolbarButtonProps>(function ToolbarButton(
  { label, pressed, className, children, onMouseDown, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      className={classNames('ml-toolbar-button', pressed && 'ml-toolbar-button--pressed', className)}
      // A mouse press would otherwise move focus out of the editor and collapse its selection.
      onMouseDown={(event) => {
        event.preventDefault();
        onMouseDown?.(event);
      }}
      {...rest}
    >
      {children ?? label}
    </button>
  );
});
