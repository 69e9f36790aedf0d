import type { LucideIcon } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useComposerAction, useMenuRequest } from '../../store/hooks';
import { ToolbarButton } from './ToolbarButton';

interface ToolbarMenuProps {
  label: string;
  icon: LucideIcon;
  /** Extra class on the trigger button. */
  className?: string;
  /** Lets the rest of the composer open this menu (the `/` menu's Image…): see `requestMenu`. */
  menuId?: string;
  /** The panel's content. Actions that edit call `close` after focusing the editor themselves. */
  children: (close: () => void) => ReactNode;
}

/**
 * A toolbar button that opens a small non-modal panel (a list of fields, a form). Closes on Escape
 * (focus back on its button), on a press outside, when focus leaves it (Tab past its last control:
 * a panel left open would sit over the editor), or when its content calls `close`. Focus moves into
 * the panel on open.
 */
export function ToolbarMenu({ label, icon, className, menuId, children }: ToolbarMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const close = () => setOpen(false);

  const request = useMenuRequest();
  const requestMenu = useComposerAction('requestMenu');
  useEffect(() => {
    if (!menuId || request !== menuId) return;
    requestMenu(null);
    setOpen(true);
  }, [menuId, request, requestMenu]);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('input, select, button, [tabindex]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      className="ml-menu"
      ref={rootRef}
      onBlur={(event) => {
        // relatedTarget is null when focus goes nowhere in particular (a press on the page): the pointerdown rule covers that.
        const next = event.relatedTarget as Node | null;
        if (open && next && !rootRef.current?.contains(next)) close();
      }}
    >
      <ToolbarButton
        ref={triggerRef}
        label={label}
        icon={icon}
        className={className}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      />
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label={label}
          className="ml-menu-panel"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
            triggerRef.current?.focus();
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
