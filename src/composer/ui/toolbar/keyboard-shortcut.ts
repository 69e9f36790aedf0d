/**
 * Keyboard shortcuts as Tiptap writes them (`Mod-Shift-8`), shown the way the platform does: `⌘⇧8`
 * on Apple devices, `Ctrl+Shift+8` elsewhere. `aria-keyshortcuts` wants its own spelling.
 */
const isApple = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

const APPLE_KEYS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };

export function shortcutLabel(shortcut: string): string {
  const keys = shortcut.split('-');
  return isApple() ? keys.map((key) => APPLE_KEYS[key] ?? key).join('') : keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
}

export function ariaKeyShortcut(shortcut: string): string {
  return shortcut
    .split('-')
    .map((key) => (key === 'Mod' ? (isApple() ? 'Meta' : 'Control') : key))
    .join('+');
}
