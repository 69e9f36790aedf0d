import { stringAttr, type DocNode } from '../document';

/** How a block (button, image, social icons) sits in its column, or text lines up (paragraph, heading). */
export const ALIGNMENTS = ['left', 'center', 'right'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

/** `value` when it is one of the three alignments, else null (stored JSON and pasted HTML are not trusted). */
export function asAlignment(value: unknown): Alignment | null {
  return (ALIGNMENTS as readonly unknown[]).includes(value) ? (value as Alignment) : null;
}

/** The stored alignment when it is one of the three, else centred. */
export function alignOf(node: DocNode): Alignment {
  return asAlignment(stringAttr(node, 'align')) ?? 'center';
}

/** Block-level margins that place a fixed-width element (an `<img>`) like `text-align` would. */
export const ALIGN_MARGIN: Record<Alignment, string> = { left: '0', center: '0 auto', right: '0 0 0 auto' };

/**
 * A paragraph's or heading's stored alignment, or null when it has none (text reads from the left;
 * stored JSON is not trusted, so an unknown value is none too).
 */
export function textAlignOf(node: DocNode): Alignment | null {
  return asAlignment(stringAttr(node, 'align'));
}

/** The declaration a textblock's inline style gains from its alignment (`;text-align:center`), or ''. */
export function textAlignStyle(node: DocNode): string {
  const align = textAlignOf(node);
  return align ? `;text-align:${align}` : '';
}
