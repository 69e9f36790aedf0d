import { posToDOMRect } from '@tiptap/react';
import type { EditorView } from '@tiptap/pm/view';
import type { CSSProperties } from 'react';

const GAP = 8;

/**
 * Where a menu of `menuSize` goes for the selection `from`–`to`: centred above it, or below it when
 * the viewport has no room above, and never past the viewport's sides. Fixed, so any scrolling
 * container works; without layout (rects of zero) it sits at the top left, still visible.
 */
export function bubblePosition(view: EditorView, from: number, to: number, menuSize: { width: number; height: number }): CSSProperties {
  const target = posToDOMRect(view, from, to);
  const above = target.top - GAP - menuSize.height;
  const top = above >= 0 ? above : target.bottom + GAP;
  const centred = target.left + target.width / 2 - menuSize.width / 2;
  const left = Math.max(GAP, Math.min(centred, window.innerWidth - menuSize.width - GAP));
  return { position: 'fixed', top, left };
}
